package io.credence.workbench.decision;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.credence.workbench.i18n.ComponentTexts;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The search form above the decisions grid. It only says what was asked for; the view searches. */
class DecisionFilters extends Composite<Div> {

    private final TextField applicationId = new TextField();
    private final TextField customerId = new TextField();
    private final TextField reasonCode = new TextField();
    private final IntegerField version = new IntegerField();
    private final Select<String> arm = new Select<>();
    private final ComboBox<String> market = new ComboBox<>();
    private final Select<String> outcome = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Binder<DecisionQuery> binder = new Binder<>();
    private final Button search = new Button(VaadinIcon.SEARCH.create());

    DecisionFilters(List<String> markets, Locale formatting, Consumer<DecisionQuery> onSearch) {
        applicationId.setLabel(getTranslation("decisions.filter.application-id"));
        applicationId.setClearButtonVisible(true);
        applicationId.setId("filter-application-id");
        market.setLabel(getTranslation("common.market"));
        market.setPlaceholder(getTranslation("decisions.filter.any"));
        market.setItems(markets);
        market.setClearButtonVisible(true);
        market.setWidth("9em");
        market.setId("filter-market");
        configureOutcome();
        configureMore();
        configureDates(formatting);
        search.setText(getTranslation("common.search"));
        search.addThemeVariants(ButtonVariant.PRIMARY);
        search.addClickShortcut(Key.ENTER);
        search.setId("search-decisions");
        search.addClickListener(click -> {
            if (binder.validate().isOk()) onSearch.accept(query());
        });
        getContent().addClassName("toolbar");
        getContent().add(applicationId, customerId, market, outcome, reasonCode, version, arm, from, to, search);
    }

    /** Customer, reason code, version and arm: what an analyst asks about a complaint or an experiment. */
    private void configureMore() {
        customerId.setLabel(getTranslation("decisions.filter.customer-id"));
        customerId.setClearButtonVisible(true);
        customerId.setId("filter-customer-id");
        reasonCode.setLabel(getTranslation("decisions.filter.reason-code"));
        reasonCode.setClearButtonVisible(true);
        reasonCode.setWidth("11em");
        reasonCode.setId("filter-reason-code");
        version.setLabel(getTranslation("common.version"));
        version.setMin(1);
        version.setWidth("7em");
        version.setClearButtonVisible(true);
        version.setId("filter-version");
        arm.setLabel(getTranslation("decisions.filter.arm"));
        arm.setItems("", "champion", "challenger");
        arm.setItemLabelGenerator(
                a -> a.isEmpty() ? getTranslation("decisions.filter.any") : getTranslation("decisions.arm." + a));
        arm.setValue("");
        arm.setWidth("9em");
        arm.setId("filter-arm");
    }

    private void configureOutcome() {
        outcome.setLabel(getTranslation("common.outcome"));
        outcome.setItems("", "APPROVE", "DECLINE", "REFER");
        outcome.setItemLabelGenerator(
                o -> o.isEmpty() ? getTranslation("decisions.filter.any") : getTranslation("components.outcome." + o));
        outcome.setValue("");
        outcome.setWidth("9em");
        outcome.setId("filter-outcome");
    }

    private void configureDates(Locale formatting) {
        from.setLabel(getTranslation("decisions.filter.from"));
        to.setLabel(getTranslation("decisions.filter.to"));
        ComponentTexts.localise(from, formatting);
        ComponentTexts.localise(to, formatting);
        from.setId("filter-from");
        to.setId("filter-to");
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));
        // Typed dates can still cross; the search is refused with a message rather than silently empty.
        // The binder only validates (the form reads its fields itself); a null setter would make a field read-only.
        binder.forField(to)
                .withValidator(
                        day -> day == null || from.getValue() == null || !day.isBefore(from.getValue()),
                        getTranslation("decisions.filter.to-before-from"))
                .bind(DecisionQuery::to, (unused, value) -> {});
    }

    DecisionQuery query() {
        return new DecisionQuery(
                applicationId.getValue(),
                market.getValue(),
                outcome.getValue(),
                from.getValue(),
                to.getValue(),
                customerId.getValue(),
                reasonCode.getValue(),
                version.getValue(),
                arm.getValue());
    }

    void show(DecisionQuery query) {
        applicationId.setValue(query.applicationId() == null ? "" : query.applicationId());
        market.setValue(query.market());
        outcome.setValue(query.outcome() == null ? "" : query.outcome());
        from.setValue(query.from());
        to.setValue(query.to());
        customerId.setValue(query.customerId() == null ? "" : query.customerId());
        reasonCode.setValue(query.reasonCode() == null ? "" : query.reasonCode());
        version.setValue(query.version());
        arm.setValue(query.arm() == null ? "" : query.arm());
    }
}
