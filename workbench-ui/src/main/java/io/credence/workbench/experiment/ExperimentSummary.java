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

    private final Display display;
    private final Div facts = new Div();
    private final Button stop = new Button("Stop", VaadinIcon.STOP.create());
    private final Button promote = new Button("Promote challenger", VaadinIcon.ARROW_CIRCLE_UP.create());
    private ExperimentStatus status;

    ExperimentSummary(Display display, boolean reviewer, Runnable onStop, Runnable onPromote) {
        this.display = display;
        stop.setId("stop-experiment");
        stop.addThemeVariants(ButtonVariant.ERROR);
        stop.addClickListener(click -> onStop.run());
        promote.setId("promote-challenger");
        promote.addThemeVariants(ButtonVariant.PRIMARY);
        promote.addClickListener(click -> onPromote.run());
        Div actions = new Div(promote, stop);
        actions.addClassName("experiment-actions");
        actions.setVisible(reviewer);
        facts.setId("experiment-facts");
        facts.addClassName("experiment-facts");
        getContent().addClassName("experiment-summary");
        getContent().add(facts, actions);
    }

    void show(Experiment e) {
        status = e.status();
        facts.removeAll();
        Facts what = new Facts()
                .add("Status", ExperimentFormat.status(e.status()))
                .add("Challenger", "v" + e.challengerVersion() + " (champion was v" + e.championVersion() + " at the start)")
                .add("Mode", ExperimentFormat.mode(e));
        Facts when = new Facts()
                .add("Guard rail", ExperimentFormat.guardRail(e))
                .add("Started", display.dateTime(e.startedAt()) + " by " + e.startedBy());
        if (e.endedAt() != null) when.add("Ended", display.dateTime(e.endedAt()) + " · " + e.endReason());
        facts.add(what, when);
        stop.setVisible(e.status() == ExperimentStatus.RUNNING);
        promote.setVisible(e.status() != ExperimentStatus.PROMOTED);
    }

    ExperimentStatus status() {
        return status;
    }
}
