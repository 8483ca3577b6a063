package io.credence.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.credence.engine.CompiledPolicy;
import io.credence.engine.EngineResult;
import io.credence.engine.LoanApplication;
import io.credence.engine.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a loan system, exactly as the contract shapes it; {@code locale} (an extension) is the
 * language the reasons' messages are in, null when the version has no message catalogs. {@code score}
 * has two decimals; {@code probability} is a classifier's probability of the bad class, absent for
 * other models.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionResponse(
        String decisionId,
        String applicationId,
        String market,
        String outcome,
        @Nullable BigDecimal score,
        @Nullable Double probability,
        List<Reason> reasons,
        @Nullable String locale,
        @Nullable BigDecimal approvedAmount,
        @Nullable BigDecimal apr,
        PolicyRef policy,
        List<String> rulesFired,
        Instant evaluatedAt,
        long durationMicros) {

    /** A response without a locale: as decisions stored before the field existed read back. */
    public DecisionResponse(
            String decisionId,
            String applicationId,
            String market,
            String outcome,
            BigDecimal score,
            List<Reason> reasons,
            BigDecimal approvedAmount,
            BigDecimal apr,
            PolicyRef policy,
            List<String> rulesFired,
            Instant evaluatedAt,
            long durationMicros) {
        this(
                decisionId,
                applicationId,
                market,
                outcome,
                score,
                null,
                reasons,
                null,
                approvedAmount,
                apr,
                policy,
                rulesFired,
                evaluatedAt,
                durationMicros);
    }

    /** What {@code policy}, from arm {@code arm}, answers to {@code request} with {@code result}, at {@code at}. */
    static DecisionResponse of(
            String decisionId,
            LoanApplication request,
            CompiledPolicy policy,
            String arm,
            EngineResult result,
            Instant at) {
        return new DecisionResponse(
                decisionId,
                request.applicationId(),
                request.market(),
                result.outcome(),
                result.score(),
                result.probability(),
                result.reasons(),
                policy.settings().localeFor(request.locale()),
                result.approvedAmount(),
                result.apr(),
                new PolicyRef(policy.market(), policy.version(), arm, policy.digest()),
                result.rulesFired(),
                at,
                result.durationMicros());
    }
}
