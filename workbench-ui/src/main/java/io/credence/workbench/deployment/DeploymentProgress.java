package io.credence.workbench.deployment;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

/** An indeterminate bar with what is happening, shown while a deployment runs. */
class DeploymentProgress extends Composite<Div> {

    private final Span label = new Span();

    DeploymentProgress() {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        getContent().add(label, bar);
        getContent().setId("deployment-progress");
        getContent().addClassName("deployment-progress");
        getContent().setWidthFull();
        getContent().setVisible(false);
    }

    void show(String what) {
        label.setText(what);
        getContent().setVisible(true);
    }

    void hide() {
        getContent().setVisible(false);
    }
}
