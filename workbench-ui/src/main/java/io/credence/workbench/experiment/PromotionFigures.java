package io.credence.workbench.experiment;

import io.credence.experiment.ApprovalRateDifference;
import io.credence.experiment.ArmCredit;
import io.credence.experiment.CreditComparison;
import io.credence.experiment.ExperimentReport;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Words;

/**
 * What a reviewer is promoting on, in words: each arm's approval rate and bad rate so far, the two
 * differences, and a warning when neither difference is significant or no loan has matured yet.
 */
final class PromotionFigures {

    private PromotionFigures() {}

    static String describe(ExperimentFormat format, ExperimentReport report) {
        Words texts = format.texts();
        Display display = format.display();
        ArmCredit champion = report.arms().get("champion").credit();
        ArmCredit challenger = report.arms().get("challenger").credit();
        StringBuilder text = new StringBuilder(texts.translate(
                "experiment.promote.figures",
                display.percent(report.arms().get("champion").approvalRate()),
                display.percent(report.arms().get("challenger").approvalRate()),
                champion.badRateToDate() == null ? "—" : display.percent(champion.badRateToDate()),
                challenger.badRateToDate() == null ? "—" : display.percent(challenger.badRateToDate()),
                display.number(champion.funded()),
                display.number(challenger.funded()),
                display.number(champion.matured()),
                display.number(challenger.matured())));
        ApprovalRateDifference approval = report.approvalRateDifference();
        CreditComparison.BadRateDifference bad = report.badRateDifference();
        if (bad != null) {
            text.append(' ')
                    .append(texts.translate(
                            bad.significant()
                                    ? "experiment.promote.bad-significant"
                                    : "experiment.promote.bad-not-significant",
                            format.points(bad.difference())));
        }
        boolean anySignificant = (approval != null && approval.significant()) || (bad != null && bad.significant());
        if (!anySignificant) text.append(' ').append(texts.translate("experiment.promote.warn-nothing-significant"));
        if (champion.matured() + challenger.matured() == 0) {
            text.append(' ').append(texts.translate("experiment.promote.warn-nothing-matured"));
        }
        return text.toString();
    }
}
