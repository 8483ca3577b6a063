package io.credence.workbench.simulation;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinService;
import io.credence.policy.PolicyService;
import io.credence.simulation.Simulation;
import io.credence.simulation.SimulationService;
import io.credence.workbench.components.Badges;
import io.credence.workbench.components.Facts;
import io.credence.workbench.format.Display;
import java.util.Optional;

/**
 * A version's latest completed backtest in a few lines, for the reviewer next to the diff: what
 * changes, approval and bad rates before and after, and the four-fifths ratio, with a link to the
 * full report. It finds the services itself, so any page can place it with one line:
 * {@code add(new BacktestSummary(market, version))}.
 */
@StyleSheet("context://backtest-screens/backtests.css")
public class BacktestSummary extends Composite<Div> {

    private final SimulationService simulations;
    private final PolicyService policies;

    public BacktestSummary(String market, int version) {
        var instantiator = VaadinService.getCurrent().getInstantiator();
        this.simulations = instantiator.getOrCreate(SimulationService.class);
        this.policies = instantiator.getOrCreate(PolicyService.class);
        getContent().setId("backtest-summary");
        getContent().addClassName("backtest-summary");
        H3 heading = new H3(getTranslation("simulation.summary.title"));
        heading.addClassName("section-title");
        getContent().add(heading);
        show(market, version);
    }

    private void show(String market, int version) {
        Optional<Simulation> latest;
        try {
            latest = simulations.latest(market, version);
        } catch (RuntimeException e) {
            latest = Optional.empty();
        }
        String runLink = "backtests?market=" + market + "&version=" + version;
        if (latest.isEmpty()) {
            getContent()
                    .add(new Div(
                            new Span(getTranslation("simulation.summary.never", Integer.toString(version)) + " "),
                            new Anchor(runLink, getTranslation("simulation.summary.run-one"))));
            return;
        }
        Simulation run = latest.get();
        Display display = Display.current();
        Facts facts = new Facts()
                .add(
                        getTranslation("simulation.summary.compared-with"),
                        getTranslation(
                                "simulation.summary.compared-with-value",
                                Integer.toString(run.against()),
                                source(run, display)))
                .add(
                        getTranslation("simulation.summary.run"),
                        getTranslation(
                                "simulation.summary.run-value", display.dateTime(run.finishedAt()), run.createdBy()))
                .add(
                        getTranslation("simulation.summary.changed"),
                        run.rowsInvalid() > 0
                                ? getTranslation(
                                        "simulation.summary.changed-invalid",
                                        display.number(run.rowsChanged()),
                                        display.number(run.rowsDecided()),
                                        display.number(run.rowsInvalid()))
                                : getTranslation(
                                        "simulation.summary.changed-value",
                                        display.number(run.rowsChanged()),
                                        display.number(run.rowsDecided())))
                .add(
                        getTranslation("simulation.summary.approval-rate"),
                        change(
                                run.approvalRates().against(),
                                run.approvalRates().candidate(),
                                display))
                .add(
                        getTranslation("simulation.summary.bad-rate"),
                        run.badRates() == null
                                        || run.badRates().against() == null
                                                && run.badRates().candidate() == null
                                ? getTranslation("simulation.figure.no-labels")
                                : change(
                                        run.badRates().against(), run.badRates().candidate(), display))
                .add(
                        getTranslation("simulation.summary.four-fifths"),
                        AgeBandTable.badge(run.fourFifths().candidate(), display));
        getContent().add(facts);
        String digest = safeDigest(market, version);
        if (digest != null && !digest.equals(run.versionDigest())) {
            getContent()
                    .add(Badges.warning(getTranslation(
                            "simulation.summary.earlier-draft",
                            Integer.toString(version),
                            Display.shortDigest(run.versionDigest()))));
        }
        getContent()
                .add(new Div(
                        new Anchor(
                                "backtests?market=" + market + "&id=" + run.id(),
                                getTranslation("simulation.summary.open")),
                        new Span(" · "),
                        new Anchor(runLink, getTranslation("simulation.summary.run-again"))));
    }

    /**
     * The latest backtest's headline figures in one sentence, for the question before Approve: rows
     * changed, approval rate before and after, the four-fifths ratio; or that there is none.
     */
    public static String headline(String market, int version) {
        SimulationService simulations =
                VaadinService.getCurrent().getInstantiator().getOrCreate(SimulationService.class);
        Display display = Display.current();
        var words = io.credence.workbench.i18n.Words.current();
        Optional<Simulation> latest;
        try {
            latest = simulations.latest(market, version);
        } catch (RuntimeException e) {
            latest = Optional.empty();
        }
        if (latest.isEmpty()) return words.translate("simulation.headline.none", Integer.toString(version));
        Simulation run = latest.get();
        Double ratio = run.fourFifths() == null || run.fourFifths().candidate() == null
                ? null
                : run.fourFifths().candidate().ratio();
        return words.translate(
                "simulation.headline",
                Integer.toString(run.against()),
                display.number(run.rowsChanged() == null ? 0 : run.rowsChanged()),
                display.number(run.rowsDecided()),
                change(run.approvalRates().against(), run.approvalRates().candidate(), display),
                ratio == null ? "—" : String.format(display.locale(), "%.2f", ratio));
    }

    private String safeDigest(String market, int version) {
        try {
            return policies.get(market, version).digest();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String change(Double before, Double after, Display display) {
        return (before == null ? "—" : display.percent(before)) + " → "
                + (after == null ? "—" : display.percent(after));
    }

    private String source(Simulation run, Display display) {
        return switch (run.source()) {
            case "decisions" -> getTranslation("simulation.summary.source.decisions", display.number(run.rowsRead()));
            case "demo" -> getTranslation("simulation.summary.source.demo");
            case "spark" ->
                getTranslation("simulation.summary.source.spark", run.fileName(), display.number(run.rowsRead()));
            default -> run.fileName() == null ? getTranslation("simulation.summary.source.upload") : run.fileName();
        };
    }
}
