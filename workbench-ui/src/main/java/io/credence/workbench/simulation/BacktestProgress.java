package io.credence.workbench.simulation;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.credence.simulation.Simulation;
import io.credence.workbench.format.Display;

/** A running backtest: its progress from 0 to 100 and the rows read so far. */
class BacktestProgress extends Composite<Div> {

    private final ProgressBar bar = new ProgressBar(0, 100);
    private final Span label = new Span();
    private final Display display;

    BacktestProgress(Display display) {
        this.display = display;
        bar.setId("backtest-progress");
        label.setId("backtest-status");
        getContent().add(label, bar);
        getContent().addClassName("backtest-progress");
        getContent().setWidthFull();
        getContent().setVisible(false);
    }

    void show(Simulation run) {
        getContent().setVisible(true);
        bar.setValue(run.progress());
        label.setText(switch (run.status()) {
            case QUEUED -> "Queued: waiting for a free slot…";
            case RUNNING -> run.progress() + "% · " + display.number(run.rowsRead()) + " rows read"
                    + (run.rowsRead() == 0 ? " (compiling the versions)" : "");
            case COMPLETED -> "Completed: " + display.number(run.rowsRead()) + " rows in "
                    + display.number(run.elapsedMillis() == null ? 0 : run.elapsedMillis()) + " ms";
            case FAILED -> "Failed: " + run.error();
        });
        getContent().getElement().setAttribute("data-status", run.status().name());
    }
}
