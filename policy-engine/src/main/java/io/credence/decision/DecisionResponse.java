package io.credence.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.credence.engine.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The answer to a loan system, exactly as the contract shapes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionResponse(
        String decisionId,
        String applicationId,
        String market,
        String outcome,
        Integer score,
        List<Reason> reasons,
        BigDecimal approvedAmount,
        BigDecimal apr,
        PolicyRef policy,
        List<String> rulesFired,
        Instant evaluatedAt,
        long durationMicros) {
}
