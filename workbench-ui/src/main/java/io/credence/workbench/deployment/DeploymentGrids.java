package io.credence.workbench.deployment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import io.credence.deployment.Deployment;
import io.credence.policy.PolicyVersion;
import io.credence.workbench.components.Badges;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Words;
import java.util.List;
import java.util.function.Function;

/** The three grids of the deployments page: champions, approved versions, history. */
final class DeploymentGrids {

    private static final List<String> ACTIONS = List.of("DEPLOY", "ROLLBACK", "PROMOTE");

    private DeploymentGrids() {}

    static Grid<MarketChampion> champions(Display display, Words texts) {
        Grid<MarketChampion> grid = new Grid<>();
        grid.setId("champions");
        grid.setAllRowsVisible(true);
        grid.addColumn(MarketChampion::market)
                .setHeader(texts.translate("common.market"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(m -> m.currency() == null ? "—" : m.currency())
                .setHeader(texts.translate("admin.deployments.currency"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(m -> m.version() == null
                        ? Badges.bad(texts.translate("admin.deployments.nothing-deployed"))
                        : Badges.good("v" + m.version()))
                .setHeader(texts.translate("admin.deployments.champion"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(m -> digest(m.digest()))
                .setHeader(texts.translate("admin.deployments.digest"))
                .setAutoWidth(true);
        grid.addColumn(m -> m.previous() == null ? "—" : "v" + m.previous())
                .setHeader(texts.translate("admin.deployments.previous"))
                .setAutoWidth(true);
        grid.addComponentColumn(m -> m.approvedWaiting() == 0
                        ? new Span("—")
                        : Badges.warning(
                                texts.translate("admin.deployments.ready", display.number(m.approvedWaiting()))))
                .setHeader(texts.translate("admin.deployments.approved-waiting"))
                .setFlexGrow(1);
        grid.setEmptyStateText(texts.translate("admin.deployments.no-markets"));
        return grid;
    }

    static Grid<PolicyVersion> approved(Display display, Words texts, Function<PolicyVersion, Component> deployButton) {
        Grid<PolicyVersion> grid = new Grid<>();
        grid.setId("approved-versions");
        grid.setAllRowsVisible(true);
        grid.addColumn(v -> "v" + v.version())
                .setHeader(texts.translate("common.version"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(PolicyVersion::author)
                .setHeader(texts.translate("common.author"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(PolicyVersion::reviewer)
                .setHeader(texts.translate("admin.deployments.approved-by"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> display.dateTime(v.reviewedAt()))
                .setHeader(texts.translate("admin.deployments.approved-at"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(PolicyVersion::note)
                .setHeader(texts.translate("admin.deployments.note"))
                .setFlexGrow(1)
                .setTooltipGenerator(PolicyVersion::note);
        grid.addComponentColumn(deployButton::apply).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(texts.translate("admin.deployments.no-approved"));
        return grid;
    }

    static Grid<Deployment> history(Display display, Words texts) {
        Grid<Deployment> grid = new Grid<>();
        grid.setId("deployment-history");
        grid.setAllRowsVisible(true);
        grid.addColumn(d -> display.dateTime(d.at()))
                .setHeader(texts.translate("admin.deployments.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(d -> action(d.action(), texts))
                .setHeader(texts.translate("admin.deployments.action"))
                .setWidth("10rem")
                .setFlexGrow(0)
                .setTooltipGenerator(Deployment::action);
        grid.addColumn(d -> "v" + d.version())
                .setHeader(texts.translate("common.version"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Deployment::actor)
                .setHeader(texts.translate("admin.deployments.by"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(d -> d.durationMs() == null
                        ? "—"
                        : texts.translate("admin.deployments.took", display.number(d.durationMs())))
                .setHeader(texts.translate("admin.deployments.duration"))
                .setFlexGrow(1);
        grid.setEmptyStateText(texts.translate("admin.deployments.no-history"));
        return grid;
    }

    /** DEPLOY, ROLLBACK, PROMOTE: the codes in English, as the audit trail and API show them. */
    private static String action(String action, Words texts) {
        return ACTIONS.contains(action) ? texts.translate("admin.deployments.action." + action) : action;
    }

    private static Component digest(String digest) {
        Span text = new Span(Display.shortDigest(digest));
        text.addClassName("mono");
        text.getElement().setAttribute("title", digest == null ? "" : digest);
        return text;
    }
}
