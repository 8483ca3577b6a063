package io.credence.workbench.policy;

import io.credence.engine.ArtifactError;
import io.credence.engine.PolicyCompilationException;
import io.credence.policy.PolicyService;
import io.credence.policy.TestCaseResult;
import io.credence.policy.ValidationReport;
import io.credence.workbench.errors.Problem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Compiles an analyst's unsaved text off the UI thread, so the screen can show progress while Drools
 * works. Two threads: a compile is CPU-bound and each open editor has at most one in flight.
 */
@Component
class DraftValidator implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DraftValidator.class);

    /**
     * A validation's outcome: errors to mark, or the test results of a package that compiles. A
     * problem is kept as it is and put in words on the UI's thread, which knows the reader's language.
     */
    record Outcome(
            List<ArtifactError> errors,
            List<TestCaseResult> testResults,
            Problem problem,
            List<ArtifactError> warnings,
            List<String> uncoveredRules) {

        Outcome(List<ArtifactError> errors, List<TestCaseResult> testResults, Problem problem) {
            this(errors, testResults, problem, List.of(), null);
        }

        boolean compiles() {
            return errors.isEmpty() && problem == null;
        }
    }

    private final PolicyService policies;
    private final ExecutorService executor = Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("draft-validation-", 1).daemon(true).factory());

    DraftValidator(PolicyService policies) {
        this.policies = policies;
    }

    CompletableFuture<Outcome> validate(String market, int version, Map<String, String> changes) {
        return CompletableFuture.supplyAsync(() -> outcome(market, version, changes), executor);
    }

    private Outcome outcome(String market, int version, Map<String, String> changes) {
        try {
            ValidationReport report = policies.validate(market, version, changes);
            return new Outcome(List.of(), report.testResults(), null, report.warnings(), report.uncoveredRules());
        } catch (PolicyCompilationException e) {
            return new Outcome(e.errors(), List.of(), null);
        } catch (RuntimeException e) {
            Problem problem = Problem.of(e);
            if (!problem.expected()) log.error("Validation failed, reference {}", problem.reference(), e);
            return new Outcome(List.of(), List.of(), problem);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
