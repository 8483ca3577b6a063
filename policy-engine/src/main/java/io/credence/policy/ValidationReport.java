package io.credence.policy;

import io.credence.engine.ArtifactError;
import java.util.List;

/**
 * A package that compiled: its digest, how the base version's test cases fare on it, warnings that do
 * not stop it (a reason message that still states a number the change moved), and the rules no test
 * case fires ("stage: rule name").
 */
public record ValidationReport(
        boolean valid,
        String digest,
        List<TestCaseResult> testResults,
        List<ArtifactError> warnings,
        List<String> uncoveredRules) {

    public ValidationReport(boolean valid, String digest, List<TestCaseResult> testResults) {
        this(valid, digest, testResults, List.of(), List.of());
    }

    public ValidationReport {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        uncoveredRules = uncoveredRules == null ? List.of() : List.copyOf(uncoveredRules);
    }
}
