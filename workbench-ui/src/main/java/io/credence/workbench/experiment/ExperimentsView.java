package io.credence.workbench.experiment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.credence.experiment.Experiment;
import io.credence.experiment.ExperimentReport;
import io.credence.experiment.ExperimentService;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.security.Role;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.format.Display;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Every market's experiments, newest first; reviewers start new ones here. */
@Route(value = "experiments", layout = MainLayout.class)
@PageTitle("Experiments")
@StyleSheet("context://charts/experiment-screens.css")
@PermitAll
public class ExperimentsView extends VerticalLayout {

    private final ExperimentService experiments;
    private final PolicyService policies;
    private final CurrentUser user;
    private final Display display = Display.current();
    private final Grid<Experiment> grid = new Grid<>();

    ExperimentsView(ExperimentService experiments, PolicyService policies, CurrentUser user) {
        this.experiments = experiments;
        this.policies = policies;
        this.user = user;
        addClassName("page");
        add(intro());
        if (user.isSignedIn() && user.has(Role.REVIEWER)) add(startForm());
        configureGrid();
        add(grid);
        grid.setItems(experiments.recent(200));
    }

    private static Component intro() {
        Paragraph intro = new Paragraph("An experiment lets an approved challenger answer a share of a market's customers, "
                + "or decide silently beside the champion on every application, and compares the two arms from the "
                + "decision log.");
        intro.addClassName("page-intro");
        return intro;
    }

    private Component startForm() {
        StartExperimentForm form = new StartExperimentForm(policies.markets(), this::candidates);
        form.addStartListener(start -> {
            ExperimentReport started = experiments.start(user.name(), start.market(), start.request());
            Notices.success("Experiment started in " + start.market() + ".");
            open(started.experiment());
        });
        Details details = new Details("Start an experiment", form);
        details.setOpened(true);
        details.setId("start-experiment-panel");
        details.setWidthFull();
        return details;
    }

    private List<PolicyVersion> candidates(String market) {
        return policies.list(market).stream()
                .filter(v -> v.status() == VersionStatus.APPROVED || v.status() == VersionStatus.DEPLOYED)
                .sorted((a, b) -> Integer.compare(b.version(), a.version()))
                .toList();
    }

    private void configureGrid() {
        grid.setId("experiments");
        grid.setAllRowsVisible(true);
        grid.addColumn(Experiment::market).setHeader("Market").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> "v" + e.challengerVersion() + " vs v" + e.championVersion()).setHeader("Challenger")
                .setAutoWidth(true);
        grid.addColumn(ExperimentFormat::mode).setHeader("Mode").setAutoWidth(true);
        grid.addComponentColumn(e -> ExperimentFormat.status(e.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(e -> display.dateTime(e.startedAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(Experiment::startedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(e -> e.endReason() == null ? "" : e.endReason()).setHeader("Outcome").setFlexGrow(1);
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setEmptyStateText("No experiment yet. A reviewer starts one with an approved challenger version.");
    }

    private void open(Experiment experiment) {
        getUI().ifPresent(ui -> ui.navigate(ExperimentView.class,
                new RouteParameters(ExperimentView.params(experiment.market(), experiment.id()))));
    }
}
