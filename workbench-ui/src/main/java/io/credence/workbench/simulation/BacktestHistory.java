package io.credence.workbench.simulation;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.credence.simulation.Simulation;
import io.credence.workbench.format.Display;
import java.util.List;
import java.util.function.Consumer;

/** The market's recent backtests, newest first; selecting one opens its report. */
class BacktestHistory extends Grid<Simulation> {

    BacktestHistory(Display display, Consumer<Simulation> open) {
        setId("backtest-history");
        addThemeVariants(GridVariant.LUMO_COMPACT);
        addColumn(run -> display.dateTime(run.createdAt()))
                .setHeader(getTranslation("simulation.history.started"))
                .setAutoWidth(true);
        addColumn(run -> getTranslation(
                        "simulation.history.versions-value",
                        Integer.toString(run.version()),
                        Integer.toString(run.against())))
                .setHeader(getTranslation("simulation.history.versions"))
                .setAutoWidth(true);
        addColumn(run -> switch (run.source()) {
                    case "decisions" -> getTranslation("simulation.history.source.decisions");
                    case "demo" -> getTranslation("simulation.history.source.demo");
                    case "spark" ->
                        getTranslation(
                                "simulation.history.source.spark", run.fileName(), display.number(run.rowsRead()));
                    default ->
                        run.fileName() == null ? getTranslation("simulation.history.source.upload") : run.fileName();
                })
                .setHeader(getTranslation("simulation.history.applications"))
                .setFlexGrow(1);
        addColumn(Simulation::createdBy)
                .setHeader(getTranslation("simulation.history.by"))
                .setAutoWidth(true);
        addColumn(run -> run.status().finished()
                        ? getTranslation("simulation.status." + run.status().name())
                        : BacktestProgress.wholePercent(display, run.progress()))
                .setHeader(getTranslation("common.status"))
                .setAutoWidth(true);
        addColumn(run -> run.rowsChanged() == null ? "—" : display.number(run.rowsChanged()))
                .setHeader(getTranslation("simulation.history.changed"))
                .setAutoWidth(true);
        setEmptyStateText(getTranslation("simulation.history.empty"));
        setHeight("14em");
        asSingleSelect().addValueChangeListener(selected -> {
            if (selected.isFromClient() && selected.getValue() != null) open.accept(selected.getValue());
        });
    }

    void show(List<Simulation> runs) {
        setItems(runs);
    }
}
