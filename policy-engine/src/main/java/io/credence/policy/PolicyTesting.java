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
}
