package io.credence.workbench.deployment;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.ErrorEvent;
import io.credence.deployment.DeploymentService;
import io.credence.policy.Actor;
import io.credence.policy.PolicyVersion;
import io.credence.workbench.components.Confirmations;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.i18n.Words;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Function;
import java.util.function.Supplier;

/** Changes what serves a market: deploy an approved version, or roll back to the previous champion. */
@Route(value = "admin/deployments", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class DeploymentsView extends VerticalLayout implements TranslatedTitle {

    private final ChampionBoard board;
    private final DeploymentService deployments;
    private final DeploymentRunner runner;
    private final CurrentUser user;
    private final Display display = Display.current();
    private final Words texts = Words.current();
    private final Grid<MarketChampion> champions = DeploymentGrids.champions(display, texts);
    private final DeploymentProgress progress = new DeploymentProgress();
    private final MarketDeployments market =
            new MarketDeployments(display, texts, this::confirmDeploy, this::confirmRollback);

    DeploymentsView(ChampionBoard board, DeploymentService deployments, DeploymentRunner runner, CurrentUser user) {
        this.board = board;
        this.deployments = deployments;
        this.runner = runner;
        this.user = user;
        addClassName("page");
        champions.asSingleSelect().addValueChangeListener(selected -> showMarket(selected.getValue()));
        Paragraph intro = new Paragraph(getTranslation("admin.deployments.intro"));
        intro.addClassName("page-intro");
        add(intro, champions, progress, market);
        refresh(null);
    }

    @Override
    public String heading() {
        return getTranslation("admin.deployments.title");
    }

    /** Reloads the champions and keeps (or, the first time, makes) a market selected. */
    private void refresh(String selected) {
        var rows = board.markets();
        champions.setItems(rows);
        rows.stream()
                .filter(r -> r.market().equals(selected))
                .findFirst()
                .or(() -> rows.stream().findFirst())
                .ifPresent(champions::select);
    }

    private void showMarket(MarketChampion m) {
        market.setVisible(m != null);
        if (m != null) market.show(m, board.approved(m.market()), board.history(m.market()));
    }

    private void confirmDeploy(PolicyVersion v) {
        String version = "v" + v.version();
        Confirmations.ask(
                getTranslation("admin.deployments.deploy.question", v.market(), version),
                getTranslation("admin.deployments.deploy.consequence", v.market(), version),
                getTranslation("admin.deployments.deploy"),
                () -> change(
                        v.market(),
                        getTranslation("admin.deployments.deploying", v.market(), version),
                        actor -> () -> deployments.deploy(actor, v.market(), v.version())));
    }

    private void confirmRollback() {
        MarketChampion m = champions.asSingleSelect().getValue();
        if (m == null || m.previous() == null) return;
        String previous = "v" + m.previous();
        String reason = market.rollbackReason();
        Confirmations.askDestructive(
                getTranslation("admin.deployments.rollback.question", m.market(), previous),
                getTranslation("admin.deployments.rollback.consequence", previous, "v" + m.version()),
                getTranslation("admin.deployments.rollback"),
                () -> change(
                        m.market(),
                        getTranslation("admin.deployments.rolling-back", m.market(), previous),
                        actor -> () -> deployments.rollback(actor, m.market(), reason)));
    }

    /** Runs the change off the UI thread and polls for its end; the page shows progress meanwhile. */
    private void change(String m, String what, Function<Actor, Supplier<DeploymentService.Result>> change) {
        UI ui = UI.getCurrent();
        progress.show(what);
        market.setEnabled(false);
        ui.setPollInterval(300);
        runner.run(change.apply(user.actor()))
                .whenComplete((result, failure) -> ui.access(() -> {
                    ui.setPollInterval(-1);
                    progress.hide();
                    market.setEnabled(true);
                    if (failure != null) ui.getSession().getErrorHandler().error(new ErrorEvent(failure));
                    else
                        Notices.success(
                                result.replaced() == null
                                        ? getTranslation(
                                                "admin.deployments.done", result.market(), "v" + result.version())
                                        : getTranslation(
                                                "admin.deployments.done-replacing",
                                                result.market(),
                                                "v" + result.version(),
                                                "v" + result.replaced()));
                    refresh(m);
                }));
    }
}
