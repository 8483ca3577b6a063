package io.credence.decision;

import io.credence.engine.EngineResult;
import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import io.credence.shared.Hashing;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A decision as the log stores it: one row of {@code decision}, with the columns other features
 * aggregate (outcome, score, the shadow challenger's answer) beside the JSON that replay reads. Built
 * only by {@link #of}, so no caller lists its fields and each column has one source.
 */
record NewDecision(
        String id,
        String applicationId,
        String market,
        String outcome,
        @Nullable BigDecimal score,
        int policyVersion,
        String policyDigest,
        String arm,
        @Nullable String experimentId,
        String requestHash,
        String requestJson,
        String resultJson,
        String contextJson,
        @Nullable String customerKey,
        @Nullable String deviceKey,
        long durationMicros,
        Instant evaluatedAt,
        @Nullable String fault,
        EngineResult answered,
        @Nullable EngineResult challenger,
        @Nullable String challengerJson,
        String apiKeyId) {

    private static final int MAX_FAULT = 2000;

    /**
     * The row for {@code response}, the answer {@code result} gave to {@code request} (serialized as
     * {@code requestJson}) in {@code context}; {@code shadow} and {@code shadowResponse} are the shadow
     * challenger's, when an experiment runs one.
     */
    static NewDecision of(
            LoanApplication request,
            String requestJson,
            Enrichment context,
            EngineResult result,
            DecisionResponse response,
            @Nullable String experimentId,
            @Nullable EngineResult shadow,
            @Nullable DecisionResponse shadowResponse,
            String apiKeyId,
            JsonMapper json) {
        PolicyRef policy = response.policy();
        return new NewDecision(
                response.decisionId(),
                request.applicationId(),
                request.market(),
                result.outcome(),
                result.score(),
                policy.version(),
                policy.digest(),
                policy.arm(),
                experimentId,
                requestHash(requestJson),
                requestJson,
                json.writeValueAsString(response),
                json.writeValueAsString(context),
                customerKey(request),
                deviceKey(request),
                result.durationMicros(),
                response.evaluatedAt(),
                truncate(result.fault()),
                result,
                shadow,
                shadowResponse == null ? null : json.writeValueAsString(shadowResponse),
                apiKeyId);
    }

    /** What an application sent again is compared by: the same request has the same hash. */
    static String requestHash(String requestJson) {
        return "sha256:" + Hashing.sha256Hex(requestJson);
    }

    /** The applicant's customer id, hashed per market: velocity counts by it without storing it. */
    static @Nullable String customerKey(LoanApplication request) {
        String customerId = request.applicant().customerId();
        return customerId == null ? null : customerKey(request.market(), customerId);
    }

    /** The key a customer's decisions in {@code market} are stored under; search finds them by it. */
    static String customerKey(String market, String customerId) {
        return Hashing.sha256Hex(market + "|customer|" + customerId);
    }

    static @Nullable String deviceKey(LoanApplication request) {
        return request.device() == null
                ? null
                : key(request.market(), "device", request.device().fingerprint());
    }

    private static @Nullable String key(String market, String kind, @Nullable String value) {
        return value == null ? null : Hashing.sha256Hex(market + '|' + kind + '|' + value);
    }

    private static @Nullable String truncate(@Nullable String text) {
        return text == null || text.length() <= MAX_FAULT ? text : text.substring(0, MAX_FAULT);
    }
}
