package io.credence.workbench.simulation;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.I18NProvider;
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
        grid.addColumn(AgeBandRates::band).setHeader(getTranslation("simulation.age.band"));
        grid.addColumn(b -> display.number(b.applications()))
                .setHeader(getTranslation("simulation.age.applications"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(b -> rate(b.rates().against().approvalRate()))
                .setHeader(getTranslation("simulation.age.approved-against"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(b -> rate(b.rates().candidate().approvalRate()))
                .setHeader(getTranslation("simulation.age.approved-candidate"))
                .setTextAlign(ColumnTextAlign.END);
        ratios.setId("backtest-four-fifths");
        ratios.addClassName("four-fifths");
        getContent().add(grid, ratios);
    }

    void show(
            List<AgeBandRates> bands,
            FourFifths against,
            FourFifths candidate,
            int minBandCount,
            int againstVersion,
            int candidateVersion) {
        grid.setItems(bands);
        ratios.removeAll();
        ratios.add(
                line(getTranslation("simulation.age.against", Integer.toString(againstVersion)), against),
                line(getTranslation("simulation.age.candidate", Integer.toString(candidateVersion)), candidate),
                note(getTranslation("simulation.age.note", display.number(minBandCount))));
    }

    private Div line(String version, FourFifths ratio) {
        Div line = new Div(new Span(version + ": "));
        if (ratio == null || ratio.ratio() == null) {
            line.add(
                    Badges.neutral(getTranslation("simulation.four-fifths.not-enough")),
                    note(" "
                            + getTranslation(
                                    "simulation.four-fifths.bands",
                                    display.number(ratio == null ? 0 : ratio.bandsCompared()))));
        } else {
            line.add(
                    badge(ratio, display),
                    note(" "
                            + getTranslation(
                                    "simulation.four-fifths.comparison",
                                    ratio.lowestBand(),
                                    rate(ratio.lowestRate()),
                                    ratio.highestBand(),
                                    rate(ratio.highestRate()))));
        }
        return line;
    }

    /** The ratio with two decimals in the reader's number format, green when it passes, red below 0.8. */
    static Badge badge(FourFifths ratio, Display display) {
        if (ratio == null || ratio.ratio() == null) {
            return Badges.neutral(I18NProvider.translate("simulation.four-fifths.not-enough"));
        }
        String text = String.format(display.locale(), "%.2f", ratio.ratio());
        return ratio.passes()
                ? Badges.good(I18NProvider.translate("simulation.four-fifths.passes", text))
                : Badges.bad(I18NProvider.translate("simulation.four-fifths.below", text));
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
