package io.credence.workbench.deployment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import io.credence.deployment.Deployment;
import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.workbench.format.Display;
import io.credence.workbench.format.MarketNames;
import io.credence.workbench.i18n.Words;
import java.util.List;
import java.util.function.Consumer;

/** One market's deployment controls: its approved versions to deploy, the way back, and its history. */
class MarketDeployments extends Composite<Div> implements HasEnabled {

    private final H3 title = new H3();
    private final Button rollback = new Button(VaadinIcon.ARROW_BACKWARD.create());
    /** Why the admin rolls back (optional): kept in the deployment history and the audit trail. */
    private final TextField rollbackReason = new TextField();

    private final Grid<PolicyVersion> approved;
    private final Grid<Deployment> history;

    MarketDeployments(Display display, Words texts, Consumer<PolicyVersion> onDeploy, Runnable onRollback) {
        approved = DeploymentGrids.approved(display, texts, version -> deployButton(version, onDeploy));
        history = DeploymentGrids.history(display, texts);
        rollback.setId("rollback");
        rollbackReason.setId("rollback-reason");
        rollbackReason.setPlaceholder(getTranslation("admin.deployments.rollback.reason"));
        rollbackReason.setMaxLength(1000);
        rollbackReason.setClearButtonVisible(true);
        rollback.addClickListener(click -> onRollback.run());
        title.addClassName("section-title");
        title.setId("market-title");
        Div header = new Div(title, rollbackReason, rollback);
        header.addClassName("market-header");
        getContent().setWidthFull();
        getContent()
                .add(
                        header,
                        heading(getTranslation("admin.deployments.approved-versions")),
                        approved,
                        heading(getTranslation("admin.deployments.history")),
                        history);
    }

    void show(MarketChampion market, List<PolicyVersion> approvedVersions, List<Deployment> deployments) {
        String name = market.market() + " · " + MarketNames.country(market.market());
        title.setText(
                market.version() == null
                        ? getTranslation("admin.deployments.market.nothing-deployed", name)
                        : getTranslation("admin.deployments.market.serving", name, "v" + market.version()));
        String previous = "v" + market.previous();
        rollback.setText(
                market.previous() == null
                        ? getTranslation("admin.deployments.rollback")
                        : getTranslation("admin.deployments.rollback-to", previous));
        rollback.setEnabled(market.previous() != null);
        rollbackReason.setEnabled(market.previous() != null);
        rollbackReason.clear();
        rollback.setTooltipText(
                market.previous() == null
                        ? getTranslation("admin.deployments.rollback.none", market.market())
                        : getTranslation("admin.deployments.rollback.tooltip", previous, market.market()));
        approved.setItems(approvedVersions);
        history.setItems(deployments);
    }

    /** The reason typed for a rollback, or null when none was. */
    String rollbackReason() {
        return rollbackReason.getValue().isBlank()
                ? null
                : rollbackReason.getValue().strip();
    }

    private Component deployButton(PolicyVersion version, Consumer<PolicyVersion> onDeploy) {
        Button deploy = new Button(
                getTranslation(
                        version.status() == VersionStatus.RETIRED
                                ? "admin.deployments.redeploy"
                                : "admin.deployments.deploy"),
                VaadinIcon.ROCKET.create(),
                click -> onDeploy.accept(version));
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
