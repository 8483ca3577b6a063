package io.credence.policy;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.EngineResult;
import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import io.credence.engine.LoanApplicationParser;
import io.credence.engine.Reason;
import io.credence.shared.InvalidRequestException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Runs a version's test cases against its compiled package. */
final class PolicyTesting {

    private PolicyTesting() {}

    static List<TestCaseResult> run(CompiledPolicy policy, List<PolicyTestCase> cases) {
        List<TestCaseResult> results = new ArrayList<>(cases.size());
        for (PolicyTestCase test : cases) {
            results.add(run(policy, test));
        }
        return results;
    }

    private static TestCaseResult run(CompiledPolicy policy, PolicyTestCase test) {
        LoanApplication application;
        try {
            application = LoanApplicationParser.parse(test.application().toString());
            LoanApplicationParser.checkAgainst(application, policy.settings());
        } catch (InvalidRequestException e) {
            return new TestCaseResult(
                    test.id(),
                    test.name(),
                    false,
                    test.expectedOutcome(),
                    null,
                    test.expectedReasons(),
                    List.of(),
                    List.of(),
                    "The application is not valid for this version: " + e.problems());
        }
        EngineResult result = policy.decide(application, Enrichment.NONE);
        // The time budget is wall-clock time: a cold KieBase or a busy machine says nothing about the case.
        for (int retry = 0;
                retry < 2 && result.fault() != null && result.fault().contains("time budget");
                retry++) {
            result = policy.decide(application, Enrichment.NONE);
        }
        List<String> codes = result.reasons().stream().map(Reason::code).toList();
        List<String> missing = test.expectedReasons() == null
                ? List.of()
                : test.expectedReasons().stream()
                        .filter(code -> !codes.contains(code))
                        .toList();
        boolean outcomeOk = test.expectedOutcome().equals(result.outcome());
        List<String> problems = new ArrayList<>();
        if (!outcomeOk) problems.add("expected " + test.expectedOutcome() + " but got " + result.outcome());
        else if (!missing.isEmpty()) problems.add("missing reason(s) " + missing);
        String amount =
                off("approved amount", test.expectedAmount(), test.amountTolerance(), result.approvedAmount(), "");
        if (amount != null) problems.add(amount);
        String apr = off("APR", test.expectedApr(), test.aprTolerance(), result.apr(), " (as a fraction)");
        if (apr != null) problems.add(apr);
        if (result.fault() != null) problems.add("policy fault: " + result.fault());
        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        return new TestCaseResult(
                test.id(),
                test.name(),
                problem == null,
                test.expectedOutcome(),
                result.outcome(),
                test.expectedReasons(),
                codes,
                result.rulesFired(),
                problem,
                test.expectedAmount(),
                test.expectedAmount() == null ? null : result.approvedAmount(),
                test.expectedApr(),
                test.expectedApr() == null ? null : result.apr());
    }

    /** Why {@code actual} misses {@code expected} by more than {@code tolerance}; null when it does not. */
    private static String off(String what, BigDecimal expected, BigDecimal tolerance, BigDecimal actual, String unit) {
        if (expected == null) return null;
        String wanted = "expected " + what + " " + expected.stripTrailingZeros().toPlainString()
                + (tolerance == null || tolerance.signum() == 0
                        ? ""
                        : " ± " + tolerance.stripTrailingZeros().toPlainString())
                + unit;
        if (actual == null) return wanted + " but none was given";
        BigDecimal allowed = tolerance == null ? BigDecimal.ZERO : tolerance;
        if (actual.subtract(expected).abs().compareTo(allowed) <= 0) return null;
        return wanted + " but got " + actual.stripTrailingZeros().toPlainString();
    }

    /**
     * Proves the version's risk model scores every test case's application (CONTRACT.md "Risk models":
     * a model that fails on a probe application cannot serve), before anything is stored; throws a
     * PolicyCompilationException naming scorecard.pmml and each test case it fails on. An application
     * that is not valid for the version is the test case's own failure, reported with the results.
     */
    static void proveRiskModel(CompiledPolicy policy, List<PolicyTestCase> cases) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        List<LoanApplication> applications = new ArrayList<>();
        for (PolicyTestCase test : cases) {
            try {
                LoanApplication application =
                        LoanApplicationParser.parse(test.application().toString());
                LoanApplicationParser.checkAgainst(application, policy.settings());
                applications.add(application);
                names.put(application.applicationId(), test.name());
            } catch (InvalidRequestException e) {
                // Reported as that test case's failure by run().
            }
        }
        var problems = policy.riskModelProblems(applications);
        if (problems.isEmpty()) return;
        List<io.credence.engine.ArtifactError> errors = new ArrayList<>();
        problems.forEach((applicationId, problem) -> errors.add(new io.credence.engine.ArtifactError(
                io.credence.engine.PolicyPackage.SCORECARD,
                null,
                null,
                "cannot score test case '" + names.get(applicationId) + "': " + problem)));
        throw new io.credence.engine.PolicyCompilationException(errors);
    }
}
