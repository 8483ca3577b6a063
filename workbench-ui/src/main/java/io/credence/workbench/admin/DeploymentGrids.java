package io.credence.workbench.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import io.credence.deployment.Deployment;
import io.credence.policy.PolicyVersion;
import io.credence.workbench.components.Badges;
import io.credence.workbench.format.Display;
import java.util.function.Function;

/** The three grids of the deployments page: champions, approved versions, history. */
final class DeploymentGrids {

    private DeploymentGrids() {
    }

    static Grid<MarketChampion> champions(Display display) {
        Grid<MarketChampion> grid = new Grid<>();
        grid.setId("champions");
        grid.setAllRowsVisible(true);
        grid.addColumn(MarketChampion::market).setHeader("Market").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.currency() == null ? "—" : m.currency()).setHeader("Currency").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> m.version() == null ? Badges.bad("nothing deployed") : Badges.good("v" + m.version()))
                .setHeader("Champion").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> digest(m.digest())).setHeader("Digest").setAutoWidth(true);
        grid.addColumn(m -> m.previous() == null ? "—" : "v" + m.previous()).setHeader("Previous champion").setAutoWidth(true);
        grid.addComponentColumn(m -> m.approvedWaiting() == 0 ? new Span("—")
                : Badges.warning(m.approvedWaiting() + " ready")).setHeader("Approved, not deployed").setFlexGrow(1);
        return grid;
    }

    static Grid<PolicyVersion> approved(Display display, Function<PolicyVersion, Component> deployButton) {
        Grid<PolicyVersion> grid = new Grid<>();
        grid.setId("approved-versions");
        grid.setAllRowsVisible(true);
        grid.addColumn(v -> "v" + v.version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PolicyVersion::author).setHeader("Author").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PolicyVersion::reviewer).setHeader("Approved by").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> display.dateTime(v.reviewedAt())).setHeader("Approved").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PolicyVersion::note).setHeader("Note").setFlexGrow(1).setTooltipGenerator(PolicyVersion::note);
        grid.addComponentColumn(deployButton::apply).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No approved version is waiting: versions appear here once a reviewer approves them.");
        return grid;
    }

    static Grid<Deployment> history(Display display) {
        Grid<Deployment> grid = new Grid<>();
        grid.setId("deployment-history");
        grid.setAllRowsVisible(true);
        grid.addColumn(d -> display.dateTime(d.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Deployment::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> "v" + d.version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Deployment::actor).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.durationMs() == null ? "—" : d.durationMs() + " ms").setHeader("Took").setFlexGrow(1);
        return grid;
    }

    private static Component digest(String digest) {
        Span text = new Span(Display.shortDigest(digest));
        text.addClassName("mono");
        text.getElement().setAttribute("title", digest == null ? "" : digest);
        return text;
    }
}
