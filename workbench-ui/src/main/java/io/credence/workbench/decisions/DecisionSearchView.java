package io.credence.workbench.decisions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.credence.decision.DecisionService;
import io.credence.decision.DecisionSummary;
import io.credence.policy.PolicyService;
import io.credence.workbench.components.Badges;
import io.credence.workbench.format.Display;
import io.credence.workbench.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Finds logged decisions by application, market, outcome and day; a row opens the decision. */
@Route(value = "decisions", layout = MainLayout.class)
@PageTitle("Decisions")
@PermitAll
public class DecisionSearchView extends VerticalLayout implements BeforeEnterObserver {

    static final int LIMIT = 200;

    private final DecisionService decisions;
    private final Display display = Display.current();
    private final DecisionFilters filters;
    private final Grid<DecisionSummary> grid = new Grid<>();
    private final Paragraph status = new Paragraph();

    DecisionSearchView(DecisionService decisions, PolicyService policies) {
        this.decisions = decisions;
        this.filters = new DecisionFilters(policies.markets(), this::search);
        addClassName("page");
        setSizeFull();
        status.addClassName("page-intro");
        add(filters, status, configureGrid());
    }

    private Component configureGrid() {
        grid.setId("decisions-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(d -> display.dateTime(d.evaluatedAt())).setHeader("Evaluated").setAutoWidth(true);
        grid.addColumn(DecisionSummary::applicationId).setHeader("Application").setAutoWidth(true);
        grid.addColumn(DecisionSummary::market).setHeader("Market").setAutoWidth(true);
        grid.addComponentColumn(d -> Badges.outcome(d.outcome())).setHeader("Outcome").setWidth("9rem").setFlexGrow(0);
        grid.addColumn(d -> d.score() == null ? "—" : d.score().toString()).setHeader("Score").setAutoWidth(true);
        grid.addColumn(d -> "v" + d.policyVersion() + " · " + d.arm()).setHeader("Policy").setAutoWidth(true);
        grid.addColumn(d -> display.micros(d.durationMicros())).setHeader("Engine time").setAutoWidth(true);
        grid.addComponentColumn(d -> d.fault() ? VaadinIcon.WARNING.create() : new Paragraph())
                .setHeader("Fault").setAutoWidth(true);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(DecisionDetailView.class,
                new RouteParameters(DecisionDetailView.ID, click.getItem().decisionId()))));
        return grid;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String market = event.getLocation().getQueryParameters().getSingleParameter("market").orElse(null);
        DecisionQuery query = DecisionQuery.ANY.withMarket(market);
        filters.show(query);
        search(query);
    }

    private void search(DecisionQuery query) {
        List<DecisionSummary> found = decisions.search(query.market(), query.outcome(), query.applicationId(),
                display.startOf(query.from()), display.endOf(query.to()), LIMIT);
        grid.setItems(found);
        status.setText(found.isEmpty() ? "No decisions match."
                : found.size() == LIMIT ? "The " + LIMIT + " most recent matching decisions; narrow the search to see others."
                : found.size() + (found.size() == 1 ? " decision" : " decisions") + ", most recent first.");
    }
}
