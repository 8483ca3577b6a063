package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.ArtifactError;
import org.junit.jupiter.api.Test;

class CompilerMessagesTest {

    private static final String MISSING_BRACKET = """
            package approval;

            rule "refer the borderline"
            when
                Score( value >= 540, value < 600
                $d : Decision()
            then
                $d.refer("AP_BORDERLINE_SCORE");
            end
            """;

    @Test
    void drools_own_line_and_column_prefix_is_dropped_and_the_sentence_is_said_in_words() {
        ArtifactError raw = new ArtifactError(
                "approval.drl", 9, 5, "[ERR 102] Line 9:4 mismatched input 'end' in rule \"refer the borderline\"");

        ArtifactError read = CompilerMessages.readable(raw, null, InLanguage.ENGLISH);

        assertThat(read.message()).isEqualTo("Unexpected \"end\" in rule \"refer the borderline\".");
        assertThat(read.line()).isEqualTo(9);
        assertThat(read.column()).isEqualTo(5);
    }

    @Test
    void a_parser_error_after_an_unclosed_bracket_points_at_the_line_that_opened_it() {
        ArtifactError raw = new ArtifactError(
                "approval.drl", 6, 5, "[ERR 102] Line 6:4 mismatched input '$d' in rule \"refer the borderline\"");

        ArtifactError read = CompilerMessages.readable(raw, MISSING_BRACKET, InLanguage.ENGLISH);

        assertThat(read.line()).isEqualTo(5);
        assertThat(read.column()).isNull();
        assertThat(read.message())
                .startsWith("Line 5 opens a \"(\" that is never closed.")
                .doesNotContain("[ERR");
    }

    @Test
    void a_chinese_reader_gets_the_compiler_sentence_in_chinese() {
        ArtifactError raw = new ArtifactError("approval.drl", 3, 1, "Unable to resolve ObjectType 'Scor'");

        assertThat(CompilerMessages.readable(raw, null, InLanguage.CHINESE).message())
                .startsWith("未知的事实类型“Scor”");
    }

    @Test
    void a_sentence_the_workbench_does_not_know_keeps_the_engine_words() {
        ArtifactError raw = new ArtifactError("pricing.drl", 4, null, "Something new from Drools");

        assertThat(CompilerMessages.readable(raw, "a\nb\nc\nd", InLanguage.CHINESE)
                        .message())
                .isEqualTo("Something new from Drools");
    }

    @Test
    void balanced_brackets_and_brackets_in_strings_or_comments_point_nowhere_else() {
        assertThat(CompilerMessages.unclosedBefore("when\n  Score( value > 1 )\n  x", 3))
                .isNull();
        assertThat(CompilerMessages.unclosedBefore("when\n  $d.refer(\"(\") // (\n  x", 3))
                .isNull();
    }
}
