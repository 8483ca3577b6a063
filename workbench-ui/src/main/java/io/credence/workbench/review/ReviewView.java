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
import com.vaadin.flow.router.Route;
import io.credence.deployment.Champions;
import io.credence.policy.LineComments;
import io.credence.policy.PolicyService;
import io.credence.workbench.components.LineCommentList;
import io.credence.workbench.components.ProblemText;
import io.credence.workbench.components.TestResultsGrid;
import io.credence.workbench.components.VersionBadges;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.errors.Problem;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.RolesAllowed;

/** One version's review: reviews/IN/7. */
@Route(value = "reviews/:market/:version", layout = MainLayout.class)
@RolesAllowed({"ANALYST", "REVIEWER", "ADMIN"})
@StyleSheet("context://drl-editor/editor-screens.css")
public class ReviewView extends VerticalLayout implements BeforeEnterObserver, TranslatedTitle {

    private final ReviewPresenter presenter;
    private final DecisionForm decision = new DecisionForm();
    private ReviewPresenter.Review review;
    private String market;
    private int number;

    ReviewView(PolicyService policies, Champions champions, LineComments comments, CurrentUser user) {
        this.presenter = new ReviewPresenter(policies, champions, comments, user);
        addClassNames("page", "review-view");
        decision.addDecidedListener(decided -> presenter
                .decide(review.version(), decided.verdict(), decided.comment())
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
            add(
                    new H2(getTranslation("review.view.title", market, String.valueOf(number))),
                    problem(ProblemText.of(Problem.of(e), this::getTranslation)));
            return;
        }
        decision.allow(review.rights());
        decision.askBeforeApproving(
                getTranslation("review.decision.approve-question", market, String.valueOf(number)),
                () -> io.credence.workbench.simulation.BacktestSummary.headline(market, number));
        decision.showProblem(null);
        Div layout = new Div(main(), aside());
        layout.addClassName("review-layout");
        add(versionHeading(), layout);
    }

    private H2 versionHeading() {
        H2 heading = new H2(market + " v" + number + " ");
        heading.add(VersionBadges.status(review.version().status()));
        return heading;
    }

    private Div main() {
        Div main = new Div();
        main.addClassName("review-main");
        main.add(new H3(
                review.baseLabel() == null
                        ? getTranslation("review.view.artifacts")
                        : getTranslation("review.view.changes-against", review.baseLabel())));
        if (review.baseVersion() == null) {
            main.add(new Paragraph(
                    review.isChampion()
                            ? getTranslation("review.view.is-champion", String.valueOf(number))
                            : getTranslation("review.view.nothing-to-compare", market)));
        }
        if (!review.valueChanges().isEmpty()) {
            main.add(
                    new H3(getTranslation(
                            "review.view.values-changed", review.valueChanges().size())),
                    new ValueChanges(review.valueChanges(), review.currency(), getLocale()));
        }
        String newLabel = getTranslation("review.view.this-version", String.valueOf(number));
        if (review.mayComment() && !review.sections().isEmpty()) {
            Paragraph hint = new Paragraph(getTranslation("review.comment.hint"));
            hint.addClassName("review-comment-hint");
            main.add(hint);
        }
        Display display = Display.current();
        review.sections()
                .forEach(s -> main.add(new SideBySideDiff(
                        s,
                        review.baseLabel(),
                        newLabel,
                        review.commentsOn(s.artifact()),
                        display,
                        review.mayComment() ? this::commentOn : null)));
        main.add(new io.credence.workbench.simulation.BacktestSummary(market, number));
        TestResultsGrid tests = new TestResultsGrid();
        tests.show(review.version().testResults(), null);
        tests.showCoverage(io.credence.policy.TestCoverage.uncovered(
                review.version().artifacts(), review.version().testResults()));
        main.add(new H3(getTranslation("editor.tab.tests")), tests);
        return main;
    }

    private Div aside() {
        var v = review.version();
        Display display = Display.current();
        Div facts = new Div(
                fact("common.author", v.author()),
                fact("review.view.submitted", display.dateTime(v.submittedAt())),
                fact("review.queue.digest", Display.shortDigest(v.digest())),
                new Anchor(
                        "markets/" + market + "/versions/" + number, getTranslation("review.view.open-in-workbench")));
        facts.addClassName("review-facts");
        Div note = new Div(v.note() == null || v.note().isBlank() ? getTranslation("review.view.no-note") : v.note());
        note.addClassName("review-note");
        LineCommentList comments = new LineCommentList(review.comments(), display);
        comments.setId("review-comments");
        Div aside = new Div(
                new H3(getTranslation("review.view.note-from", v.author())),
                note,
                facts,
                new H3(getTranslation("review.view.comments", review.comments().size())),
                comments,
                new H3(getTranslation("review.view.decision")),
                decision);
        aside.addClassName("review-aside");
        return aside;
    }

    private void commentOn(SideBySideDiff.LinePicked line) {
        new LineCommentDialog(line, text -> {
                    var problem = presenter.comment(review.version(), line, text);
                    if (problem.isEmpty()) {
                        Notices.success(
                                getTranslation("review.comment.saved", line.artifact(), String.valueOf(line.line())));
                        load();
                    }
                    return problem;
                })
                .open();
    }

    private Div fact(String labelKey, String value) {
        return new Div(getTranslation("editor.fact", getTranslation(labelKey), value));
    }

    private void decided(DecisionForm.Verdict verdict) {
        Notices.success(getTranslation(
                verdict == DecisionForm.Verdict.APPROVE ? "review.view.approved" : "review.view.rejected",
                market,
                String.valueOf(number)));
        load();
    }

    private static Div problem(String message) {
        Div problem = new Div(message);
        problem.addClassName("inline-problem");
        return problem;
    }

    @Override
    public String heading() {
        return getTranslation("review.view.title", market, String.valueOf(number));
    }
}
