package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReasonCatalogTest {

    private static final Set<String> EMITTABLE = Set.of("AP_UNDERAGE", "AP_LOW_SCORE", "ENGINE_NO_DECISION");

    private final ReasonCatalog catalog =
            ReasonCatalog.parse(fixture("reasons.json")).orElseThrow();

    @Test
    void has_a_column_per_locale_in_the_files_order() {
        assertThat(catalog.locales()).containsExactly("en-IN", "hi-IN");
    }

    @Test
    void has_a_row_per_code_the_version_gives_then_the_codes_only_the_catalog_names() {
        assertThat(catalog.rows(EMITTABLE))
                .extracting(ReasonCatalog.Row::code)
                .containsExactly("AP_LOW_SCORE", "AP_UNDERAGE", "ENGINE_NO_DECISION", "AP_RETIRED_CODE");
        assertThat(catalog.rows(EMITTABLE).getLast().emittable()).isFalse();
    }

    @Test
    void marks_a_message_missing_only_where_a_given_code_lacks_one() {
        List<ReasonCatalog.Row> rows = catalog.rows(EMITTABLE);
        assertThat(rows.get(0).isMissing("en-IN")).isFalse();
        assertThat(rows.get(0).isMissing("hi-IN")).isTrue();
        assertThat(rows.get(2).isMissing("en-IN")).isTrue();
        assertThat(rows.get(3).isMissing("hi-IN"))
                .as("a code nothing gives needs no message")
                .isFalse();
        assertThat(catalog.missing(EMITTABLE)).isEqualTo(3);
    }

    @Test
    void an_edit_and_a_new_language_give_back_the_file_as_the_seeds_are_written() {
        String json = catalog.withMessage("hi-IN", "AP_LOW_SCORE", " क्रेडिट स्कोर \"न्यूनतम\" से कम है। ")
                .withLocale("zh-CN")
                .toJson();
        assertThat(json).isEqualTo(fixture("edited.json"));
        assertThat(ReasonCatalog.parse(json)
                        .orElseThrow()
                        .rows(EMITTABLE)
                        .get(0)
                        .messages())
                .isEqualTo(Map.of(
                        "en-IN",
                        "The credit score is below the policy minimum.",
                        "hi-IN",
                        "क्रेडिट स्कोर \"न्यूनतम\" से कम है।"));
    }

    @Test
    void a_blank_message_makes_the_code_missing_again() {
        ReasonCatalog cleared = catalog.withMessage("hi-IN", "AP_UNDERAGE", "  ");
        assertThat(cleared.rows(EMITTABLE).get(1).isMissing("hi-IN")).isTrue();
        assertThat(cleared.toJson()).contains("\"hi-IN\": {}");
    }

    @Test
    void unchanged_text_round_trips_exactly() {
        assertThat(catalog.toJson()).isEqualTo(fixture("reasons.json"));
        assertThat(ReasonCatalog.parse("").orElseThrow().toJson()).isEqualTo("{}\n");
    }

    @Test
    void text_that_is_not_a_catalog_cannot_be_shown_as_a_grid() {
        assertThat(ReasonCatalog.parse("{\"en\": {\"A\": ")).isEmpty();
        assertThat(ReasonCatalog.parse("[]")).isEmpty();
        assertThat(ReasonCatalog.parse("{\"en\": {\"A\": 42}}")).isEmpty();
    }

    @Test
    void accepts_language_tags_as_requests_name_their_locale() {
        assertThat(ReasonCatalog.languageTag(" zh-cn ")).contains("zh-CN");
        assertThat(ReasonCatalog.languageTag("fil-PH")).contains("fil-PH");
        assertThat(ReasonCatalog.languageTag("Chinese please")).isEmpty();
        assertThat(ReasonCatalog.languageTag("")).isEmpty();
        assertThat(catalog.hasLocale("EN-in")).isTrue();
    }

    private static String fixture(String name) {
        try (InputStream in = ReasonCatalogTest.class.getResourceAsStream("ReasonCatalogTest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
