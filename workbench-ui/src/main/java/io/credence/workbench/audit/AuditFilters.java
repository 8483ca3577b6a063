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
import com.vaadin.flow.data.binder.Binder;
import io.credence.workbench.i18n.ComponentTexts;
import io.credence.workbench.i18n.Words;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The filters above the audit trail. Actions are offered from the known list, and any other may be typed. */
class AuditFilters extends Composite<Div> {

    static final List<String> KNOWN_ACTIONS = List.of(
            "VERSION_CREATED",
            "VERSION_EDITED",
            "VERSION_SUBMITTED",
            "VERSION_APPROVED",
            "VERSION_REJECTED",
            "TEST_CASE_ADDED",
            "TEST_CASE_REMOVED",
            "DEPLOY",
            "ROLLBACK",
            "PROMOTE",
            "EXPERIMENT_STARTED",
            "EXPERIMENT_STOPPED",
            "EXPERIMENT_STOPPED_BY_GUARD_RAIL",
            "EXPERIMENT_PROMOTED",
            "FRAUD_LIST_ADDED",
            "FRAUD_LIST_REMOVED",
            "API_KEY_CREATED",
            "API_KEY_CHANGED",
            "API_KEY_REVOKED",
            "REVIEW_COMMENT_ADDED",
            "USER_SAVED",
            "USER_ROLES_CHANGED",
            "USER_ENABLED",
            "USER_DISABLED",
            "DRIFT_ALERT",
            "DRIFT_RESOLVED",
            "TEST_CASE_EDITED",
            "VERSION_DISCARDED",
            "USER_CHANGE_PROPOSED",
            "USER_CHANGE_SINGLE_ADMIN",
            "USER_CHANGE_APPROVED",
            "USER_CHANGE_REJECTED",
            "OUTCOMES_RECEIVED",
            "DECISION_REQUESTS_PURGED");

    private final ComboBox<String> market = new ComboBox<>();
    private final TextField actor = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Binder<AuditQuery> binder = new Binder<>();

    AuditFilters(List<String> markets, Locale formatting, Consumer<AuditQuery> onSearch) {
        market.setLabel(getTranslation("common.market"));
        market.setItems(markets);
        market.setPlaceholder(getTranslation("audit.filter.any"));
        market.setClearButtonVisible(true);
        market.setWidth("8em");
        market.setId("audit-market");
        actor.setLabel(getTranslation("audit.actor"));
        actor.setPlaceholder(getTranslation("audit.filter.anyone"));
        actor.setClearButtonVisible(true);
        actor.setWidth("10em");
        actor.setId("audit-actor");
        configureAction();
        configureDates(formatting);
        Button search = new Button(getTranslation("common.search"), VaadinIcon.SEARCH.create(), click -> {
            if (binder.validate().isOk()) onSearch.accept(query());
        });
        search.addThemeVariants(ButtonVariant.PRIMARY);
        search.addClickShortcut(Key.ENTER);
        search.setId("search-audit");
        getContent().addClassName("toolbar");
        getContent().add(market, actor, action, from, to, search);
    }

    private void configureAction() {
        Words texts = Words.current();
        action.setLabel(getTranslation("audit.action"));
        action.setItems(KNOWN_ACTIONS);
        // Chinese readers see the event's name; the code stays findable, as the API filters on it.
        action.setItemLabelGenerator(code -> AuditView.actionName(code, texts));
        action.setPlaceholder(getTranslation("audit.filter.any"));
        action.setAllowCustomValue(true);
        action.addCustomValueSetListener(
                typed -> action.setValue(typed.getDetail().trim().toUpperCase(Locale.ROOT)));
        action.setClearButtonVisible(true);
        action.setWidth("15em");
        action.setId("audit-action");
    }

    private void configureDates(Locale formatting) {
        from.setLabel(getTranslation("audit.filter.from"));
        to.setLabel(getTranslation("audit.filter.to"));
        ComponentTexts.localise(from, formatting);
        ComponentTexts.localise(to, formatting);
        from.setWidth("10em");
        to.setWidth("10em");
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));
        // Typed dates can still cross; the search is refused with a message rather than silently empty.
        // The binder only validates (the form reads its fields itself); a null setter would make a field read-only.
        binder.forField(to)
                .withValidator(
                        day -> day == null || from.getValue() == null || !day.isBefore(from.getValue()),
                        getTranslation("audit.filter.to-before-from"))
                .bind(AuditQuery::to, (unused, value) -> {});
    }

    AuditQuery query() {
        return new AuditQuery(market.getValue(), actor.getValue(), action.getValue(), from.getValue(), to.getValue());
    }
}
