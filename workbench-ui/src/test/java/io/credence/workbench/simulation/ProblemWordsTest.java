package io.credence.workbench.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.shared.FieldProblem;
import io.credence.workbench.policy.InLanguage;
import org.junit.jupiter.api.Test;

class ProblemWordsTest {

    @Test
    void a_row_problem_is_said_in_chinese_with_the_field_path_as_written() {
        assertThat(ProblemWords.of(new FieldProblem("applicant.age", "is required"), InLanguage.CHINESE))
                .isEqualTo("applicant.age：必填");
        assertThat(ProblemWords.of(
                        new FieldProblem("loan.currency", "must be MXN, the currency of market MX"),
                        InLanguage.CHINESE))
                .isEqualTo("loan.currency：必须是 MXN，即市场 MX 的币种");
    }

    @Test
    void a_problem_of_the_whole_line_has_no_field_in_front() {
        assertThat(ProblemWords.of(
                        new FieldProblem("$", "the line has 3 cells but the header names 17 columns"),
                        InLanguage.ENGLISH))
                .isEqualTo("The line has 3 cells but the header names 17 columns");
    }

    @Test
    void an_unknown_sentence_keeps_the_engine_words_after_the_field() {
        assertThat(ProblemWords.of(new FieldProblem("bureau.score", "is odd today"), InLanguage.CHINESE))
                .isEqualTo("bureau.score is odd today");
    }
}
