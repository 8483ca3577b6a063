package io.credence.workbench.simulation;

import static com.vaadin.flow.i18n.I18NProvider.translate;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import io.credence.shared.FieldProblem;
import io.credence.simulation.SimulationReport.ChangedDecision;
import io.credence.simulation.SimulationReport.InvalidRow;
import io.credence.simulation.SimulationReport.Result;
import io.credence.workbench.components.Badges;
import io.credence.workbench.format.Display;
import java.util.stream.Collectors;

/** The report's row lists: rows rejected as invalid, and the sample of changed decisions. */
final class RowGrids {

    private RowGrids() {}

    static Grid<InvalidRow> invalidRows() {
        Grid<InvalidRow> grid = new Grid<>();
        grid.setId("backtest-invalid-rows");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(InvalidRow::line)
                .setHeader(translate("simulation.rows.line"))
                .setWidth("6em")
                .setFlexGrow(0);
        grid.addColumn(row -> row.applicationId() == null ? translate("simulation.rows.header") : row.applicationId())
                .setHeader(translate("simulation.rows.application"))
                .setWidth("10em")
                .setFlexGrow(0);
        // Each problem in the reader's words; the CSV columns and JSON paths it names stay as they are.
        grid.addColumn(row -> row.errors().stream().map(RowGrids::problem).collect(Collectors.joining("; ")))
                .setHeader(translate("simulation.rows.why"))
                .setFlexGrow(1);
        grid.setHeight("16em");
        return grid;
    }

    static Grid<ChangedDecision> changedDecisions(Display display, String currency) {
        Grid<ChangedDecision> grid = new Grid<>();
        grid.setId("backtest-changed");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ChangedDecision::line)
                .setHeader(translate("simulation.rows.line"))
                .setWidth("5em")
                .setFlexGrow(0);
        grid.addColumn(ChangedDecision::applicationId)
                .setHeader(translate("simulation.rows.application"))
                .setWidth("9em")
                .setFlexGrow(0);
        grid.addColumn(row -> row.age() + (row.label() == null ? "" : " · " + label(row.label())))
                .setHeader(translate("simulation.rows.age-label"))
                .setWidth("8em")
                .setFlexGrow(0);
        grid.addComponentColumn(row -> Badges.outcome(row.against().outcome()))
                .setHeader(translate("simulation.rows.compared-with"))
                .setAutoWidth(true);
        grid.addColumn(row -> detail(row.against(), display, currency))
                .setHeader("")
                .setFlexGrow(1);
        grid.addComponentColumn(row -> Badges.outcome(row.candidate().outcome()))
                .setHeader(translate("simulation.rows.candidate"))
                .setAutoWidth(true);
        grid.addColumn(row -> detail(row.candidate(), display, currency))
                .setHeader("")
                .setFlexGrow(1);
        grid.setHeight("20em");
        return grid;
    }

    private static String detail(Result result, Display display, String currency) {
        StringBuilder text = new StringBuilder(
                translate("simulation.rows.score", result.score() == null ? "—" : display.number(result.score())));
        if (result.apr() != null)
            text.append(" · ").append(translate("simulation.rows.apr", display.percent(result.apr())));
        if (result.approvedAmount() != null)
            text.append(" · ").append(display.money(result.approvedAmount(), currency));
        if (!result.reasons().isEmpty()) {
            text.append(" · ").append(String.join(translate("layout.list-separator"), result.reasons()));
        }
        return text.toString();
    }

    /** The CSV's good/bad label in the reader's words; anything else as the file had it. */
    private static String label(String label) {
        return switch (label) {
            case "good" -> translate("simulation.label.good");
            case "bad" -> translate("simulation.label.bad");
            default -> label;
        };
    }

    private static String problem(FieldProblem problem) {
        return ProblemWords.of(problem, io.credence.workbench.i18n.Words.current());
    }

    static Span empty(String text) {
        Span empty = new Span(text);
        empty.addClassName("muted");
        return empty;
    }
}
