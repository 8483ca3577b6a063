package io.credence.workbench.policy;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.credence.engine.EngineResult;
import io.credence.engine.Reason;
import io.credence.policy.TrialDecision;
import io.credence.workbench.components.Badges;
import io.credence.workbench.format.Display;

/** What a version decided for the test bench's application: outcome, score, reasons and rules fired. */
class TrialResultPanel extends Div {

    TrialResultPanel() {
        addClassName("trial-result");
        showNothingYet();
    }

    void showNothingYet() {
        removeAll();
        Div hint = new Div(getTranslation("editor.trial.nothing-yet"));
        hint.addClassName("hint");
        add(hint);
    }

    void show(TrialDecision trial, String currency) {
        removeAll();
        EngineResult result = trial.result();
        Display display = Display.current();
        Div headline = new Div(
                outcome(result.outcome()),
                fact("editor.trial.score", result.score() == null ? "—" : display.number(result.score())));
        // A classifier's probability of the bad class, beside the points its scaling made of it.
        if (result.probability() != null) {
            headline.add(fact("editor.trial.probability", display.probability(result.probability())));
        }
        headline.addClassName("trial-headline");
        if (result.approvedAmount() != null) {
            headline.add(
                    fact("editor.trial.approved-amount", display.money(result.approvedAmount(), currency)),
                    fact("editor.trial.apr", display.percent(result.apr())));
        }
        add(
                headline,
                fact(
                        "editor.trial.decided-by",
                        "v" + trial.version() + " · " + Display.shortDigest(trial.digest()) + " · "
                                + display.micros(result.durationMicros())));
        if (result.fault() != null) add(problem(getTranslation("editor.trial.fault", result.fault())));
        add(
                new H4(getTranslation("editor.trial.reasons")),
                reasons(result),
                new H4(getTranslation("editor.trial.rules-fired")),
                rulesFired(result));
    }

    void showProblem(String message) {
        removeAll();
        add(problem(message));
    }

    /** The outcome in the reader's words, coloured as everywhere else. */
    private Badge outcome(String outcome) {
        Badge badge = Badges.outcome(outcome);
        if (outcome != null) badge.setText(getTranslation("outcome." + outcome));
        return badge;
    }

    private Grid<Reason> reasons(EngineResult result) {
        Grid<Reason> reasons = new Grid<>(Reason.class, false);
        reasons.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        reasons.addColumn(Reason::code)
                .setHeader(getTranslation("editor.trial.code"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        reasons.addColumn(Reason::message)
                .setHeader(getTranslation("editor.trial.message"))
                .setFlexGrow(1);
        reasons.addColumn(r -> getTranslation("editor.trial.source." + r.source()))
                .setHeader(getTranslation("editor.trial.source"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        reasons.setItems(result.reasons());
        reasons.setAllRowsVisible(true);
        reasons.setEmptyStateText(getTranslation("editor.trial.no-reasons"));
        return reasons;
    }

    private Div rulesFired(EngineResult result) {
        if (result.rulesFired().isEmpty()) return new Div(getTranslation("editor.trial.no-rule-fired"));
        UnorderedList list = new UnorderedList();
        list.addClassName("rules-fired");
        result.rulesFired().forEach(rule -> list.add(new ListItem(rule)));
        return new Div(list);
    }

    private Span fact(String labelKey, String value) {
        Span fact = new Span(getTranslation("editor.fact", getTranslation(labelKey), value));
        fact.addClassName("fact");
        return fact;
    }

    private static Div problem(String message) {
        Div problem = new Div(message);
        problem.addClassName("inline-problem");
        return problem;
    }
}
