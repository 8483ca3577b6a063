package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.Fixtures;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A policy fault never becomes an error for the loan system: a rule that throws, or rules that loop
 * until the time budget runs out, give a REFER with a reason of source engine, and the fault is
 * kept with the result so it can be logged with the decision.
 */
class CompiledPolicyTest {

    private static final LoanApplication PRIME = application("prime-IN.json");

    @Test
    void the_unchanged_seed_approves_the_applicant_these_tests_use() {
        try (CompiledPolicy policy = PolicyCompiler.compile(SeedPackagesOnDisk.load("IN"), 1)) {
            EngineResult result = policy.decide(PRIME, Enrichment.NONE);

            assertThat(result.outcome()).isEqualTo("APPROVE");
            assertThat(result.fault()).isNull();
        }
    }

    @ParameterizedTest(name = "{0} replaced by {1} refers with {2}")
    @CsvSource({
            "approval.drl, throwing-approval.drl,      EN_POLICY_FAULT",
            "fraud.drl,    throwing-fraud.drl,         EN_POLICY_FAULT",
            "approval.drl, looping-approval.drl,       EN_TIME_BUDGET",
            "pricing.drl,  update-looping-pricing.drl, EN_TIME_BUDGET"})
    void refers_with_an_engine_reason_when_the_policy_fails(String artifact, String replacement, String code) {
        try (CompiledPolicy policy = seedWith(artifact, replacement)) {
            EngineResult result = policy.decide(application("prime-IN-device-without-country.json"), Enrichment.NONE);

            assertThat(result.outcome()).isEqualTo("REFER");
            assertThat(result.reasons()).containsExactly(
                    new Reason(code, policy.settings().message(code, null), "engine"));
            assertThat(result.approvedAmount()).isNull();
            assertThat(result.apr()).isNull();
            assertThat(result.fault()).isNotBlank();
        }
    }

    @Test
    void records_what_a_throwing_rule_threw() {
        try (CompiledPolicy policy = seedWith("approval.drl", "throwing-approval.drl")) {
            EngineResult result = policy.decide(PRIME, Enrichment.NONE);

            assertThat(result.fault())
                    .contains("IllegalStateException")
                    .contains("debt-to-income table has no row for this applicant");
        }
    }

    @Test
    void records_that_looping_rules_were_stopped() {
        try (CompiledPolicy policy = seedWith("approval.drl", "looping-approval.drl")) {
            EngineResult result = policy.decide(PRIME, Enrichment.NONE);

            assertThat(result.fault()).containsAnyOf("looping", "time budget");
            assertThat(result.rulesFired()).as("rules fired before the stop").isNotEmpty();
        }
    }

    @Test
    void stops_a_looping_policy_within_a_bounded_time() {
        try (CompiledPolicy policy = seedWith("approval.drl", "looping-approval.drl")) {
            policy.decide(PRIME, Enrichment.NONE);

            EngineResult result = policy.decide(PRIME, Enrichment.NONE);

            // Generous for a loaded 2-core CI machine; an unbounded loop would never return at all.
            assertThat(result.durationMicros()).isLessThan(2_000_000);
        }
    }

    @Test
    void keeps_deciding_after_a_fault() {
        try (CompiledPolicy policy = seedWith("fraud.drl", "throwing-fraud.drl")) {
            assertThat(policy.decide(application("prime-IN-device-without-country.json"), Enrichment.NONE).outcome())
                    .isEqualTo("REFER");

            EngineResult healthy = policy.decide(PRIME, Enrichment.NONE);

            assertThat(healthy.outcome()).as("an applicant the faulty rule does not trip").isEqualTo("APPROVE");
            assertThat(healthy.fault()).isNull();
        }
    }

    private static CompiledPolicy seedWith(String artifact, String replacement) {
        PolicyPackage seed = SeedPackagesOnDisk.load("IN");
        Map<String, String> artifacts = new TreeMap<>(seed.artifacts());
        artifacts.put(artifact, Fixtures.text(CompiledPolicyTest.class, replacement));
        return PolicyCompiler.compile(PolicyPackage.of("IN", artifacts), 2);
    }

    private static LoanApplication application(String fixture) {
        return LoanApplicationParser.parse(Fixtures.text(CompiledPolicyTest.class, fixture));
    }
}
