package io.credence.policy;

import java.util.List;

/** How one test case fared: what was expected, what the version decided, and why it failed if it did. */
public record TestCaseResult(String testCaseId, String name, boolean passed, String expectedOutcome,
        String actualOutcome, List<String> expectedReasons, List<String> actualReasons, List<String> rulesFired,
        String problem) {
}
