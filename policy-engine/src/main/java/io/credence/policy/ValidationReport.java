package io.credence.policy;

import java.util.List;

/** A package that compiled: its digest and how the base version's test cases fare on it. */
public record ValidationReport(boolean valid, String digest, List<TestCaseResult> testResults) {
}
