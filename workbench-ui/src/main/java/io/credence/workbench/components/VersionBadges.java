package io.credence.workbench.components;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.i18n.I18NProvider;
import io.credence.policy.VersionStatus;

/** The small coloured labels for a version's status and for the market's champion. */
public final class VersionBadges {

    private VersionBadges() {}

    public static Badge status(VersionStatus status) {
        Badge badge = new Badge(I18NProvider.translate("editor.status." + status.name()));
        badge.addClassNames(
                "version-status", "status-" + status.name().toLowerCase().replace('_', '-'));
        switch (status) {
            case IN_REVIEW -> badge.addThemeVariants(BadgeVariant.WARNING);
            case APPROVED, DEPLOYED -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case REJECTED -> badge.addThemeVariants(BadgeVariant.ERROR);
            case RETIRED -> badge.addThemeVariants(BadgeVariant.CONTRAST);
            case DRAFT -> {}
        }
        return badge;
    }

    public static Badge champion() {
        Badge badge = new Badge(I18NProvider.translate("editor.champion"));
        badge.addClassName("champion-badge");
        badge.addThemeVariants(BadgeVariant.SUCCESS, BadgeVariant.FILLED);
        return badge;
    }
}
