package io.credence.workbench.decisions;

import io.credence.decision.DecisionResponse;
import io.credence.engine.Reason;
import io.credence.workbench.format.Display;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The original decision and its replay side by side, one row per thing a replay must reproduce. */
record ReplayComparison(String aspect, String original, String replayed) {

    boolean same() {
        return Objects.equals(original, replayed);
    }

    static List<ReplayComparison> of(DecisionResponse original, DecisionResponse replayed, String currency, Display display) {
        return List.of(
                new ReplayComparison("Outcome", original.outcome(), replayed.outcome()),
                new ReplayComparison("Score", score(original), score(replayed)),
                new ReplayComparison("Reasons", reasons(original.reasons()), reasons(replayed.reasons())),
                new ReplayComparison("Approved amount", display.money(original.approvedAmount(), currency),
                        display.money(replayed.approvedAmount(), currency)),
                new ReplayComparison("APR", display.percent(original.apr()), display.percent(replayed.apr())),
                new ReplayComparison("Rules fired", rules(original.rulesFired()), rules(replayed.rulesFired())),
                new ReplayComparison("Policy", policy(original), policy(replayed)));
    }

    private static String score(DecisionResponse decision) {
        return decision.score() == null ? "—" : decision.score().toString();
    }

    private static String reasons(List<Reason> reasons) {
        return reasons == null || reasons.isEmpty() ? "none"
                : reasons.stream().map(Reason::code).collect(Collectors.joining(", "));
    }

    private static String rules(List<String> rules) {
        return rules == null ? "0" : Integer.toString(rules.size());
    }

    private static String policy(DecisionResponse decision) {
        return "v" + decision.policy().version() + " · " + Display.shortDigest(decision.policy().digest());
    }
}
