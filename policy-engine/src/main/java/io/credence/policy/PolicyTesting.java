package io.credence.policy;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.EngineResult;
import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import io.credence.engine.LoanApplicationParser;
import io.credence.engine.Reason;
import io.credence.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/** Runs a version's test cases against its compiled package. */
final class PolicyTesting {

    private PolicyTesting() {
    }

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
            return new TestCaseResult(test.id(), test.name(), false, test.expectedOutcome(), null, test.expectedReasons(),
                    List.of(), List.of(), "The application is not valid for this version: " + e.problems());
        }
        EngineResult result = policy.decide(application, Enrichment.NONE);
        List<String> codes = result.reasons().stream().map(Reason::code).toList();
        List<String> missing = test.expectedReasons() == null ? List.of()
                : test.expectedReasons().stream().filter(code -> !codes.contains(code)).toList();
        boolean outcomeOk = test.expectedOutcome().equals(result.outcome());
        String problem = null;
        if (!outcomeOk) problem = "expected " + test.expectedOutcome() + " but got " + result.outcome();
        else if (!missing.isEmpty()) problem = "missing reason(s) " + missing;
        if (result.fault() != null) problem = (problem == null ? "" : problem + "; ") + "policy fault: " + result.fault();
        return new TestCaseResult(test.id(), test.name(), problem == null, test.expectedOutcome(), result.outcome(),
                test.expectedReasons(), codes, result.rulesFired(), problem);
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
                LoanApplication application = LoanApplicationParser.parse(test.application().toString());
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
                io.credence.engine.PolicyPackage.SCORECARD, null, null,
                "cannot score test case '" + names.get(applicationId) + "': " + problem)));
        throw new io.credence.engine.PolicyCompilationException(errors);
    }
}
