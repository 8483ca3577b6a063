package io.credence.workbench.decision;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.credence.decision.DecisionFilter;
import io.credence.decision.DecisionSearch;
import io.credence.decision.DecisionSummary;
import io.credence.policy.PolicyService;
import io.credence.shared.InvalidRequestException;
import io.credence.workbench.components.Badges;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.errors.Problem;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.i18n.Words;
import io.credence.workbench.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Finds logged decisions by application, customer, market, outcome, reason code, version, arm and day,
 * however many match: the grid fetches a page as it scrolls, and the export streams every match as CSV.
 * A row opens the decision.
 */
@Route(value = "decisions", layout = MainLayout.class)
@PermitAll
public class DecisionSearchView extends VerticalLayout implements BeforeEnterObserver, TranslatedTitle {

    private final DecisionSearch decisions;
    private final Display display = Display.current();
    private final Words texts = Words.current();
    private final DecisionFilters filters;
    private final Grid<DecisionSummary> grid = new Grid<>();
    private final Paragraph status = new Paragraph();
    private final Anchor export = new Anchor();
    /** The filter the grid shows, read again by the export when it is clicked. */
    private volatile DecisionFilter shown = DecisionFilter.ANY;

    DecisionSearchView(DecisionSearch decisions, PolicyService policies) {
        this.decisions = decisions;
        this.filters = new DecisionFilters(policies.markets(), display.locale(), this::search);
        addClassName("page");
        setSizeFull();
        status.addClassName("page-intro");
        add(filters, statusBar(), configureGrid());
    }

    private Component statusBar() {
        export.setHref(csvDownload());
        export.setText(getTranslation("decisions.export"));
        export.setId("export-decisions");
        export.getElement().setAttribute("download", true);
        HorizontalLayout bar = new HorizontalLayout(status, export);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        return bar;
    }

    /** Every decision the grid's filter matches, written as the database streams them. */
    private DownloadHandler csvDownload() {
        return event -> {
            event.setFileName("decisions.csv");
            event.setContentType("text/csv");
            Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
            decisions.exportCsv(shown, out);
        };
    }

    @Override
    public String heading() {
        return getTranslation("decisions.title");
    }

    private Component configureGrid() {
        grid.setId("decisions-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(d -> display.dateTime(d.evaluatedAt()))
                .setHeader(getTranslation("decisions.evaluated"))
                .setAutoWidth(true);
        grid.addColumn(DecisionSummary::applicationId)
                .setHeader(getTranslation("decisions.application"))
                .setAutoWidth(true);
        grid.addColumn(DecisionSummary::market)
                .setHeader(getTranslation("common.market"))
                .setAutoWidth(true);
        grid.addComponentColumn(d -> Badges.outcome(d.outcome()))
                .setHeader(getTranslation("common.outcome"))
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.addColumn(d -> d.score() == null ? "—" : display.number(d.score()))
                .setHeader(getTranslation("decisions.score"))
                .setAutoWidth(true);
        grid.addColumn(d -> "v" + d.policyVersion() + " · " + OutcomeSummary.arm(d.arm(), texts))
                .setHeader(getTranslation("decisions.policy"))
                .setAutoWidth(true);
        grid.addColumn(d -> display.micros(d.durationMicros()))
                .setHeader(getTranslation("decisions.engine-time"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::faultIcon)
                .setHeader(getTranslation("decisions.fault"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("decisions.empty"));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                DecisionDetailView.class,
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
        String market = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("market")
                .orElse(null);
        DecisionQuery query = DecisionQuery.ANY.withMarket(market);
        filters.show(query);
        search(query);
    }

    private void search(DecisionQuery query) {
        DecisionFilter filter;
        try {
            filter = new DecisionFilter(
                    query.market(),
                    query.outcome(),
                    query.applicationId(),
                    query.customerId(),
                    query.reasonCode(),
                    query.version(),
                    query.arm(),
                    display.startOf(query.from()),
                    display.endOf(query.to()));
        } catch (InvalidRequestException refused) {
            Notices.problem(Problem.of(refused));
            return;
        }
        shown = filter;
        long total = decisions.count(filter);
        grid.setItems(fetch -> decisions.slice(filter, fetch.getOffset(), fetch.getLimit()).stream(), fetch ->
                (int) Math.min(Integer.MAX_VALUE, total));
        status.setText(
                total == 0
                        ? getTranslation("decisions.empty")
                        : total == 1
                                ? getTranslation("decisions.status.one")
                                : getTranslation("decisions.status.many", display.number(total)));
        export.setEnabled(total > 0);
    }
}
