package io.credence.workbench.decision;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.credence.decision.DecisionLookup;
import io.credence.decision.DecisionSummary;
import io.credence.policy.PolicyService;
import io.credence.workbench.components.Badges;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.i18n.Words;
import io.credence.workbench.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Finds logged decisions by application, market, outcome and day; a row opens the decision. */
@Route(value = "decisions", layout = MainLayout.class)
@PermitAll
public class DecisionSearchView extends VerticalLayout implements BeforeEnterObserver, TranslatedTitle {

    static final int LIMIT = 200;

    private final DecisionLookup decisions;
    private final Display display = Display.current();
    private final Words texts = Words.current();
    private final DecisionFilters filters;
    private final Grid<DecisionSummary> grid = new Grid<>();
    private final Paragraph status = new Paragraph();

    DecisionSearchView(DecisionLookup decisions, PolicyService policies) {
        this.decisions = decisions;
        this.filters = new DecisionFilters(policies.markets(), display.locale(), this::search);
        addClassName("page");
        setSizeFull();
        status.addClassName("page-intro");
        add(filters, status, configureGrid());
    }

    @Override
    public String heading() {
        return getTranslation("decisions.title");
    }

    private Component configureGrid() {
        grid.setId("decisions-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(d -> display.dateTime(d.evaluatedAt())).setHeader(getTranslation("decisions.evaluated"))
                .setAutoWidth(true);
        grid.addColumn(DecisionSummary::applicationId).setHeader(getTranslation("decisions.application")).setAutoWidth(true);
        grid.addColumn(DecisionSummary::market).setHeader(getTranslation("common.market")).setAutoWidth(true);
        grid.addComponentColumn(d -> Badges.outcome(d.outcome())).setHeader(getTranslation("common.outcome"))
                .setWidth("9rem").setFlexGrow(0);
        grid.addColumn(d -> d.score() == null ? "—" : display.number(d.score())).setHeader(getTranslation("decisions.score"))
                .setAutoWidth(true);
        grid.addColumn(d -> "v" + d.policyVersion() + " · " + OutcomeSummary.arm(d.arm(), texts))
                .setHeader(getTranslation("decisions.policy")).setAutoWidth(true);
        grid.addColumn(d -> display.micros(d.durationMicros())).setHeader(getTranslation("decisions.engine-time"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::faultIcon).setHeader(getTranslation("decisions.fault")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("decisions.empty"));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(DecisionDetailView.class,
                new RouteParameters(DecisionDetailView.ID, click.getItem().decisionId()))));
        return grid;
    }

    private Component faultIcon(DecisionSummary decision) {
        if (!decision.fault()) return new Span();
        Icon warning = VaadinIcon.WARNING.create();
        warning.setTooltipText(getTranslation("decisions.fault.tooltip"));
        warning.getElement().setAttribute("aria-label", getTranslation("decisions.fault.tooltip"));
        return warning;
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
        status.setText(found.isEmpty() ? getTranslation("decisions.empty")
                : found.size() == LIMIT ? getTranslation("decisions.status.limit", display.number(LIMIT))
                : found.size() == 1 ? getTranslation("decisions.status.one")
                : getTranslation("decisions.status.many", display.number(found.size())));
    }
}
