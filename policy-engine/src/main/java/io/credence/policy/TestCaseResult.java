package io.credence.policy;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one test case fared: what was expected, what the version decided, and why it failed if it did.
 * The amount and APR fields are null where the case expects none.
 */
public record TestCaseResult(
        String testCaseId,
        String name,
        boolean passed,
        String expectedOutcome,
        String actualOutcome,
        List<String> expectedReasons,
        List<String> actualReasons,
        List<String> rulesFired,
        String problem,
        BigDecimal expectedAmount,
        BigDecimal actualAmount,
        BigDecimal expectedApr,
        BigDecimal actualApr) {

    public TestCaseResult(
            String testCaseId,
            String name,
            boolean passed,
            String expectedOutcome,
            String actualOutcome,
            List<String> expectedReasons,
            List<String> actualReasons,
            List<String> rulesFired,
            String problem) {
        this(
                testCaseId,
                name,
                passed,
                expectedOutcome,
                actualOutcome,
                expectedReasons,
                actualReasons,
                rulesFired,
                problem,
                null,
                null,
                null,
                null);
    }
}
