package io.credence.workbench.review;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.credence.deployment.ChampionRegistry;
import io.credence.policy.PolicyService;
import io.credence.workbench.editor.TestResultsGrid;
import io.credence.workbench.editor.VersionBadges;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.errors.Problem;
import io.credence.workbench.format.Display;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;

/** One version's review: reviews/IN/7. */
@Route(value = "reviews/:market/:version", layout = MainLayout.class)
@RolesAllowed({"ANALYST", "REVIEWER", "ADMIN"})
@StyleSheet("context://drl-editor/editor-screens.css")
public class ReviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ReviewPresenter presenter;
    private final DecisionForm decision = new DecisionForm();
    private ReviewPresenter.Review review;
    private String market;
    private int number;

    ReviewView(PolicyService policies, ChampionRegistry champions, CurrentUser user) {
        this.presenter = new ReviewPresenter(policies, champions, user);
        addClassNames("page", "review-view");
        decision.addDecidedListener(decided -> presenter.decide(review.version(), decided.verdict(), decided.comment())
                .ifPresentOrElse(decision::showProblem, () -> decided(decided.verdict())));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        market = event.getRouteParameters().get("market").orElse("").toUpperCase();
        number = event.getRouteParameters().getInteger("version").orElse(0);
        load();
    }

    private void load() {
        removeAll();
        try {
            review = presenter.load(market, number);
        } catch (RuntimeException e) {
            add(new H2("Review of " + market + " v" + number), problem(Problem.of(e).detail()));
            return;
        }
        decision.allow(review.rights());
        decision.showProblem(null);
        Div layout = new Div(main(), aside());
        layout.addClassName("review-layout");
        add(heading(), layout);
    }

    private H2 heading() {
        H2 heading = new H2(market + " v" + number + " ");
        heading.add(VersionBadges.status(review.version().status()));
        return heading;
    }

    private Div main() {
        Div main = new Div();
        main.addClassName("review-main");
        main.add(new H3(review.baseLabel() == null ? "Artifacts" : "Changes against " + review.baseLabel()));
        if (review.baseVersion() == null) main.add(new Paragraph("Nothing is deployed in " + market + " to compare with."));
        String newLabel = "v" + number + " (this version)";
        review.sections().forEach(s -> main.add(new SideBySideDiff(s, review.baseLabel(), newLabel)));
        main.add(new io.credence.workbench.simulation.BacktestSummary(market, number));
        TestResultsGrid tests = new TestResultsGrid();
        tests.show(review.version().testResults(), null);
        main.add(new H3("Test cases"), tests);
        return main;
    }

    private Div aside() {
        var v = review.version();
        Display display = Display.current();
        Div facts = new Div(new Div("Author: " + v.author()), new Div("Submitted: " + display.dateTime(v.submittedAt())),
                new Div("Digest: " + Display.shortDigest(v.digest())),
                new Anchor("markets/" + market + "/versions/" + number, "Open in the workbench"));
        facts.addClassName("review-facts");
        Div note = new Div(v.note() == null || v.note().isBlank() ? "(no note)" : v.note());
        note.addClassName("review-note");
        Div aside = new Div(new H3("Note from " + v.author()), note, facts, new H3("Decision"), decision);
        aside.addClassName("review-aside");
        return aside;
    }

    private void decided(DecisionForm.Verdict verdict) {
        Notices.success(market + " v" + number + (verdict == DecisionForm.Verdict.APPROVE ? " approved" : " rejected"));
        load();
    }

    private static Div problem(String message) {
        Div problem = new Div(message);
        problem.addClassName("inline-problem");
        return problem;
    }

    @Override
    public String getPageTitle() {
        return "Review " + market + " v" + number;
    }
}
