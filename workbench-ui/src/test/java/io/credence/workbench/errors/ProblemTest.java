package io.credence.workbench.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.ArtifactError;
import io.credence.engine.PolicyCompilationException;
import io.credence.shared.FieldProblem;
import io.credence.shared.ForbiddenActionException;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void a_refusal_shows_the_domains_own_message() {
        Problem problem = Problem.of(new StateConflictException("v3 is DRAFT; only [APPROVED] versions can be deployed."));

        assertThat(problem.expected()).isTrue();
        assertThat(problem.httpStatus()).isEqualTo(409);
        assertThat(problem.detail()).isEqualTo("v3 is DRAFT; only [APPROVED] versions can be deployed.");
    }

    @Test
    void a_refusal_wrapped_by_the_framework_is_still_recognised() {
        RuntimeException wrapped = new IllegalStateException("listener failed",
                new RuntimeException(new ForbiddenActionException("Only the author (analyst) may submit v2.")));

        Problem problem = Problem.of(wrapped);

        assertThat(problem.title()).isEqualTo("Not allowed");
        assertThat(problem.detail()).isEqualTo("Only the author (analyst) may submit v2.");
    }

    @Test
    void invalid_input_lists_every_offending_field() {
        Problem problem = Problem.of(new InvalidRequestException(List.of(new FieldProblem("entry", "is required"),
                new FieldProblem("reason", "is required, at most 500 characters"))));

        assertThat(problem.detail()).isEqualTo("entry is required; reason is required, at most 500 characters");
        assertThat(problem.httpStatus()).isEqualTo(400);
    }

    @Test
    void a_policy_that_does_not_compile_says_where() {
        Problem problem = Problem.of(new PolicyCompilationException(List.of(
                new ArtifactError("approval.drl", 12, 5, "unexpected token"))));

        assertThat(problem.detail()).isEqualTo("approval.drl:12 unexpected token");
    }

    @Test
    void not_found_is_a_404_with_its_message() {
        Problem problem = Problem.of(new NotFoundException("No decision abc."));

        assertThat(problem.httpStatus()).isEqualTo(404);
        assertThat(problem.detail()).isEqualTo("No decision abc.");
    }

    @Test
    void a_fault_tells_only_a_reference_never_the_exception() {
        Problem problem = Problem.of(new NullPointerException("Cannot invoke \"String.length()\" because \"s\" is null"));

        assertThat(problem.expected()).isFalse();
        assertThat(problem.httpStatus()).isEqualTo(500);
        assertThat(problem.reference()).hasSize(8);
        assertThat(problem.detail()).contains(problem.reference()).doesNotContain("NullPointer", "String.length");
    }
}
