package io.credence.workbench.audit;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Consumer;

/** The filters above the audit trail. Actions are offered from the known list, and any other may be typed. */
class AuditFilters extends Composite<Div> {

    static final List<String> KNOWN_ACTIONS = List.of("VERSION_CREATED", "VERSION_EDITED", "VERSION_SUBMITTED",
            "VERSION_APPROVED", "VERSION_REJECTED", "TEST_CASE_ADDED", "TEST_CASE_REMOVED", "DEPLOY", "ROLLBACK",
            "PROMOTE", "FRAUD_LIST_ADDED", "FRAUD_LIST_REMOVED", "API_KEY_CREATED", "API_KEY_REVOKED", "USER_SAVED",
            "USER_ROLES_CHANGED", "USER_ENABLED", "USER_DISABLED");

    private final ComboBox<String> market = new ComboBox<>("Market");
    private final TextField actor = new TextField("Actor");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");

    AuditFilters(List<String> markets, Consumer<AuditQuery> onSearch) {
        market.setItems(markets);
        market.setClearButtonVisible(true);
        market.setWidth("8em");
        market.setId("audit-market");
        actor.setClearButtonVisible(true);
        actor.setWidth("10em");
        actor.setId("audit-actor");
        action.setItems(KNOWN_ACTIONS);
        action.setAllowCustomValue(true);
        action.addCustomValueSetListener(typed -> action.setValue(typed.getDetail().trim().toUpperCase()));
        action.setClearButtonVisible(true);
        action.setWidth("15em");
        action.setId("audit-action");
        from.setWidth("10em");
        to.setWidth("10em");
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));
        Button search = new Button("Search", VaadinIcon.SEARCH.create(), click -> onSearch.accept(query()));
        search.addThemeVariants(ButtonVariant.PRIMARY);
        search.addClickShortcut(Key.ENTER);
        search.setId("search-audit");
        getContent().addClassName("toolbar");
        getContent().add(market, actor, action, from, to, search);
    }

    AuditQuery query() {
        return new AuditQuery(market.getValue(), actor.getValue(), action.getValue(), from.getValue(), to.getValue());
    }
}
