package io.credence.workbench.experiment;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import io.credence.deployment.ChampionRegistry;
import io.credence.experiment.Experiment;
import io.credence.experiment.ExperimentReport;
import io.credence.experiment.ExperimentService;
import io.credence.experiment.ExperimentStatus;
import io.credence.security.Role;
import io.credence.workbench.components.Confirmations;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.format.Display;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.Map;

/** One experiment: its two arms compared, refreshed while it runs; reviewers stop it or promote the challenger. */
@Route(value = "experiments/:" + ExperimentView.MARKET + "/:" + ExperimentView.ID, layout = MainLayout.class)
@StyleSheet("context://charts/experiment-screens.css")
@PermitAll
public class ExperimentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String MARKET = "market";
    static final String ID = "experimentId";
    private static final int REFRESH_MILLIS = 5000;

    private final ExperimentService experiments;
    private final ChampionRegistry champions;
    private final CurrentUser user;
    private final Display display = Display.current();
    private final ExperimentSummary summary;
    private final ArmComparison arms = new ArmComparison(display);
    private final ExperimentChart rates = new ExperimentChart("outcome-rates-chart", "Approval, decline and refer rates per arm");
    private final DifferencePanel difference = new DifferencePanel();
    private final ShadowPanel shadow = new ShadowPanel(display);
    private String market;
    private String id;
    private String title = "Experiment";
    private Registration polling;

    ExperimentView(ExperimentService experiments, ChampionRegistry champions, CurrentUser user) {
        this.experiments = experiments;
        this.champions = champions;
        this.user = user;
        this.summary = new ExperimentSummary(display, user.isSignedIn() && user.has(Role.REVIEWER), this::confirmStop,
                this::confirmPromote);
        addClassName("page");
        addClassName("experiment-view");
        Div charts = new Div(section("Outcomes per arm", rates), section("Difference in approval rate", difference));
        charts.addClassName("experiment-charts");
        Div body = new Div(section("Arms", arms), charts);
        body.addClassName("experiment-body");
        add(new RouterLink("← All experiments", ExperimentsView.class), summary, body, shadow);
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
    public String getPageTitle() {
        return title;
    }

    private void refresh() {
        ExperimentReport report = experiments.report(market, id);
        Experiment e = report.experiment();
        String currency = champions.champion(market).map(c -> c.settings().currency()).orElse(null);
        title = "Experiment in " + market + ": v" + e.challengerVersion() + " against v" + e.championVersion();
        summary.show(e);
        arms.show(report, currency);
        rates.show(ChartConfigs.outcomeRates(report.arms().get("champion"), ArmComparison.name(report, "champion"),
                report.arms().get("challenger"), ArmComparison.name(report, "challenger")));
        difference.show(report.approvalRateDifference());
        shadow.show(report.shadow());
    }

    private void confirmStop() {
        Confirmations.askDestructive("Stop this experiment?", "Every " + market + " customer is answered by the champion "
                + "again. The decisions made so far stay in the log and in this comparison.", "Stop experiment", () -> {
            experiments.stop(user.name(), market, id);
            Notices.success("Experiment stopped.");
            refresh();
        });
    }

    private void confirmPromote() {
        Confirmations.ask("Promote the challenger?", "The challenger becomes the champion of " + market + " at once, for "
                + "every customer, and the experiment ends. The promotion is recorded in the audit trail.", "Promote", () -> {
            ExperimentReport promoted = experiments.promote(user.name(), market, id);
            Notices.success("v" + promoted.experiment().challengerVersion() + " is the champion of " + market + ".");
            refresh();
        });
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
