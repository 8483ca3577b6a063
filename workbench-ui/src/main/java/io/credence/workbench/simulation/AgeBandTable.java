package io.credence.workbench.simulation;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.credence.simulation.SimulationReport.AgeBandRates;
import io.credence.simulation.SimulationReport.FourFifths;
import io.credence.workbench.components.Badges;
import io.credence.workbench.format.Display;
import java.util.List;

/**
 * Approval rate by age band for both versions, and each version's four-fifths ratio: the lowest band's
 * rate over the highest's, flagged below 0.8, the rule of thumb regulators use for disparate impact.
 */
class AgeBandTable extends Composite<Div> {

    private final Grid<AgeBandRates> grid = new Grid<>();
    private final Div ratios = new Div();
    private final Display display;

    AgeBandTable(Display display) {
        this.display = display;
        grid.setId("backtest-age-bands");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(AgeBandRates::band).setHeader("Age band");
        grid.addColumn(b -> display.number(b.applications())).setHeader("Applications").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(b -> rate(b.rates().against().approvalRate())).setHeader("Approved, compared with")
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(b -> rate(b.rates().candidate().approvalRate())).setHeader("Approved, candidate")
                .setTextAlign(ColumnTextAlign.END);
        ratios.setId("backtest-four-fifths");
        ratios.addClassName("four-fifths");
        getContent().add(grid, ratios);
    }

    void show(List<AgeBandRates> bands, FourFifths against, FourFifths candidate, int minBandCount, int againstVersion,
            int candidateVersion) {
        grid.setItems(bands);
        ratios.removeAll();
        ratios.add(line("v" + againstVersion + " (compared with)", against), line("v" + candidateVersion + " (candidate)", candidate),
                note("Four-fifths ratio: the lowest age band's approval rate over the highest's, among bands of at least "
                        + minBandCount + " applications (under-18s are left out). Below 0.8 suggests disparate impact."));
    }

    private Div line(String version, FourFifths ratio) {
        Div line = new Div(new Span(version + ": "));
        if (ratio == null || ratio.ratio() == null) {
            line.add(Badges.neutral("not enough data"),
                    note(" " + (ratio == null ? 0 : ratio.bandsCompared()) + " band(s) large enough to compare"));
        } else {
            String text = String.format(display.locale(), "%.2f", ratio.ratio());
            line.add(ratio.passes() ? Badges.good(text + " ✓") : Badges.bad(text + " below 0.8"),
                    note(" " + ratio.lowestBand() + " " + rate(ratio.lowestRate()) + " vs " + ratio.highestBand() + " "
                            + rate(ratio.highestRate())));
        }
        return line;
    }

    private String rate(Double rate) {
        return rate == null ? "—" : display.percent(rate);
    }

    private static Span note(String text) {
        Span note = new Span(text);
        note.addClassName("muted");
        return note;
    }
}
