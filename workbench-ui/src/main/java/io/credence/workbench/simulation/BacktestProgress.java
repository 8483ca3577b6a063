package io.credence.workbench.simulation;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.credence.simulation.Simulation;
import io.credence.workbench.format.Display;
import java.text.NumberFormat;

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
        label.setText(
                switch (run.status()) {
                    case QUEUED -> getTranslation("simulation.progress.QUEUED");
                    case RUNNING ->
                        getTranslation(
                                run.rowsRead() == 0 ? "simulation.progress.compiling" : "simulation.progress.running",
                                wholePercent(display, run.progress()),
                                display.number(run.rowsRead()));
                    case COMPLETED ->
                        getTranslation(
                                "simulation.progress.completed",
                                display.number(run.rowsRead()),
                                display.number(run.elapsedMillis() == null ? 0 : run.elapsedMillis()));
                    // The engine's reason (a file it cannot read, a version that does not compile) in its own words.
                    case FAILED ->
                        getTranslation("simulation.progress.failed", run.error() == null ? "—" : run.error());
                });
        getContent().getElement().setAttribute("data-status", run.status().name());
    }

    /** Progress from 0 to 100 as the reader writes a whole percentage: "45%", "45 %". */
    static String wholePercent(Display display, int progress) {
        return NumberFormat.getPercentInstance(display.locale()).format(progress / 100.0);
    }
}
