package io.credence.workbench.simulation;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.credence.deployment.Champions;
import io.credence.policy.PolicyService;
import io.credence.security.Role;
import io.credence.shared.ForbiddenActionException;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import io.credence.simulation.Simulation;
import io.credence.simulation.SimulationCreated;
import io.credence.simulation.SimulationService;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.errors.Problem;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.layout.RecentMarket;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** Backtests: backtests?market=GB&version=2 preselects; backtests?market=GB&id=… opens a report. */
@Route(value = "backtests", layout = MainLayout.class)
@PermitAll
@StyleSheet("context://backtest-screens/backtests.css")
public class BacktestView extends VerticalLayout implements BeforeEnterObserver, TranslatedTitle {

    private static final int POLL_MILLIS = 500;

    private final SimulationService simulations;
    private final PolicyService policies;
    private final Champions champions;
    private final CurrentUser user;
    private final Display display = Display.current();
    private final BacktestForm form = new BacktestForm();
    private final BacktestProgress progress = new BacktestProgress(display);
    private final BacktestReport report = new BacktestReport(display);
    private final BacktestHistory history = new BacktestHistory(display, run -> open(run.id()));
    private String market;
    private String following;
    private Registration polling;

    BacktestView(SimulationService simulations, PolicyService policies, Champions champions, CurrentUser user) {
        this.simulations = simulations;
        this.policies = policies;
        this.champions = champions;
        this.user = user;
        addClassNames("page", "backtest-view");
        form.addMarketChosenListener(chosen -> chooseMarket(chosen.market, null));
        form.addStartRequestedListener(this::start);
        form.addFormChangedListener(changed -> {
            if (following == null) report.hide();
        });
        form.setTemplateSource(simulations::template);
        form.setStartAllowed(user.has(Role.ANALYST) || user.has(Role.REVIEWER));
        add(intro(), form, progress, report, sectionTitle(getTranslation("simulation.history.title")), history);
    }

    @Override
    public String heading() {
        return getTranslation("simulation.title");
    }

    private Paragraph intro() {
        Paragraph intro = new Paragraph(getTranslation("simulation.intro"));
        intro.addClassName("page-intro");
        return intro;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        List<String> markets = policies.markets();
        // Without a market in the address, the one the person last worked on (as when they came from its draft).
        String wanted = query.getSingleParameter("market")
                .map(String::toUpperCase)
                .filter(markets::contains)
                .or(() -> RecentMarket.recall().filter(markets::contains))
                .orElse(
                        markets.contains("GB")
                                ? "GB"
                                : markets.stream().findFirst().orElse(null));
        Integer recentVersion = query.getSingleParameter("market").isEmpty()
                        && wanted != null
                        && RecentMarket.recall().filter(wanted::equals).isPresent()
                ? RecentMarket.recallVersion().orElse(null)
                : null;
        form.setMarkets(markets, wanted);
        if (wanted == null) return;
        chooseMarket(
                wanted,
                query.getSingleParameter("version")
                        .flatMap(BacktestView::number)
                        .orElse(recentVersion));
        query.getSingleParameter("id").ifPresent(this::open);
    }

    private void chooseMarket(String chosen, Integer version) {
        market = chosen;
        report.hide();
        Integer champion = champions.version(chosen);
        form.setVersions(
                chosen,
                policies.list(chosen).reversed(),
                version,
                champion,
                simulations.hasDemo(chosen),
                simulations.hasLoggedDecisions(chosen));
        history.show(simulations.list(chosen, null, 20));
    }

    private void start(BacktestForm.StartRequested requested) {
        SimulationCreated created;
        try {
            if (requested.upload != null) {
                try (InputStream in = Files.newInputStream(requested.upload.file())) {
                    created = simulations.startUpload(
                            user.name(), requested.market, requested.request, requested.upload.name(), in);
                } finally {
                    Files.deleteIfExists(requested.upload.file());
                    form.uploadConsumed();
                }
            } else {
                created = simulations.start(user.name(), requested.market, requested.request);
            }
        } catch (InvalidRequestException
                | NotFoundException
                | StateConflictException
                | ForbiddenActionException refused) {
            refused("simulation.start-refused", refused);
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open(created.id());
    }

    /** Shows a run and, while it is unfinished, polls it until it is. */
    private void open(String id) {
        following = id;
        refresh();
    }

    private void refresh() {
        if (following == null || market == null) return;
        Simulation run;
        try {
            run = simulations.get(market, following);
        } catch (NotFoundException e) {
            following = null;
            refused("simulation.open-refused", e);
            return;
        }
        progress.show(run);
        getUI().ifPresent(ui -> ui.setPollInterval(run.status().finished() ? -1 : POLL_MILLIS));
        if (run.status().finished()) {
            following = null;
            form.showRun(run);
            if (run.matrix() != null) report.show(run, currency());
            else report.hide();
            history.show(simulations.list(market, null, 20));
        } else {
            report.hide();
        }
    }

    /** The engine's reason, which names the fields and versions, under a heading in the reader's language. */
    private void refused(String titleKey, RuntimeException refusal) {
        Problem problem = Problem.of(refusal);
        Notices.problem(new Problem(getTranslation(titleKey), problem.detail(), true, problem.httpStatus(), null));
    }

    private String currency() {
        return champions.currency(market);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        polling = attach.getUI().addPollListener(poll -> refresh());
        if (following != null) attach.getUI().setPollInterval(POLL_MILLIS);
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) polling.remove();
    }

    private static H3 sectionTitle(String text) {
        H3 heading = new H3(text);
        heading.addClassName("section-title");
        return heading;
    }

    private static java.util.Optional<Integer> number(String text) {
        try {
            return java.util.Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
