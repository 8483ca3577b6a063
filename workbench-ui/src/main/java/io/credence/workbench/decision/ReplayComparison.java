package io.credence.workbench.decision;

import io.credence.decision.DecisionResponse;
import io.credence.engine.Reason;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Words;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The original decision and its replay side by side, one row per thing a replay must reproduce. */
record ReplayComparison(String aspect, String original, String replayed) {

    boolean same() {
        return Objects.equals(original, replayed);
    }

    static List<ReplayComparison> of(
            DecisionResponse original, DecisionResponse replayed, String currency, Display display, Words texts) {
        return List.of(
                new ReplayComparison(
                        texts.translate("common.outcome"), outcome(original, texts), outcome(replayed, texts)),
                new ReplayComparison(
                        texts.translate("decisions.score"), score(original, display), score(replayed, display)),
                new ReplayComparison(
                        texts.translate("decisions.reasons"),
                        reasons(original.reasons(), texts),
                        reasons(replayed.reasons(), texts)),
                new ReplayComparison(
                        texts.translate("decisions.approved-amount"),
                        display.money(original.approvedAmount(), currency),
                        display.money(replayed.approvedAmount(), currency)),
                new ReplayComparison(
                        texts.translate("decisions.apr"),
                        display.percent(original.apr()),
                        display.percent(replayed.apr())),
                new ReplayComparison(
                        texts.translate("decisions.rules-fired"),
                        rules(original.rulesFired(), display),
                        rules(replayed.rulesFired(), display)),
                new ReplayComparison(texts.translate("decisions.policy"), policy(original), policy(replayed)));
    }

    private static String outcome(DecisionResponse decision, Words texts) {
        String outcome = decision.outcome();
        return outcome == null
                ? "—"
                : List.of("APPROVE", "DECLINE", "REFER").contains(outcome)
                        ? texts.translate("components.outcome." + outcome)
                        : outcome;
    }

    private static String score(DecisionResponse decision, Display display) {
        return decision.score() == null ? "—" : display.number(decision.score());
    }

    private static String reasons(List<Reason> reasons, Words texts) {
        return reasons == null || reasons.isEmpty()
                ? texts.translate("decisions.reasons.none-short")
                : reasons.stream().map(Reason::code).collect(Collectors.joining(", "));
    }

    private static String rules(List<String> rules, Display display) {
        return display.number(rules == null ? 0 : rules.size());
    }

    private static String policy(DecisionResponse decision) {
        return "v" + decision.policy().version() + " · "
                + Display.shortDigest(decision.policy().digest());
    }
}
