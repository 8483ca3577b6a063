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
import io.credence.simulation.SimulationReport.FourFifths;
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
        H3 heading = new H3("Latest backtest");
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
            getContent().add(new Div(new Span("v" + version + " has not been backtested yet. "), new Anchor(runLink, "Run a backtest")));
            return;
        }
        Simulation run = latest.get();
        Display display = Display.current();
        Facts facts = new Facts()
                .add("Compared with", "v" + run.against() + " on " + source(run, display))
                .add("Run", display.dateTime(run.finishedAt()) + " by " + run.createdBy())
                .add("Decisions changed", display.number(run.rowsChanged()) + " of " + display.number(run.rowsDecided())
                        + (run.rowsInvalid() > 0 ? " (" + display.number(run.rowsInvalid()) + " rows invalid)" : ""))
                .add("Approval rate", change(run.approvalRates().against(), run.approvalRates().candidate(), display))
                .add("Bad rate among approved", run.badRates() == null || run.badRates().against() == null
                        && run.badRates().candidate() == null ? "no labels"
                        : change(run.badRates().against(), run.badRates().candidate(), display))
                .add("Four-fifths (age)", fourFifths(run.fourFifths().candidate()));
        getContent().add(facts);
        String digest = safeDigest(market, version);
        if (digest != null && !digest.equals(run.versionDigest())) {
            getContent().add(Badges.warning("ran on an earlier draft of v" + version + " (" + Display.shortDigest(run.versionDigest()) + ")"));
        }
        getContent().add(new Div(new Anchor("backtests?market=" + market + "&id=" + run.id(), "Open the full report"),
                new Span(" · "), new Anchor(runLink, "Run again")));
    }

    private String safeDigest(String market, int version) {
        try {
            return policies.get(market, version).digest();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String change(Double before, Double after, Display display) {
        return (before == null ? "—" : display.percent(before)) + " → " + (after == null ? "—" : display.percent(after));
    }

    private static com.vaadin.flow.component.Component fourFifths(FourFifths ratio) {
        if (ratio == null || ratio.ratio() == null) return Badges.neutral("not enough data");
        String text = String.format("%.2f", ratio.ratio());
        return ratio.passes() ? Badges.good(text + " ✓") : Badges.bad(text + " below 0.8");
    }

    private static String source(Simulation run, Display display) {
        return switch (run.source()) {
            case "decisions" -> display.number(run.rowsRead()) + " recent decisions";
            case "demo" -> "the German credit demo";
            default -> run.fileName() == null ? "an uploaded file" : run.fileName();
        };
    }
}
