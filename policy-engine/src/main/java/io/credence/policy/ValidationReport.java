package io.credence.policy;

import io.credence.engine.ArtifactError;
import java.util.List;

/**
 * A package that compiled: its digest, how the base version's test cases fare on it, and warnings that
 * do not stop it (a reason message that still states a number the change moved).
 */
public record ValidationReport(boolean valid, String digest, List<TestCaseResult> testResults,
        List<ArtifactError> warnings) {

    public ValidationReport(boolean valid, String digest, List<TestCaseResult> testResults) {
        this(valid, digest, testResults, List.of());
    }

    public ValidationReport {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
