package io.credence.workbench.experiment;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import io.credence.experiment.ShadowComparison;
import io.credence.workbench.components.Badges;
import io.credence.workbench.format.Display;

/** A shadow experiment's head-to-head: how often the versions disagreed, and the latest cases. */
class ShadowPanel extends Composite<Div> {

    private final Display display;
    private final Paragraph headline = new Paragraph();
    private final Grid<ShadowComparison.OutcomePair> matrix = new Grid<>();
    private final Grid<ShadowComparison.DifferingDecision> sample = new Grid<>();

    ShadowPanel(Display display) {
        this.display = display;
        headline.setId("shadow-differing");
        configureMatrix();
        configureSample();
        H3 title = new H3(getTranslation("experiment.shadow.title"));
        title.addClassName("section-title");
        getContent().addClassName("experiment-section");
        Paragraph latest = new Paragraph(getTranslation("experiment.shadow.latest"));
        latest.addClassName("muted");
        getContent().add(title, headline, matrix, latest, sample);
        setVisible(false);
    }

    private void configureMatrix() {
        matrix.setId("shadow-matrix");
        matrix.setAllRowsVisible(true);
        matrix.addComponentColumn(p -> Badges.outcome(p.champion()))
                .setHeader(getTranslation("experiment.shadow.champion-said"))
                .setAutoWidth(true);
        matrix.addComponentColumn(p -> Badges.outcome(p.challenger()))
                .setHeader(getTranslation("experiment.shadow.challenger-said"))
                .setAutoWidth(true);
        matrix.addColumn(p -> display.number(p.count()))
                .setHeader(getTranslation("experiment.shadow.applications"))
                .setAutoWidth(true);
    }

    private void configureSample() {
        sample.setId("shadow-sample");
        sample.setAllRowsVisible(true);
        sample.addComponentColumn(d -> new Anchor("decisions/" + d.decisionId(), d.applicationId()))
                .setHeader(getTranslation("experiment.shadow.application"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        sample.addComponentColumn(d -> Badges.outcome(d.championOutcome()))
                .setHeader(getTranslation("experiment.arms.champion"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        sample.addComponentColumn(d -> Badges.outcome(d.challengerOutcome()))
                .setHeader(getTranslation("experiment.arms.challenger"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        sample.addColumn(d -> String.join(getTranslation("layout.list-separator"), d.challengerReasons()))
                .setHeader(getTranslation("experiment.shadow.challenger-reasons"))
                .setFlexGrow(1);
        sample.addColumn(d -> display.dateTime(d.evaluatedAt()))
                .setHeader(getTranslation("experiment.shadow.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        sample.setEmptyStateText(getTranslation("experiment.shadow.empty"));
    }

    void show(ShadowComparison shadow) {
        setVisible(shadow != null);
        if (shadow == null) return;
        headline.setText(getTranslation(
                "experiment.shadow.headline",
                display.number(shadow.differing()),
                display.number(shadow.compared()),
                display.percent(shadow.differingRate()),
                display.number(shadow.differingTerms())));
        matrix.setItems(shadow.matrix());
        sample.setItems(shadow.sample());
    }
}
