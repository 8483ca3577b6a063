package io.credence.workbench.security;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import io.credence.workbench.i18n.ComponentTexts;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Which markets a key may decide for and the day it stops working: the same two fields when a key is
 * created and when it is changed. No market ticked means every market, as the hint says.
 */
class ApiKeyLimitsForm extends Div {

    private final CheckboxGroup<String> markets = new CheckboxGroup<>();
    private final DatePicker expiresOn = new DatePicker();

    ApiKeyLimitsForm(List<String> knownMarkets, Locale formatting, LocalDate today, String idPrefix) {
        markets.setLabel(getTranslation("admin.api-keys.markets"));
        markets.setHelperText(getTranslation("admin.api-keys.markets.hint"));
        markets.setItems(knownMarkets);
        markets.setId(idPrefix + "-markets");
        expiresOn.setLabel(getTranslation("admin.api-keys.expires-on"));
        expiresOn.setHelperText(getTranslation("admin.api-keys.expires-on.hint"));
        expiresOn.setClearButtonVisible(true);
        ComponentTexts.localise(expiresOn, formatting);
        // Tomorrow at the earliest: a key that expires today would be refused from its first call.
        expiresOn.setMin(today.plusDays(1));
        expiresOn.setWidth("11em");
        expiresOn.setId(idPrefix + "-expires-on");
        addClassName("toolbar");
        add(markets, expiresOn);
    }

    void show(List<String> chosen, LocalDate expiry) {
        markets.setValue(new java.util.LinkedHashSet<>(chosen));
        expiresOn.setValue(expiry);
    }

    List<String> markets() {
        return markets.getValue().stream().sorted().toList();
    }

    LocalDate expiresOn() {
        return expiresOn.getValue();
    }

    /** False (with the field marked) when the typed date is unreadable or before tomorrow. */
    boolean valid() {
        return !expiresOn.isInvalid();
    }

    void clear() {
        markets.clear();
        expiresOn.clear();
    }
}
