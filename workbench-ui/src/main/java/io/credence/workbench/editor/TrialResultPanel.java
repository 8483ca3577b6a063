package io.credence.workbench.editor;

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
        Div hint = new Div("Run an application to see what this version decides.");
        hint.addClassName("hint");
        add(hint);
    }

    void show(TrialDecision trial, String currency) {
        removeAll();
        EngineResult result = trial.result();
        Display display = Display.current();
        Div headline = new Div(Badges.outcome(result.outcome()), fact("Score", result.score() == null ? "—" : String.valueOf(result.score())));
        headline.addClassName("trial-headline");
        if (result.approvedAmount() != null) {
            headline.add(fact("Approved amount", display.money(result.approvedAmount(), currency)),
                    fact("APR", display.percent(result.apr())));
        }
        add(headline, fact("Decided by", "v" + trial.version() + " · " + Display.shortDigest(trial.digest())
                + " · " + display.micros(result.durationMicros())));
        if (result.fault() != null) add(problem("Policy fault: " + result.fault()));
        add(new H4("Reasons"), reasons(result), new H4("Rules fired"), rulesFired(result));
    }

    void showProblem(String message) {
        removeAll();
        add(problem(message));
    }

    private static Grid<Reason> reasons(EngineResult result) {
        Grid<Reason> reasons = new Grid<>(Reason.class, false);
        reasons.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        reasons.addColumn(Reason::code).setHeader("Code").setAutoWidth(true).setFlexGrow(0);
        reasons.addColumn(Reason::message).setHeader("Message").setFlexGrow(1);
        reasons.addColumn(Reason::source).setHeader("Source").setAutoWidth(true).setFlexGrow(0);
        reasons.setItems(result.reasons());
        reasons.setAllRowsVisible(true);
        reasons.setEmptyStateText("No reasons given.");
        return reasons;
    }

    private static Div rulesFired(EngineResult result) {
        if (result.rulesFired().isEmpty()) return new Div("No rule fired.");
        UnorderedList list = new UnorderedList();
        list.addClassName("rules-fired");
        result.rulesFired().forEach(rule -> list.add(new ListItem(rule)));
        return new Div(list);
    }

    private static Span fact(String label, String value) {
        Span fact = new Span(label + ": " + value);
        fact.addClassName("fact");
        return fact;
    }

    private static Div problem(String message) {
        Div problem = new Div(message);
        problem.addClassName("inline-problem");
        return problem;
    }
}
