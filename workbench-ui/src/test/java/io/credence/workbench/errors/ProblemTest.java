package io.credence.workbench.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.ArtifactError;
import io.credence.engine.PolicyCompilationException;
import io.credence.shared.FieldProblem;
import io.credence.shared.ForbiddenActionException;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import io.credence.workbench.i18n.Words;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private static final Words ENGLISH = Words.in(Locale.ENGLISH);
    private static final Words CHINESE = Words.in(Locale.SIMPLIFIED_CHINESE);

    @Test
    void a_refusal_shows_the_domains_own_message() {
        Problem problem = Problem.of(
                new StateConflictException("v3 is DRAFT; only [APPROVED] versions can be deployed."), ENGLISH);

        assertThat(problem.expected()).isTrue();
        assertThat(problem.httpStatus()).isEqualTo(409);
        assertThat(problem.title()).isEqualTo("Not possible right now");
        assertThat(problem.detail()).isEqualTo("v3 is DRAFT; only [APPROVED] versions can be deployed.");
    }

    @Test
    void a_refusal_wrapped_by_the_framework_is_still_recognised() {
        RuntimeException wrapped = new IllegalStateException(
                "listener failed",
                new RuntimeException(new ForbiddenActionException("Only the author (analyst) may submit v2.")));

        Problem problem = Problem.of(wrapped, ENGLISH);

        assertThat(problem.title()).isEqualTo("Not allowed");
        assertThat(problem.detail()).isEqualTo("Only the author (analyst) may submit v2.");
    }

    @Test
    void invalid_input_lists_every_offending_field() {
        Problem problem = Problem.of(
                new InvalidRequestException(List.of(
                        new FieldProblem("entry", "is required"),
                        new FieldProblem("reason", "is required, at most 500 characters"))),
                ENGLISH);

        assertThat(problem.detail()).isEqualTo("entry is required; reason is required, at most 500 characters");
        assertThat(problem.httpStatus()).isEqualTo(400);
    }

    @Test
    void a_policy_that_does_not_compile_says_where() {
        Problem problem = Problem.of(
                new PolicyCompilationException(List.of(new ArtifactError("approval.drl", 12, 5, "unexpected token"))),
                ENGLISH);

        assertThat(problem.detail()).isEqualTo("approval.drl:12 unexpected token");
    }

    @Test
    void a_policy_with_many_errors_shows_five_and_counts_the_rest() {
        List<ArtifactError> errors = IntStream.rangeClosed(1, 7)
                .mapToObj(line -> new ArtifactError("approval.drl", line, 1, "unexpected token"))
                .toList();

        assertThat(Problem.of(new PolicyCompilationException(errors), ENGLISH).detail())
                .startsWith("approval.drl:1 unexpected token; ")
                .endsWith("approval.drl:5 unexpected token; and 2 more");
        assertThat(Problem.of(new PolicyCompilationException(errors), CHINESE).detail())
                .startsWith("approval.drl:1：unexpected token；")
                .endsWith("；另有 2 处错误");
    }

    @Test
    void not_found_is_a_404_with_its_message() {
        Problem problem = Problem.of(new NotFoundException("No decision abc."), ENGLISH);

        assertThat(problem.httpStatus()).isEqualTo(404);
        assertThat(problem.detail()).isEqualTo("No decision abc.");
    }

    @Test
    void a_fault_tells_only_a_reference_never_the_exception() {
        Problem problem = Problem.of(
                new NullPointerException("Cannot invoke \"String.length()\" because \"s\" is null"), ENGLISH);

        assertThat(problem.expected()).isFalse();
        assertThat(problem.httpStatus()).isEqualTo(500);
        assertThat(problem.reference()).hasSize(8);
        assertThat(problem.title()).isEqualTo("Something went wrong");
        assertThat(problem.detail()).contains(problem.reference()).doesNotContain("NullPointer", "String.length");
    }

    @Test
    void a_chinese_reader_gets_chinese_titles_around_the_engines_english_detail() {
        Problem refused = Problem.of(new NotFoundException("No decision abc."), CHINESE);
        Problem invalid = Problem.of(
                new InvalidRequestException(
                        List.of(new FieldProblem("entry", "is required"), new FieldProblem("reason", "is required"))),
                CHINESE);
        Problem fault = Problem.of(new IllegalStateException("boom"), CHINESE);

        assertThat(refused.title()).isEqualTo("未找到");
        assertThat(refused.detail()).isEqualTo("No decision abc.");
        assertThat(invalid.title()).isEqualTo("请检查输入内容");
        assertThat(invalid.detail()).isEqualTo("entry：is required；reason：is required");
        assertThat(fault.title()).isEqualTo("出现错误");
        assertThat(fault.detail()).isEqualTo("该错误已记录，参考编号 " + fault.reference() + "。请重试；如问题仍然存在，请将参考编号提供给管理员。");
    }

    @Test
    void outside_a_ui_the_problem_is_told_in_english() {
        assertThat(Problem.of(new ForbiddenActionException("No.")).title()).isEqualTo("Not allowed");
    }
}
