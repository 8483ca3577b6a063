package io.credence.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one sanitizer every error message passes through: the machinery out, the human part kept. */
class ProblemsTest {

    @Test
    void a_libraries_exception_and_qualified_class_names_are_taken_out_and_the_message_kept() {
        assertThat(Problems.sanitize(
                        "org.jpmml.evaluator.FunctionException: Function java.lang.Runtime is not supported"))
                .isEqualTo("Function Runtime is not supported");
        assertThat(Problems.sanitize("UnsupportedElementException: Element NoSuchModel is not supported"))
                .isEqualTo("Element NoSuchModel is not supported");
    }

    @Test
    void jacksons_types_and_bound_as_notes_are_taken_out() {
        assertThat(Problems.sanitize("Cannot deserialize value of type `tools.jackson.databind.node.ObjectNode` from "
                        + "Array value (bound as `io.credence.engine.LoanApplication`)"))
                .isEqualTo("Cannot deserialize value of type `ObjectNode` from Array value");
    }

    @Test
    void stack_frames_and_caused_by_lines_are_dropped() {
        assertThat(Problems.sanitize("Field x is not defined\n\tat org.jpmml.evaluator.Foo.bar(Foo.java:12)\n"
                        + "Caused by: java.lang.IllegalStateException: boom\n\t... 12 more"))
                .isEqualTo("Field x is not defined boom");
    }

    @Test
    void the_names_of_libraries_are_replaced_by_what_they_do() {
        assertThat(Problems.sanitize("jpmml-evaluator cannot evaluate this"))
                .isEqualTo("the PMML evaluator cannot evaluate this");
        assertThat(Problems.sanitize("Jackson could not read it")).isEqualTo("the JSON parser could not read it");
    }

    @Test
    void urls_json_paths_numbers_and_plain_words_are_left_alone() {
        String namespace = "PMML namespace URI https://www.omg.org/spec/DMN/20191111/MODEL/ does not match "
                + "'http://www\\.dmg\\.org/PMML\\-\\d_\\d' regex pattern";
        assertThat(Problems.sanitize(namespace)).isEqualTo(namespace);
        assertThat(Problems.sanitize("applicant.age must be between 0 and 150; 1.5 is not a whole number"))
                .isEqualTo("applicant.age must be between 0 and 150; 1.5 is not a whole number");
        assertThat(Problems.sanitize("Error in the organisation's config at line 3"))
                .isEqualTo("Error in the organisation's config at line 3");
    }

    @Test
    void a_message_that_was_nothing_but_machinery_still_says_something() {
        assertThat(Problems.sanitize("java.lang.NullPointerException")).isEqualTo("The input is not valid.");
        assertThat(Problems.sanitize(null)).isNull();
    }
}
