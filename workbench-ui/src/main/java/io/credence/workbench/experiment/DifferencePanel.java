package io.credence.workbench.experiment;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.credence.experiment.ApprovalRateDifference;
import io.credence.workbench.components.Badges;

/** The difference in approval rate in words and as an interval around zero. */
class DifferencePanel extends Composite<Div> {

    private final Paragraph verdict = new Paragraph();
    private final Div badge = new Div();
    private final ExperimentChart chart = new ExperimentChart("difference-chart",
            "Difference in approval rate with its 95% confidence interval");

    DifferencePanel() {
        verdict.setId("approval-difference");
        verdict.addClassName("difference-verdict");
        chart.setHeight("120px");
        Div headline = new Div(badge, verdict);
        headline.addClassName("difference-headline");
        getContent().add(headline, chart);
    }

    void show(ApprovalRateDifference difference) {
        badge.removeAll();
        chart.setVisible(difference != null);
        if (difference == null) {
            verdict.setText("Both arms need decisions before they can be compared.");
            return;
        }
        badge.add(difference.significant() ? Badges.warning("significant") : Badges.neutral("not significant"));
        verdict.setText("Challenger's approval rate minus the champion's: " + ExperimentFormat.points(difference.difference())
                + " (95% confidence interval " + ExperimentFormat.points(difference.lower()) + " to "
                + ExperimentFormat.points(difference.upper()) + ").");
        chart.show(ChartConfigs.difference(difference));
    }
}
