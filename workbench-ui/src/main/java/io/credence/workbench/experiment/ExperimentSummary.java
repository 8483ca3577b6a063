package io.credence.workbench.experiment;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.credence.experiment.Experiment;
import io.credence.experiment.ExperimentStatus;
import io.credence.workbench.components.Facts;
import io.credence.workbench.format.Display;

/** What the experiment is, where it stands, and (for reviewers) the way to end it. */
class ExperimentSummary extends Composite<Div> {

    private final ExperimentFormat format;
    private final Display display;
    private final Div facts = new Div();
    private final Button stop = new Button(getTranslation("experiment.summary.stop"), VaadinIcon.STOP.create());
    private final Button promote =
            new Button(getTranslation("experiment.summary.promote"), VaadinIcon.ARROW_CIRCLE_UP.create());
    private ExperimentStatus status;
    private final boolean mayStop;
    private final boolean mayPromote;

    /** Reviewers stop experiments; promoting is a deployment, so only admins see that button. */
    ExperimentSummary(
            ExperimentFormat format, boolean mayStop, boolean mayPromote, Runnable onStop, Runnable onPromote) {
        this.mayStop = mayStop;
        this.mayPromote = mayPromote;
        this.format = format;
        this.display = format.display();
        stop.setId("stop-experiment");
        stop.addThemeVariants(ButtonVariant.ERROR);
        stop.addClickListener(click -> onStop.run());
        promote.setId("promote-challenger");
        promote.addThemeVariants(ButtonVariant.PRIMARY);
        promote.addClickListener(click -> onPromote.run());
        Div actions = new Div(promote, stop);
        actions.addClassName("experiment-actions");
        actions.setVisible(mayStop || mayPromote);
        facts.setId("experiment-facts");
        facts.addClassName("experiment-facts");
        getContent().addClassName("experiment-summary");
        getContent().add(facts, actions);
    }

    void show(Experiment e) {
        status = e.status();
        facts.removeAll();
        Facts what = new Facts()
                .add(getTranslation("common.status"), format.status(e.status()))
                .add(
                        getTranslation("experiment.summary.challenger"),
                        getTranslation(
                                "experiment.summary.challenger-versions",
                                Integer.toString(e.challengerVersion()),
                                Integer.toString(e.championVersion())))
                .add(getTranslation("experiment.summary.mode"), format.mode(e));
        Facts when = new Facts()
                .add(getTranslation("experiment.summary.guard-rail"), format.guardRail(e))
                .add(
                        getTranslation("experiment.summary.started"),
                        getTranslation(
                                "experiment.summary.started-by", display.dateTime(e.startedAt()), e.startedBy()));
        if (e.endedAt() != null) {
            when.add(
                    getTranslation("experiment.summary.ended"),
                    display.dateTime(e.endedAt()) + " · " + format.ending(e));
        }
        facts.add(what, when);
        stop.setVisible(mayStop && e.status() == ExperimentStatus.RUNNING);
        promote.setVisible(mayPromote && e.status() != ExperimentStatus.PROMOTED);
    }

    ExperimentStatus status() {
        return status;
    }
}
