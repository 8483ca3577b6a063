package io.credence.workbench.experiment;

import com.vaadin.flow.component.badge.Badge;
import io.credence.experiment.Experiment;
import io.credence.experiment.ExperimentMode;
import io.credence.experiment.ExperimentStatus;
import io.credence.workbench.components.Badges;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Words;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How experiments read on screen, in the reader's language and number format: mode, status, guard rail, end. */
record ExperimentFormat(Words texts, Display display) {

    /** ExperimentService's guard-rail reason, e.g. "challenger approval rate 12.5% (40 decisions) against champion 50.0% (40): -37.5 points, beyond the guard rail of 10.0 points". */
    private static final Pattern GUARD_RAIL = Pattern.compile(
            "challenger approval rate ([\\d.]+)% \\((\\d+) decisions\\) "
                    + "against champion ([\\d.]+)% \\((\\d+)\\): ([+-]?[\\d.]+) points, beyond the guard rail of ([\\d.]+) points");

    private static final Pattern PROMOTED =
            Pattern.compile("v\\d+ promoted to champion by .+?(?:, replacing v(\\d+))?");

    static ExperimentFormat current() {
        return new ExperimentFormat(Words.current(), Display.current());
    }

    String mode(Experiment e) {
        if (e.mode() != ExperimentMode.SPLIT) return texts.translate("experiment.mode.shadow-everyone");
        NumberFormat percent = NumberFormat.getPercentInstance(display.locale());
        return texts.translate("experiment.mode.split-share", percent.format(e.trafficPercent() / 100.0));
    }

    Badge status(ExperimentStatus status) {
        String text = texts.translate("experiment.status." + status.name());
        Badge badge = switch (status) {
            case RUNNING -> Badges.good(text);
            case PROMOTED, STOPPED -> Badges.neutral(text);
            case STOPPED_BY_GUARD_RAIL -> Badges.bad(text);
        };
        badge.addClassName("experiment-status");
        return badge;
    }

    /** 0.05 as "+5.0 pts" ("+5.0 个百分点"), signed, one decimal, in the reader's number format. */
    String points(double fraction) {
        return texts.translate("experiment.points", signed(100 * fraction));
    }

    /** A confidence level, 0.95 as "95%". */
    String confidence(double level) {
        return NumberFormat.getPercentInstance(display.locale()).format(level);
    }

    String guardRail(Experiment e) {
        if (!e.hasGuardRail()) return texts.translate("experiment.guard-rail.none");
        List<String> rails = new ArrayList<>();
        if (e.maxApprovalRateDifference() != null) {
            rails.add(texts.translate(
                    "experiment.guard-rail.rule",
                    unsignedPoints(100 * e.maxApprovalRateDifference().doubleValue()),
                    display.number(e.minimumSample())));
        }
        if (e.maxBadRateDifference() != null) {
            rails.add(texts.translate(
                    "experiment.guard-rail.bad-rate",
                    unsignedPoints(100 * e.maxBadRateDifference().doubleValue()),
                    display.number(e.minimumSample())));
        }
        return String.join("; ", rails);
    }

    /**
     * Why the experiment ended, in the reader's language. The engine stores the reason as an English
     * sentence for the audit trail; the screen says it again from the status and the sentence's figures,
     * and shows the stored sentence only when it has a shape this screen does not know.
     */
    String ending(Experiment e) {
        String reason = e.endReason();
        if (e.status() == ExperimentStatus.STOPPED && e.endedBy() != null) {
            return texts.translate("experiment.end.stopped", e.endedBy());
        }
        if (e.status() == ExperimentStatus.PROMOTED && e.endedBy() != null && reason != null) {
            Matcher promoted = PROMOTED.matcher(reason);
            if (promoted.matches() && promoted.group(1) != null) {
                return texts.translate(
                        "experiment.end.promoted-replacing",
                        Integer.toString(e.challengerVersion()),
                        e.endedBy(),
                        promoted.group(1));
            }
            return texts.translate("experiment.end.promoted", Integer.toString(e.challengerVersion()), e.endedBy());
        }
        if (e.status() == ExperimentStatus.STOPPED_BY_GUARD_RAIL && reason != null) {
            Matcher breach = GUARD_RAIL.matcher(reason);
            if (breach.matches()) {
                return texts.translate(
                        "experiment.end.guard-rail",
                        display.percent(number(breach, 1) / 100),
                        display.number((long) number(breach, 2)),
                        display.percent(number(breach, 3) / 100),
                        display.number((long) number(breach, 4)),
                        texts.translate("experiment.points", signed(number(breach, 5))),
                        unsignedPoints(number(breach, 6)));
            }
        }
        return reason == null ? "" : reason;
    }

    private String unsignedPoints(double points) {
        return texts.translate("experiment.points", oneDecimal().format(points));
    }

    private String signed(double points) {
        NumberFormat format = oneDecimal();
        if (format instanceof DecimalFormat decimal) decimal.setPositivePrefix("+");
        return format.format(points);
    }

    private NumberFormat oneDecimal() {
        NumberFormat format = NumberFormat.getNumberInstance(display.locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format;
    }

    private static double number(Matcher matcher, int group) {
        return Double.parseDouble(matcher.group(group));
    }
}
