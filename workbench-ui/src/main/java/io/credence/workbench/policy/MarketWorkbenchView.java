package io.credence.workbench.policy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.credence.deployment.Champions;
import io.credence.policy.LineComments;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.workbench.components.ProblemText;
import io.credence.workbench.errors.Problem;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.i18n.Words;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.layout.RecentMarket;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One market's versions and, when one is open, its workspace: markets/IN or markets/IN/versions/7. */
@Route(value = "markets/:market", layout = MainLayout.class)
@RouteAlias(value = "markets/:market/versions/:version", layout = MainLayout.class)
@RolesAllowed({"ANALYST", "REVIEWER", "ADMIN"})
@StyleSheet("context://drl-editor/editor-screens.css")
public class MarketWorkbenchView extends VerticalLayout
        implements BeforeEnterObserver, BeforeLeaveObserver, TranslatedTitle {

    private static final Logger log = LoggerFactory.getLogger(MarketWorkbenchView.class);

    private final LineComments lineComments;
    private final PolicyService policies;
    private final Champions champions;
    private final DraftValidator validator;
    private final AuthoringGuide guide;
    private final CurrentUser user;
    private final H2 heading = new H2();
    private final Span championLabel = new Span();
    private final VersionsGrid versions = new VersionsGrid();
    private final Details versionList = new Details();
    private final Div problem = new Div();
    private final Div workspaceSlot = new Div();
    private String market;
    private Integer openNumber;
    private VersionPresenter presenter;

    MarketWorkbenchView(
            PolicyService policies,
            Champions champions,
            DraftValidator validator,
            AuthoringGuide guide,
            LineComments lineComments,
            CurrentUser user) {
        this.policies = policies;
        this.lineComments = lineComments;
        this.champions = champions;
        this.validator = validator;
        this.guide = guide;
        this.user = user;
        addClassNames("page", "market-workbench");
        problem.addClassName("inline-problem");
        workspaceSlot.setWidthFull();
        versions.addVersionChosenListener(chosen -> openVersion(chosen.version().version()));
        versionList.setSummaryText(getTranslation("editor.versions"));
        versionList.add(versions);
        versionList.setWidthFull();
        Div header = new Div(heading, championLabel);
        header.addClassName("market-header");
        ProgressBar openingBar = new ProgressBar();
        openingBar.setIndeterminate(true);
        Div opening = new Div(openingBar, new Span(getTranslation("editor.versions.opening")));
        opening.setId("version-opening");
        opening.addClassName("version-opening");
        add(header, problem, versionList, opening, workspaceSlot);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        market = event.getRouteParameters().get("market").orElse("").toUpperCase();
        Optional<Integer> open = event.getRouteParameters().getInteger("version");
        openNumber = open.orElse(null);
        RecentMarket.remember(market, openNumber);
        getElement().executeJs("this.removeAttribute('opening')");
        Integer champion = champions.version(market);
        heading.setText(getTranslation("editor.market.heading", market));
        championLabel.setText(
                champion == null
                        ? getTranslation("editor.market.nothing-deployed")
                        : getTranslation("editor.market.champion", String.valueOf(champion)));
        championLabel.addClassName("champion-label");
        workspaceSlot.removeAll();
        presenter = null;
        showVersions(champion, open.isEmpty());
        open.ifPresent(n -> showVersion(n, champion));
    }

    private void showVersions(Integer champion, boolean expanded) {
        try {
            List<PolicyVersion> all = policies.list(market);
            versions.show(all, champion);
            versionList.setSummaryText(getTranslation("editor.versions.of", market, all.size()));
            versionList.setOpened(expanded);
            showProblem(null);
        } catch (RuntimeException e) {
            showProblem(explain(e));
        }
    }

    private void showVersion(int number, Integer champion) {
        PolicyVersion version;
        try {
            version = policies.get(market, number);
        } catch (RuntimeException e) {
            showProblem(explain(e));
            return;
        }
        VersionWorkspace workspace = new VersionWorkspace(guide);
        EditRights rights = EditRights.of(version, user.name(), user.roles(), Words.current());
        presenter = new VersionPresenter(
                workspace, policies, validator, user.actor(), rights, UI.getCurrent(), this::openVersion);
        presenter.show(version, Objects.equals(champion, number));
        // The review's comments on lines, for the author answering them in this draft (or reading them here).
        workspace.showLineComments(lineComments.forDraft(market, number));
        workspaceSlot.add(workspace);
    }

    /** Opens a version; the one already open is reloaded, as after it was submitted. */
    private void openVersion(int number) {
        if (Objects.equals(openNumber, number)) {
            Integer champion = champions.version(market);
            workspaceSlot.removeAll();
            showVersions(champion, false);
            showVersion(number, champion);
            getElement().executeJs("this.removeAttribute('opening')");
        } else {
            UI.getCurrent().navigate("markets/" + market + "/versions/" + number);
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (presenter == null || !presenter.hasUnsavedChanges()) return;
        BeforeLeaveEvent.ContinueNavigationAction leave = event.postpone();
        ConfirmDialog confirm = new ConfirmDialog(
                getTranslation("editor.leave.title"),
                getTranslation("editor.leave.text", String.valueOf(openNumber)),
                getTranslation("editor.leave.confirm"),
                confirmed -> leave.proceed());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private String explain(RuntimeException e) {
        Problem problem = Problem.of(e);
        if (!problem.expected()) log.error("Market workbench failed, reference {}", problem.reference(), e);
        return ProblemText.of(problem, this::getTranslation);
    }

    private void showProblem(String message) {
        problem.setText(message == null ? "" : message);
        problem.setVisible(message != null);
    }

    /** "IN v7" with a version open, else "Market IN". */
    @Override
    public String heading() {
        if (market == null) return getTranslation("editor.title");
        return openNumber == null
                ? getTranslation("editor.market.heading", market)
                : getTranslation("editor.title.version", market, String.valueOf(openNumber));
    }
}
