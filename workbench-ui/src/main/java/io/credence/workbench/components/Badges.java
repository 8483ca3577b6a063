package io.credence.workbench.components;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import java.util.Set;

/** The few badges the workbench uses, coloured the same way on every page. */
public final class Badges {

    private static final Set<String> OUTCOMES = Set.of("APPROVE", "DECLINE", "REFER");

    private Badges() {}

    /** APPROVE green, DECLINE red, REFER amber; the word in the reader's language. */
    public static Badge outcome(String outcome) {
        Badge badge = new Badge();
        badge.setText(
                OUTCOMES.contains(outcome)
                        ? badge.getTranslation("components.outcome." + outcome)
                        : outcome == null ? "—" : outcome);
        badge.addClassName("outcome-" + (outcome == null ? "none" : outcome.toLowerCase()));
        if ("APPROVE".equals(outcome)) badge.addThemeVariants(BadgeVariant.SUCCESS);
        else if ("DECLINE".equals(outcome)) badge.addThemeVariants(BadgeVariant.ERROR);
        else if ("REFER".equals(outcome)) badge.addThemeVariants(BadgeVariant.WARNING);
        return badge;
    }

    public static Badge good(String text) {
        Badge badge = new Badge(text);
        badge.addThemeVariants(BadgeVariant.SUCCESS);
        return badge;
    }

    public static Badge bad(String text) {
        Badge badge = new Badge(text);
        badge.addThemeVariants(BadgeVariant.ERROR);
        return badge;
    }

    public static Badge neutral(String text) {
        return new Badge(text);
    }

    public static Badge warning(String text) {
        Badge badge = new Badge(text);
        badge.addThemeVariants(BadgeVariant.WARNING);
        return badge;
    }
}
