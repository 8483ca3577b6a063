package io.credence.workbench.experiment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.credence.experiment.Experiment;
import io.credence.experiment.ExperimentReport;
import io.credence.experiment.ExperimentService;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.security.Role;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.errors.Problem;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Every market's experiments, newest first; reviewers start new ones here. */
@Route(value = "experiments", layout = MainLayout.class)
@StyleSheet("context://charts/experiment-screens.css")
@PermitAll
public class ExperimentsView extends VerticalLayout implements TranslatedTitle {

    private final ExperimentService experiments;
    private final PolicyService policies;
    private final CurrentUser user;
    private final ExperimentFormat format = ExperimentFormat.current();
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

    @Override
    public String heading() {
        return getTranslation("experiment.list.title");
    }

    private Component intro() {
        Paragraph intro = new Paragraph(getTranslation("experiment.list.intro"));
        intro.addClassName("page-intro");
        return intro;
    }

    private Component startForm() {
        StartExperimentForm form = new StartExperimentForm(policies.markets(), this::candidates);
        form.addStartListener(start -> {
            ExperimentReport started;
            try {
                started = experiments.start(user.actor(), start.market(), start.request());
            } catch (StateConflictException | NotFoundException refused) {
                // Another experiment running, or no champion to compare with: the engine says which, in its words.
                Problem problem = Problem.of(refused);
                Notices.problem(new Problem(
                        getTranslation("experiment.list.start-refused"),
                        problem.detail(),
                        true,
                        problem.httpStatus(),
                        null));
                return;
            }
            Notices.success(getTranslation("experiment.list.started", start.market()));
            open(started.experiment());
        });
        Details details = new Details(getTranslation("experiment.list.start-panel"), form);
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
        grid.addColumn(Experiment::market)
                .setHeader(getTranslation("common.market"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> getTranslation(
                        "experiment.list.versions",
                        Integer.toString(e.challengerVersion()),
                        Integer.toString(e.championVersion())))
                .setHeader(getTranslation("experiment.list.challenger"))
                .setAutoWidth(true);
        grid.addColumn(format::mode)
                .setHeader(getTranslation("experiment.list.mode"))
                .setAutoWidth(true);
        grid.addComponentColumn(e -> format.status(e.status()))
                .setHeader(getTranslation("common.status"))
                .setAutoWidth(true);
        grid.addColumn(e -> format.display().dateTime(e.startedAt()))
                .setHeader(getTranslation("experiment.list.started-at"))
                .setAutoWidth(true);
        grid.addColumn(Experiment::startedBy)
                .setHeader(getTranslation("experiment.list.by"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.status().ended() ? format.ending(e) : "")
                .setHeader(getTranslation("common.outcome"))
                .setFlexGrow(1);
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setEmptyStateText(getTranslation("experiment.list.empty"));
    }

    private void open(Experiment experiment) {
        getUI().ifPresent(ui -> ui.navigate(
                ExperimentView.class,
                new RouteParameters(ExperimentView.params(experiment.market(), experiment.id()))));
    }
}
