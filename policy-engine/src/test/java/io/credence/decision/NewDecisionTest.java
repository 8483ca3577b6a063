package io.credence.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.EngineResult;
import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The one place a decision becomes a log row: every column comes from what was asked, seen and answered. */
class NewDecisionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");

    private final LoanApplication request = JSON.readValue("""
            {"applicationId": "A-1", "market": "IN", "product": "PERSONAL_LOAN",
             "applicant": {"customerId": "C-9"}, "device": {"fingerprint": "fp-1"}}""", LoanApplication.class);
    private final String requestJson = JSON.writeValueAsString(request);

    @Test
    void the_row_takes_the_answer_the_version_and_the_experiment_from_the_decision() {
        EngineResult result = result("APPROVE", null);
        DecisionResponse response = response(result, "challenger");

        NewDecision row = NewDecision.of(
                request, requestJson, Enrichment.NONE, result, response, "exp-1", null, null, "key-1", JSON);

        assertThat(row.id()).isEqualTo("d-1");
        assertThat(row.applicationId()).isEqualTo("A-1");
        assertThat(row.market()).isEqualTo("IN");
        assertThat(row.outcome()).isEqualTo("APPROVE");
        assertThat(row.policyVersion()).isEqualTo(3);
        assertThat(row.policyDigest()).isEqualTo("sha256:v3");
        assertThat(row.arm()).isEqualTo("challenger");
        assertThat(row.experimentId()).isEqualTo("exp-1");
        assertThat(row.evaluatedAt()).isEqualTo(AT);
        assertThat(row.apiKeyId()).isEqualTo("key-1");
        assertThat(JSON.readValue(row.resultJson(), DecisionResponse.class)).isEqualTo(response);
        assertThat(JSON.readValue(row.contextJson(), Enrichment.class)).isEqualTo(Enrichment.NONE);
        assertThat(row.challenger()).isNull();
        assertThat(row.challengerJson()).isNull();
    }

    @Test
    void the_same_request_hashes_the_same_and_customers_and_devices_are_stored_only_as_hashes() {
        NewDecision row = NewDecision.of(
                request,
                requestJson,
                Enrichment.NONE,
                result("DECLINE", null),
                response(result("DECLINE", null), "champion"),
                null,
                null,
                null,
                "key-1",
                JSON);

        assertThat(row.requestHash())
                .isEqualTo(NewDecision.requestHash(JSON.writeValueAsString(request)))
                .startsWith("sha256:");
        assertThat(row.customerKey())
                .isEqualTo(NewDecision.customerKey(request))
                .doesNotContain("C-9")
                .hasSize(64);
        assertThat(row.deviceKey())
                .isEqualTo(NewDecision.deviceKey(request))
                .doesNotContain("fp-1")
                .hasSize(64);
        assertThat(row.deviceKey()).isNotEqualTo(row.customerKey());
    }

    @Test
    void a_shadow_challengers_answer_is_stored_beside_it_and_a_long_fault_is_cut_to_2000_characters() {
        EngineResult result = result("REFER", "x".repeat(5000));
        EngineResult shadow = result("APPROVE", null);
        DecisionResponse shadowResponse = response(shadow, DecisionRouting.CHALLENGER);

        NewDecision row = NewDecision.of(
                request,
                requestJson,
                Enrichment.NONE,
                result,
                response(result, "champion"),
                "exp-1",
                shadow,
                shadowResponse,
                "key-1",
                JSON);

        assertThat(row.fault()).hasSize(2000);
        assertThat(row.challenger()).isSameAs(shadow);
        assertThat(JSON.readValue(row.challengerJson(), DecisionResponse.class)).isEqualTo(shadowResponse);
    }

    private static EngineResult result(String outcome, String fault) {
        return new EngineResult(
                outcome, BigDecimal.valueOf(612.5), null, List.of(), null, null, List.of("R1"), 42, fault);
    }

    private static DecisionResponse response(EngineResult result, String arm) {
        return new DecisionResponse(
                "d-1",
                "A-1",
                "IN",
                result.outcome(),
                result.score(),
                List.of(),
                null,
                null,
                new PolicyRef("IN", 3, arm, "sha256:v3"),
                result.rulesFired(),
                AT,
                result.durationMicros());
    }
}
