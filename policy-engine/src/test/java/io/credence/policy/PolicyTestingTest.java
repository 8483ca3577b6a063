package io.credence.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.SeedPackagesOnDisk;
import io.credence.engine.Warmup;
import io.credence.support.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PolicyTestingTest {

    private static CompiledPolicy mexico;

    @BeforeAll
    static void compileTheMexicoSeed() {
        mexico = PolicyCompiler.compile(SeedPackagesOnDisk.load("MX"), 1);
        Warmup.run(mexico, 3);
    }

    @AfterAll
    static void close() {
        mexico.close();
    }

    @Test
    void a_case_passes_when_the_approved_amount_and_apr_are_within_their_tolerances() {
        TestCaseResult result =
                run(testCase(new BigDecimal("100000"), null, new BigDecimal("0.285"), new BigDecimal("0.01")));

        assertThat(result.passed()).as(result.problem()).isTrue();
        assertThat(result.actualAmount()).isEqualByComparingTo("100000");
        assertThat(result.actualApr()).isEqualByComparingTo("0.28");
    }

    @Test
    void a_case_fails_naming_the_amount_and_apr_it_expected_and_got() {
        TestCaseResult result =
                run(testCase(new BigDecimal("90000"), new BigDecimal("5000"), new BigDecimal("0.30"), null));

        assertThat(result.passed()).isFalse();
        assertThat(result.problem())
                .isEqualTo("expected approved amount 90000 ± 5000 but got 100000;"
                        + " expected APR 0.3 (as a fraction) but got 0.28");
    }

    @Test
    void coverage_lists_the_rules_no_case_fires() {
        TestCaseResult result = run(testCase(null, null, null, null));

        List<String> uncovered =
                TestCoverage.uncovered(SeedPackagesOnDisk.load("MX").artifacts(), List.of(result));

        assertThat(result.rulesFired()).contains("pricing: prime band");
        assertThat(uncovered)
                .contains("approval: applicant under the minimum age", "pricing: thin file: starter limit")
                .doesNotContain(
                        "pricing: prime band",
                        "approval: scorecard at or above the approval cut-off: eligible for approval");
    }

    private static TestCaseResult run(PolicyTestCase test) {
        return PolicyTesting.run(mexico, List.of(test)).getFirst();
    }

    private static PolicyTestCase testCase(
            BigDecimal amount, BigDecimal amountTolerance, BigDecimal apr, BigDecimal aprTolerance) {
        JsonNode application = Fixtures.json(PolicyTestingTest.class, "prime-applicant.json");
        return new PolicyTestCase(
                "t1",
                "prime applicant",
                application,
                "APPROVE",
                List.of(),
                "analyst",
                Instant.now(),
                amount,
                amountTolerance,
                apr,
                aprTolerance);
    }
}
