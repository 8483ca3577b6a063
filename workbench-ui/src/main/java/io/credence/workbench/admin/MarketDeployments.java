package io.credence.workbench.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.credence.deployment.Deployment;
import io.credence.policy.PolicyVersion;
import io.credence.workbench.format.Display;
import io.credence.workbench.format.MarketNames;
import java.util.List;
import java.util.function.Consumer;

/** One market's deployment controls: its approved versions to deploy, the way back, and its history. */
class MarketDeployments extends Composite<Div> implements HasEnabled {

    private final H3 title = new H3();
    private final Button rollback = new Button(VaadinIcon.ARROW_BACKWARD.create());
    private final Grid<PolicyVersion> approved;
    private final Grid<Deployment> history;

    MarketDeployments(Display display, Consumer<PolicyVersion> onDeploy, Runnable onRollback) {
        approved = DeploymentGrids.approved(display, version -> deployButton(version, onDeploy));
        history = DeploymentGrids.history(display);
        rollback.setId("rollback");
        rollback.addClickListener(click -> onRollback.run());
        title.addClassName("section-title");
        title.setId("market-title");
        Div header = new Div(title, rollback);
        header.addClassName("market-header");
        getContent().setWidthFull();
        getContent().add(header, heading("Approved versions, ready to deploy"), approved, heading("Deployment history"),
                history);
    }

    void show(MarketChampion market, List<PolicyVersion> approvedVersions, List<Deployment> deployments) {
        title.setText(market.market() + " · " + MarketNames.country(market.market())
                + (market.version() == null ? ": nothing deployed" : ": v" + market.version() + " serving"));
        rollback.setText(market.previous() == null ? "Roll back" : "Roll back to v" + market.previous());
        rollback.setEnabled(market.previous() != null);
        rollback.setTooltipText(market.previous() == null ? market.market() + " has no previous champion to go back to."
                : "Makes v" + market.previous() + " the champion of " + market.market() + " again.");
        approved.setItems(approvedVersions);
        history.setItems(deployments);
    }

    private static Component deployButton(PolicyVersion version, Consumer<PolicyVersion> onDeploy) {
        Button deploy = new Button("Deploy", VaadinIcon.ROCKET.create(), click -> onDeploy.accept(version));
        deploy.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
        deploy.setId("deploy-" + version.market() + "-v" + version.version());
        return deploy;
    }

    private static H3 heading(String text) {
        H3 heading = new H3(text);
        heading.addClassName("section-title");
        return heading;
    }
}
