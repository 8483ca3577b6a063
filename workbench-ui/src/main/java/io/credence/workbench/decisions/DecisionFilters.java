package io.credence.workbench.decisions;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Consumer;

/** The search form above the decisions grid. It only says what was asked for; the view searches. */
class DecisionFilters extends Composite<Div> {

    private final TextField applicationId = new TextField("Application id");
    private final ComboBox<String> market = new ComboBox<>("Market");
    private final Select<String> outcome = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Button search = new Button("Search", VaadinIcon.SEARCH.create());

    DecisionFilters(List<String> markets, Consumer<DecisionQuery> onSearch) {
        applicationId.setClearButtonVisible(true);
        applicationId.setId("filter-application-id");
        market.setItems(markets);
        market.setClearButtonVisible(true);
        market.setWidth("9em");
        market.setId("filter-market");
        outcome.setLabel("Outcome");
        outcome.setItems("", "APPROVE", "DECLINE", "REFER");
        outcome.setItemLabelGenerator(o -> o.isEmpty() ? "Any" : o);
        outcome.setValue("");
        outcome.setWidth("9em");
        outcome.setId("filter-outcome");
        from.setId("filter-from");
        to.setId("filter-to");
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));
        search.addThemeVariants(ButtonVariant.PRIMARY);
        search.addClickShortcut(Key.ENTER);
        search.setId("search-decisions");
        search.addClickListener(click -> onSearch.accept(query()));
        getContent().addClassName("toolbar");
        getContent().add(applicationId, market, outcome, from, to, search);
    }

    DecisionQuery query() {
        return new DecisionQuery(applicationId.getValue(), market.getValue(), outcome.getValue(), from.getValue(),
                to.getValue());
    }

    void show(DecisionQuery query) {
        applicationId.setValue(query.applicationId() == null ? "" : query.applicationId());
        market.setValue(query.market());
        outcome.setValue(query.outcome() == null ? "" : query.outcome());
        from.setValue(query.from());
        to.setValue(query.to());
    }
}
