package io.credence.workbench.simulation;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import io.credence.workbench.format.Display;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The decision-change matrix: a row per outcome of the version compared with, a column per outcome of
 * the candidate, and totals. Cells off the diagonal are the decisions that would change.
 */
class DecisionMatrix extends Grid<DecisionMatrix.Row> {

    static final List<String> OUTCOMES = List.of("APPROVE", "DECLINE", "REFER");

    record Row(String from, long[] counts, boolean total) {}

    private final Column<Row> heading;

    DecisionMatrix(Display display) {
        setId("backtest-matrix");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        setAllRowsVisible(true);
        heading = addColumn(row -> row.total()
                        ? getTranslation("simulation.matrix.total")
                        : getTranslation("outcome." + row.from()))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setPartNameGenerator(row -> "matrix-heading");
        for (int i = 0; i < 4; i++) {
            int column = i;
            addColumn(row -> display.number(row.counts()[column]))
                    .setHeader(getTranslation(i < 3 ? "outcome." + OUTCOMES.get(i) : "simulation.matrix.total"))
                    .setPartNameGenerator(row -> part(row, column))
                    .setTextAlign(ColumnTextAlign.END)
                    .setFlexGrow(1);
        }
    }

    /** Rows: what {@code against} decided; columns: what {@code candidate} decides. */
    void show(Map<String, Map<String, Long>> matrix, int against, int candidate) {
        Span corner = new Span(
                getTranslation("simulation.matrix.corner", Integer.toString(against), Integer.toString(candidate)));
        corner.getElement()
                .setAttribute(
                        "title",
                        getTranslation(
                                "simulation.matrix.corner-label",
                                Integer.toString(against),
                                Integer.toString(candidate)));
        heading.setHeader(corner);
        List<Row> rows = new ArrayList<>();
        long[] totals = new long[4];
        for (String from : OUTCOMES) {
            long[] counts = new long[4];
            for (int j = 0; j < 3; j++) {
                counts[j] = matrix.getOrDefault(from, Map.of()).getOrDefault(OUTCOMES.get(j), 0L);
                counts[3] += counts[j];
                totals[j] += counts[j];
            }
            totals[3] += counts[3];
            rows.add(new Row(from, counts, false));
        }
        rows.add(new Row(null, totals, true));
        setItems(rows);
    }

    private static String part(Row row, int column) {
        if (row.total() || column == 3) return "matrix-total";
        boolean changed = !OUTCOMES.get(column).equals(row.from());
        return changed && row.counts()[column] > 0 ? "matrix-changed" : null;
    }
}
