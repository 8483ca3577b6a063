package io.credence.workbench.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.ErrorEvent;
import io.credence.deployment.ChampionRegistry;
import io.credence.deployment.Deployment;
import io.credence.deployment.DeploymentService;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.workbench.components.Confirmations;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.format.Display;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Supplier;

/** Changes what serves a market: deploy an approved version, or roll back to the previous champion. */
@Route(value = "admin/deployments", layout = MainLayout.class)
@PageTitle("Deployments")
@RolesAllowed("ADMIN")
public class DeploymentsView extends VerticalLayout {

    private final PolicyService policies;
    private final DeploymentService deployments;
    private final ChampionRegistry champions;
    private final DeploymentRunner runner;
    private final CurrentUser user;
    private final Display display = Display.current();
    private final Select<String> market = new Select<>();
    private final ChampionPanel champion = new ChampionPanel(this::confirmRollback);
    private final DeploymentProgress progress = new DeploymentProgress();
    private final Grid<PolicyVersion> approved = new Grid<>();
    private final Grid<Deployment> history = new Grid<>();
    private final Div actions = new Div();

    DeploymentsView(PolicyService policies, DeploymentService deployments, ChampionRegistry champions,
            DeploymentRunner runner, CurrentUser user) {
        this.policies = policies;
        this.deployments = deployments;
        this.champions = champions;
        this.runner = runner;
        this.user = user;
        addClassName("page");
        configureMarket();
        configureApproved();
        configureHistory();
        actions.add(champion, heading("Approved versions, ready to deploy"), approved);
        actions.setWidthFull();
        add(market, progress, actions, heading("Deployment history"), history);
        refresh();
    }

    private void configureMarket() {
        market.setLabel("Market");
        market.setId("deployments-market");
        market.setItems(policies.markets());
        market.setValue(policies.markets().isEmpty() ? null : policies.markets().getFirst());
        market.addValueChangeListener(change -> refresh());
    }

    private void configureApproved() {
        approved.setId("approved-versions");
        approved.setAllRowsVisible(true);
        approved.addColumn(v -> "v" + v.version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        approved.addColumn(PolicyVersion::author).setHeader("Author").setAutoWidth(true);
        approved.addColumn(PolicyVersion::reviewer).setHeader("Approved by").setAutoWidth(true);
        approved.addColumn(v -> display.dateTime(v.reviewedAt())).setHeader("Approved").setAutoWidth(true);
        approved.addColumn(PolicyVersion::note).setHeader("Note").setFlexGrow(1);
        approved.addComponentColumn(this::deployButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        approved.setEmptyStateText("No approved version is waiting: versions appear here once a reviewer approves them.");
    }

    private Component deployButton(PolicyVersion version) {
        Button deploy = new Button("Deploy", VaadinIcon.ROCKET.create(), click -> confirmDeploy(version));
        deploy.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
        deploy.setId("deploy-v" + version.version());
        return deploy;
    }

    private void configureHistory() {
        history.setId("deployment-history");
        history.setAllRowsVisible(true);
        history.addColumn(d -> display.dateTime(d.at())).setHeader("When").setAutoWidth(true);
        history.addColumn(Deployment::action).setHeader("Action").setAutoWidth(true);
        history.addColumn(d -> "v" + d.version()).setHeader("Version").setAutoWidth(true);
        history.addColumn(Deployment::actor).setHeader("By").setAutoWidth(true);
        history.addColumn(d -> d.durationMs() == null ? "—" : d.durationMs() + " ms").setHeader("Took").setAutoWidth(true);
    }

    private void refresh() {
        String m = market.getValue();
        if (m == null) return;
        champion.show(m, champions.champion(m), deployments.previousChampion(m));
        approved.setItems(policies.list(m).stream().filter(v -> v.status() == VersionStatus.APPROVED).toList());
        history.setItems(deployments.history(m));
    }

    private void confirmDeploy(PolicyVersion version) {
        String m = version.market();
        Confirmations.ask("Deploy " + m + " v" + version.version() + "?",
                "v" + version.version() + " becomes the champion: every " + m + " decision from now on is made by it.",
                "Deploy", () -> change("Deploying " + m + " v" + version.version() + "…",
                        actor -> () -> deployments.deploy(actor, m, version.version())));
    }

    private void confirmRollback() {
        String m = market.getValue();
        Integer previous = deployments.previousChampion(m);
        if (previous == null) return;
        Confirmations.askDestructive("Roll " + m + " back to v" + previous + "?",
                "v" + previous + " becomes the champion again; the current champion is retired.", "Roll back",
                () -> change("Rolling " + m + " back to v" + previous + "…", actor -> () -> deployments.rollback(actor, m)));
    }

    /** Runs the change off the UI thread, polling for its end, and shows progress meanwhile. */
    private void change(String what, java.util.function.Function<String, Supplier<DeploymentService.Result>> change) {
        UI ui = UI.getCurrent();
        progress.show(what);
        actions.setEnabled(false);
        ui.setPollInterval(300);
        runner.run(change.apply(user.name())).whenComplete((result, failure) -> ui.access(() -> {
            ui.setPollInterval(-1);
            progress.hide();
            actions.setEnabled(true);
            if (failure != null) {
                ui.getSession().getErrorHandler().error(new ErrorEvent(failure));
            } else {
                Notices.success(result.market() + " v" + result.version() + " is the champion"
                        + (result.replaced() == null ? "" : ", replacing v" + result.replaced()) + ".");
            }
            refresh();
        }));
    }

    private static Component heading(String text) {
        H3 heading = new H3(text);
        heading.addClassName("section-title");
        return heading;
    }
}
