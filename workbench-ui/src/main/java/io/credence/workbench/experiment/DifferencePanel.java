package io.credence.workbench.experiment;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.shared.Tooltip;
import io.credence.experiment.ApprovalRateDifference;
import io.credence.workbench.components.Badges;
import io.credence.workbench.i18n.Words;

/** The difference in approval rate in words and as an interval around zero. */
class DifferencePanel extends Composite<Div> {

    /** The engine's interval is at 95%; the chart's name says so before there is a figure to read it from. */
    private static final double CONFIDENCE = 0.95;

    private final ExperimentFormat format;
    private final Paragraph verdict = new Paragraph();
    private final Div badge = new Div();
    private final ExperimentChart chart;

    DifferencePanel(ExperimentFormat format) {
        this.format = format;
        chart = new ExperimentChart(
                "difference-chart",
                format.texts().translate("experiment.chart.difference.label", format.confidence(CONFIDENCE)));
        verdict.setId("approval-difference");
        verdict.addClassName("difference-verdict");
        chart.setHeight("120px");
        Div headline = new Div(badge, verdict);
        headline.addClassName("difference-headline");
        getContent().add(headline, chart);
    }

    void show(ApprovalRateDifference difference) {
        Words texts = format.texts();
        badge.removeAll();
        chart.setVisible(difference != null);
        if (difference == null) {
            verdict.setText(texts.translate("experiment.difference.none"));
            return;
        }
        String level = format.confidence(difference.confidence());
        Badge significance = difference.significant()
                ? Badges.warning(texts.translate("experiment.difference.significant"))
                : Badges.neutral(texts.translate("experiment.difference.not-significant"));
        Tooltip.forComponent(significance)
                .setText(
                        difference.significant()
                                ? texts.translate("experiment.difference.significant-tooltip", level)
                                : texts.translate("experiment.difference.not-significant-tooltip", level));
        badge.add(significance);
        verdict.setText(texts.translate(
                "experiment.difference.verdict",
                format.points(difference.difference()),
                level,
                format.points(difference.lower()),
                format.points(difference.upper())));
        chart.show(ChartConfigs.difference(format, difference));
    }
}
