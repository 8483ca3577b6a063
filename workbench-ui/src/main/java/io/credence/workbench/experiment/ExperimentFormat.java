package io.credence.workbench.experiment;

import com.vaadin.flow.component.badge.Badge;
import io.credence.experiment.Experiment;
import io.credence.experiment.ExperimentMode;
import io.credence.experiment.ExperimentStatus;
import io.credence.workbench.components.Badges;
import java.util.Locale;

/** How experiments read on screen: their mode and status in words. */
final class ExperimentFormat {

    private ExperimentFormat() {
    }

    static String mode(Experiment e) {
        return e.mode() == ExperimentMode.SPLIT ? "Split, " + e.trafficPercent() + "% to the challenger"
                : "Shadow, on every application";
    }

    static Badge status(ExperimentStatus status) {
        Badge badge = switch (status) {
            case RUNNING -> Badges.good("running");
            case PROMOTED -> Badges.neutral("promoted");
            case STOPPED -> Badges.neutral("stopped");
            case STOPPED_BY_GUARD_RAIL -> Badges.bad("stopped by guard rail");
        };
        badge.addClassName("experiment-status");
        return badge;
    }

    /** 0.05 as "+5.0 pts". */
    static String points(double fraction) {
        return String.format(Locale.ROOT, "%+.1f pts", 100 * fraction);
    }

    static String guardRail(Experiment e) {
        if (!e.hasGuardRail()) return "none";
        return String.format(Locale.ROOT, "stop beyond ±%.1f points of approval rate, after %d decisions per arm",
                100 * e.maxApprovalRateDifference().doubleValue(), e.minimumSample());
    }
}
