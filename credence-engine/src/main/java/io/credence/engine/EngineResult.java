package io.credence.engine;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one version decided for one application. {@code fault} is non-null when the policy threw or
 * overran its budget; the outcome is then REFER with an engine reason. {@code score} is the risk
 * model's {@code Score.value} to two decimals; {@code probability} a classifier's probability of the
 * bad class, null for other models.
 */
public record EngineResult(
        String outcome,
        @Nullable BigDecimal score,
        @Nullable Double probability,
        List<Reason> reasons,
        @Nullable BigDecimal approvedAmount,
        @Nullable BigDecimal apr,
        List<String> rulesFired,
        long durationMicros,
        @Nullable String fault) {

    public EngineResult {
        reasons = List.copyOf(reasons);
        rulesFired = List.copyOf(rulesFired);
    }

    /** Same decision, ignoring timing: what a replay must reproduce. */
    public boolean sameDecisionAs(EngineResult other) {
        return outcome.equals(other.outcome)
                && compare(score, other.score)
                && java.util.Objects.equals(probability, other.probability)
                && reasons.equals(other.reasons)
                && compare(approvedAmount, other.approvedAmount)
                && compare(apr, other.apr)
                && rulesFired.equals(other.rulesFired);
    }

    private static boolean compare(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
