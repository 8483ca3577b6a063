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
        addColumn(run -> display.dateTime(run.createdAt())).setHeader("Started").setAutoWidth(true);
        addColumn(run -> "v" + run.version() + " vs v" + run.against()).setHeader("Versions").setAutoWidth(true);
        addColumn(run -> switch (run.source()) {
            case "decisions" -> "recent decisions";
            case "demo" -> "German credit demo";
            default -> run.fileName() == null ? "upload" : run.fileName();
        }).setHeader("Applications").setFlexGrow(1);
        addColumn(Simulation::createdBy).setHeader("By").setAutoWidth(true);
        addColumn(run -> run.status().finished() ? run.status().name().toLowerCase() : run.progress() + "%")
                .setHeader("Status").setAutoWidth(true);
        addColumn(run -> run.rowsChanged() == null ? "—" : display.number(run.rowsChanged())).setHeader("Changed")
                .setAutoWidth(true);
        setHeight("14em");
        asSingleSelect().addValueChangeListener(selected -> {
            if (selected.isFromClient() && selected.getValue() != null) open.accept(selected.getValue());
        });
    }

    void show(List<Simulation> runs) {
        setItems(runs);
    }
}
