package io.credence.workbench.simulation;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import io.credence.simulation.Simulation;
import io.credence.simulation.SimulationReport.ChangedDecision;
import io.credence.simulation.SimulationReport.InvalidRow;
import io.credence.simulation.SimulationReport.VersionStats;
import io.credence.workbench.format.Display;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A finished backtest: what changes, the rates side by side, age bands, and the rows behind them. */
class BacktestReport extends Composite<Div> {

    record Figure(String measure, String against, String candidate) {}

    private final Display display;
    private final Paragraph headline = new Paragraph();
    private final Grid<Figure> figures = new Grid<>();
    private final DecisionMatrix matrix;
    private final AgeBandTable ageBands;
    private final Div invalid = new Div();
    private final Div changed = new Div();

    BacktestReport(Display display) {
        this.display = display;
        this.matrix = new DecisionMatrix(display);
        this.ageBands = new AgeBandTable(display);
        headline.setId("backtest-headline");
        headline.addClassName("backtest-headline");
        configureFigures();
        Div top = new Div(
                section(getTranslation("simulation.report.changes"), matrix),
                section(getTranslation("simulation.report.rates"), figures));
        top.addClassName("panels-2");
        getContent()
                .add(headline, top, section(getTranslation("simulation.report.age-bands"), ageBands), invalid, changed);
        getContent().setId("backtest-report");
        getContent().addClassName("backtest-report");
        getContent().setVisible(false);
    }

    private void configureFigures() {
        figures.setId("backtest-figures");
        figures.addThemeVariants(GridVariant.LUMO_COMPACT);
        figures.setAllRowsVisible(true);
        figures.addColumn(Figure::measure).setHeader("").setAutoWidth(true);
        figures.addColumn(Figure::against)
                .setHeader(getTranslation("simulation.report.compared-with"))
                .setTextAlign(ColumnTextAlign.END);
        figures.addColumn(Figure::candidate)
                .setHeader(getTranslation("simulation.report.candidate"))
                .setTextAlign(ColumnTextAlign.END);
    }

    void show(Simulation run, String currency) {
        getContent().setVisible(true);
        String text = getTranslation(
                "simulation.report.headline",
                Integer.toString(run.version()),
                Integer.toString(run.against()),
                source(run),
                display.number(run.rowsDecided()),
                display.number(run.rowsInvalid()),
                display.number(run.rowsChanged()));
        if (run.rowsPerSecond() != null) {
            text += " · " + getTranslation("simulation.report.speed", display.number(run.rowsPerSecond()));
        }
        headline.setText(text);
        matrix.show(run.matrix(), run.against(), run.version());
        figures.setItems(figures(run, currency));
        ageBands.show(
                run.ageBands(),
                run.fourFifths().against(),
                run.fourFifths().candidate(),
                run.minBandCount(),
                run.against(),
                run.version());
        showInvalid(run);
        showChanged(run, currency);
    }

    void hide() {
        getContent().setVisible(false);
    }

    private List<Figure> figures(Simulation run, String currency) {
        VersionStats a = run.stats().against();
        VersionStats c = run.stats().candidate();
        List<Figure> rows = new ArrayList<>();
        rows.add(figure(getTranslation("simulation.figure.approval-rate"), a, c, s -> rate(s.approvalRate())));
        rows.add(figure(getTranslation("simulation.figure.decline-rate"), a, c, s -> rate(s.declineRate())));
        rows.add(figure(getTranslation("simulation.figure.refer-rate"), a, c, s -> rate(s.referRate())));
        rows.add(figure(
                getTranslation("simulation.figure.bad-rate"),
                a,
                c,
                s -> s.labelledApproved() == 0
                        ? getTranslation("simulation.figure.no-labels")
                        : getTranslation(
                                "simulation.figure.bad-rate-value",
                                rate(s.badRateAmongApproved()),
                                display.number(s.labelledApproved()))));
        rows.add(figure(getTranslation("simulation.figure.mean-apr"), a, c, s -> rate(s.meanApr())));
        rows.add(figure(
                getTranslation("simulation.figure.mean-approved-amount"),
                a,
                c,
                s -> money(s.meanApprovedAmount(), currency)));
        rows.add(figure(
                getTranslation("simulation.figure.total-approved"),
                a,
                c,
                s -> money(s.totalApprovedAmount(), currency)));
        rows.add(figure(
                getTranslation("simulation.figure.mean-score"),
                a,
                c,
                s -> s.meanScore() == null ? "—" : String.format(display.locale(), "%.1f", s.meanScore())));
        rows.add(figure(getTranslation("simulation.figure.faults"), a, c, s -> display.number(s.faults())));
        return rows;
    }

    private static Figure figure(
            String measure, VersionStats against, VersionStats candidate, Function<VersionStats, String> value) {
        return new Figure(measure, value.apply(against), value.apply(candidate));
    }

    private void showInvalid(Simulation run) {
        invalid.removeAll();
        List<InvalidRow> rows = new ArrayList<>(run.fileProblems() == null ? List.of() : run.fileProblems());
        if (run.invalidRows() != null) rows.addAll(run.invalidRows());
        if (rows.isEmpty()) return;
        Grid<InvalidRow> grid = RowGrids.invalidRows();
        grid.setItems(rows);
        String summary = getTranslation("simulation.report.invalid", display.number(run.rowsInvalid()));
        if (run.rowsInvalid() > run.invalidRows().size()) {
            summary += " "
                    + getTranslation(
                            "simulation.report.invalid-first",
                            display.number(run.invalidRows().size()));
        }
        if (!run.fileProblems().isEmpty()) summary += " · " + getTranslation("simulation.report.invalid-header");
        Details details = new Details(summary, grid);
        details.setOpened(true);
        details.setId("backtest-invalid");
        details.setWidthFull();
        invalid.add(details);
    }

    private void showChanged(Simulation run, String currency) {
        changed.removeAll();
        List<ChangedDecision> rows = run.changedSample();
        if (rows == null || rows.isEmpty()) {
            changed.add(section(
                    getTranslation("simulation.report.changed-title"),
                    RowGrids.empty(getTranslation("simulation.report.changed-none"))));
            return;
        }
        Grid<ChangedDecision> grid = RowGrids.changedDecisions(display, currency);
        grid.setItems(rows);
        String title = rows.size() < run.rowsChanged()
                ? getTranslation(
                        "simulation.report.changed-first",
                        display.number(rows.size()),
                        display.number(run.rowsChanged()))
                : getTranslation("simulation.report.changed", display.number(run.rowsChanged()));
        changed.add(section(title, grid));
    }

    private static Div section(String title, com.vaadin.flow.component.Component content) {
        H3 heading = new H3(title);
        heading.addClassName("section-title");
        Div section = new Div(heading, content);
        section.addClassName("evidence-section");
        return section;
    }

    private String source(Simulation run) {
        return switch (run.source()) {
            case "decisions" ->
                getTranslation(
                        "simulation.report.source.decisions", display.number(run.limit() == null ? 0 : run.limit()));
            case "demo" -> getTranslation("simulation.report.source.demo");
            case "spark" ->
                getTranslation("simulation.report.source.spark", run.fileName(), display.number(run.rowsRead()));
            default -> run.fileName() == null ? getTranslation("simulation.report.source.upload") : run.fileName();
        };
    }

    private String rate(Double rate) {
        return rate == null ? "—" : display.percent(rate);
    }

    private String money(BigDecimal amount, String currency) {
        return display.money(amount, currency);
    }
}
