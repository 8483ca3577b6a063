package io.credence.workbench.experiment;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import io.credence.deployment.Champions;
import io.credence.experiment.Experiment;
import io.credence.experiment.ExperimentReport;
import io.credence.experiment.ExperimentService;
import io.credence.experiment.ExperimentStatus;
import io.credence.security.Role;
import io.credence.shared.ForbiddenActionException;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.errors.Problem;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.Map;

/** One experiment: its two arms compared, refreshed while it runs; reviewers stop it or promote the challenger. */
@Route(value = "experiments/:" + ExperimentView.MARKET + "/:" + ExperimentView.ID, layout = MainLayout.class)
@StyleSheet("context://charts/experiment-screens.css")
@PermitAll
public class ExperimentView extends VerticalLayout implements BeforeEnterObserver, TranslatedTitle {

    static final String MARKET = "market";
    static final String ID = "experimentId";
    private static final int REFRESH_MILLIS = 5000;

    private final ExperimentService experiments;
    private final Champions champions;
    private final CurrentUser user;
    private final ExperimentFormat format = ExperimentFormat.current();
    private final ExperimentSummary summary;
    private final ArmComparison arms = new ArmComparison(format);
    private final ExperimentChart rates =
            new ExperimentChart("outcome-rates-chart", getTranslation("experiment.chart.rates.label"));
    private final DifferencePanel difference = new DifferencePanel(format);
    private final ExperimentChart vintage =
            new ExperimentChart("vintage-chart", getTranslation("experiment.chart.vintage.label"));
    private final ShadowPanel shadow = new ShadowPanel(format.display());
    private String market;
    private String id;
    private String title = getTranslation("experiment.view.title-unknown");
    private Registration polling;

    ExperimentView(ExperimentService experiments, Champions champions, CurrentUser user) {
        this.experiments = experiments;
        this.champions = champions;
        this.user = user;
        this.summary = new ExperimentSummary(
                format,
                user.isSignedIn() && user.has(Role.REVIEWER),
                user.isSignedIn() && user.has(Role.ADMIN),
                this::confirmStop,
                this::confirmPromote);
        addClassName("page");
        addClassName("experiment-view");
        Div charts = new Div(
                section(getTranslation("experiment.view.outcomes"), rates),
                section(getTranslation("experiment.view.difference"), difference),
                section(getTranslation("experiment.view.vintage"), vintage));
        charts.addClassName("experiment-charts");
        Div body = new Div(section(getTranslation("experiment.view.arms"), arms), charts);
        body.addClassName("experiment-body");
        add(new RouterLink(getTranslation("experiment.view.back"), ExperimentsView.class), summary, body, shadow);
    }

    static Map<String, String> params(String market, String id) {
        return Map.of(MARKET, market, ID, id);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        market = event.getRouteParameters().get(MARKET).orElseThrow();
        id = event.getRouteParameters().get(ID).orElseThrow();
        refresh();
    }

    @Override
    public String heading() {
        return title;
    }

    private void refresh() {
        ExperimentReport report = experiments.report(market, id);
        Experiment e = report.experiment();
        String currency = champions.currency(market);
        title = getTranslation(
                "experiment.view.title",
                market,
                Integer.toString(e.challengerVersion()),
                Integer.toString(e.championVersion()));
        summary.show(e);
        arms.show(report, currency);
        rates.show(ChartConfigs.outcomeRates(
                format,
                report.arms().get("champion"),
                ArmComparison.name(format.texts(), report, "champion"),
                report.arms().get("challenger"),
                ArmComparison.name(format.texts(), report, "challenger")));
        difference.show(report.approvalRateDifference());
        java.util.Map<String, java.util.List<double[]>> curves = new java.util.LinkedHashMap<>();
        for (String arm : java.util.List.of("champion", "challenger")) {
            curves.put(
                    ArmComparison.name(format.texts(), report, arm),
                    report.arms().get(arm).credit().vintage().stream()
                            .map(p -> new double[] {p.monthsOnBook(), p.badRate()})
                            .toList());
        }
        vintage.show(ChartConfigs.vintages(
                format, curves, java.util.List.of(ChartConfigs.CHAMPION_COLOUR, ChartConfigs.CHALLENGER_COLOUR)));
        shadow.show(report.shadow());
    }

    private void confirmStop() {
        confirm(
                getTranslation("experiment.stop.title"),
                getTranslation("experiment.stop.text", market),
                getTranslation("experiment.stop.confirm"),
                "error primary",
                () -> {
                    try {
                        experiments.stop(user.name(), market, id);
                    } catch (StateConflictException | NotFoundException | ForbiddenActionException refused) {
                        refused("experiment.stop.refused", refused);
                        return;
                    }
                    Notices.success(getTranslation("experiment.stop.done"));
                    refresh();
                });
    }

    private void confirmPromote() {
        ExperimentReport report = experiments.report(market, id);
        confirm(
                getTranslation("experiment.promote.title"),
                getTranslation("experiment.promote.text", market) + " " + PromotionFigures.describe(format, report),
                getTranslation("experiment.promote.confirm"),
                "primary",
                () -> {
                    ExperimentReport promoted;
                    try {
                        promoted = experiments.promote(user.actor(), market, id);
                    } catch (StateConflictException | NotFoundException | ForbiddenActionException refused) {
                        refused("experiment.promote.refused", refused);
                        return;
                    }
                    Notices.success(getTranslation(
                            "experiment.promote.done",
                            Integer.toString(promoted.experiment().challengerVersion()),
                            market));
                    refresh();
                });
    }

    /** The engine's reason, which names versions and states, under a heading in the reader's language. */
    private void refused(String titleKey, RuntimeException refusal) {
        Problem problem = Problem.of(refusal);
        Notices.problem(new Problem(getTranslation(titleKey), problem.detail(), true, problem.httpStatus(), null));
        refresh();
    }

    /** A confirm dialog with every button in the reader's language (Cancel included). */
    private void confirm(String header, String text, String confirmText, String confirmTheme, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, confirmed -> onConfirm.run());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.setConfirmButtonTheme(confirmTheme);
        dialog.open();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(REFRESH_MILLIS);
        polling = attach.getUI().addPollListener(poll -> {
            if (summary.status() == ExperimentStatus.RUNNING) refresh();
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) polling.remove();
        detach.getUI().setPollInterval(-1);
    }

    private static Component section(String title, Component content) {
        H3 heading = new H3(title);
        heading.addClassName("section-title");
        Div section = new Div(heading, content);
        section.addClassName("experiment-section");
        return section;
    }
}
