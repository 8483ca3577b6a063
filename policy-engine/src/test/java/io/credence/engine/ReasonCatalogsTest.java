package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * reasons.json is validated with the policy version: every code the policy can give needs a message in
 * every language it declares, and errors point at the lines an analyst must change.
 */
class ReasonCatalogsTest {

    @Test
    void the_india_seed_compiles_with_its_english_and_hindi_catalogs() {
        try (CompiledPolicy policy = PolicyCompiler.compile(SeedPackagesOnDisk.load("IN"), 1)) {
            assertThat(policy.settings().reasonMessages()).containsOnlyKeys("en-IN", "hi-IN");
        }
    }

    @Test
    void reports_each_missing_message_with_its_code_and_locale_at_the_line_of_that_locale() {
        List<ArtifactError> errors =
                CompileErrors.ofIndiaWith(Map.of(PolicyPackage.REASONS, fixture("hindi-missing-two-messages.json")));

        assertThat(errors).hasSize(2).allSatisfy(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.REASONS);
            assertThat(e.message()).contains("hi-IN");
        });
        assertThat(errors)
                .filteredOn(e -> e.message().contains("AP_UNDERAGE"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.message())
                            .isEqualTo("has no hi-IN message for AP_UNDERAGE, which approval.drl can give");
                    assertThat(e.line()).as("the line of \"hi-IN\"").isEqualTo(38);
                    assertThat(e.column()).isEqualTo(3);
                });
        assertThat(errors)
                .filteredOn(e -> e.message().contains("EN_TIME_BUDGET"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.message()).contains("must be a non-empty text");
                    assertThat(e.line()).as("the line of the blank message").isEqualTo(68);
                });
    }

    @Test
    void a_rule_giving_a_new_code_needs_a_message_for_it_in_every_locale() {
        String approval = SeedPackagesOnDisk.load("IN").artifact(PolicyPackage.APPROVAL) + fixture("new-code-rule.drl");

        List<ArtifactError> errors = CompileErrors.ofIndiaWith(Map.of(PolicyPackage.APPROVAL, approval));

        assertThat(errors)
                .extracting(ArtifactError::message)
                .containsExactlyInAnyOrder(
                        "has no en-IN message for AP_NEW_SELF_EMPLOYED, which approval.drl can give",
                        "has no hi-IN message for AP_NEW_SELF_EMPLOYED, which approval.drl can give");
        assertThat(errors).extracting(ArtifactError::artifact).containsOnly(PolicyPackage.REASONS);
    }

    @Test
    void requires_a_catalog_for_the_market_default_locale() {
        List<ArtifactError> errors =
                CompileErrors.ofIndiaWith(Map.of(PolicyPackage.REASONS, fixture("without-the-default-locale.json")));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.REASONS);
            assertThat(e.message()).contains("no catalog for en-IN").contains("defaultLocale");
        });
    }

    @Test
    void requires_reasons_json_when_market_json_has_no_messages_either() {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        artifacts.remove(PolicyPackage.REASONS);

        assertThat(CompileErrors.of(PolicyPackage.of("IN", artifacts)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.artifact()).isEqualTo(PolicyPackage.REASONS);
                    assertThat(e.message()).startsWith("is missing").contains("en-IN");
                });
    }

    @Test
    void reports_malformed_json_with_line_and_column() {
        List<ArtifactError> errors =
                CompileErrors.ofIndiaWith(Map.of(PolicyPackage.REASONS, fixture("malformed-reasons.json")));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.REASONS);
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isPositive();
        });
    }

    @Test
    void refuses_a_locale_that_is_not_a_language_tag() {
        List<ArtifactError> errors =
                CompileErrors.ofIndiaWith(Map.of(PolicyPackage.REASONS, fixture("not-a-language-tag.json")));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.message()).contains("\"en_IN\" is not a language tag");
            assertThat(e.line()).isPositive();
        });
    }

    @Test
    void accepts_messages_for_codes_that_nothing_gives() {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        artifacts.put(PolicyPackage.REASONS, fixture("a-code-nothing-gives.json"));

        try (CompiledPolicy policy = PolicyCompiler.compile(PolicyPackage.of("IN", artifacts), 1)) {
            assertThat(policy.settings().reasonMessages().get("hi-IN")).containsKey("AP_SOMEDAY");
        }
    }

    @Test
    void a_version_stored_before_reasons_json_compiles_with_its_messages_from_market_json_and_keeps_its_digest() {
        PolicyPackage legacy = legacyIndia(Map.of());

        try (CompiledPolicy strict = PolicyCompiler.compile(legacy, 4);
                CompiledPolicy stored = PolicyCompiler.compileStored(legacy, 4)) {
            assertThat(strict.digest()).isEqualTo(legacy.digest()).isEqualTo(stored.digest());
            assertThat(stored.settings().reasonMessages()).containsOnlyKeys("en-IN");
            assertThat(stored.settings().message("AP_UNDERAGE", "hi-IN")).isEqualTo("The applicant is under 18.");
        }
    }

    @Test
    void a_stored_version_missing_a_translation_still_serves_but_a_new_one_is_refused() {
        PolicyPackage legacy = legacyIndia(
                Map.of(PolicyPackage.APPROVAL, fixture("legacy-approval.drl") + fixture("new-code-rule.drl")));

        try (CompiledPolicy stored = PolicyCompiler.compileStored(legacy, 4)) {
            assertThat(stored.settings().message("AP_NEW_SELF_EMPLOYED", null)).isEqualTo("AP_NEW_SELF_EMPLOYED");
        }
        assertThat(CompileErrors.of(legacy)).singleElement().satisfies(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.SETTINGS);
            assertThat(e.message()).contains("en-IN").contains("AP_NEW_SELF_EMPLOYED");
        });
    }

    @Test
    void refuses_messages_kept_in_both_market_json_and_reasons_json() {
        PolicyPackage both = legacyIndia(Map.of(PolicyPackage.REASONS, fixture("legacy-reasons.json")));

        assertThat(CompileErrors.of(both)).singleElement().satisfies(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.SETTINGS);
            assertThat(e.line()).isEqualTo(13);
            assertThat(e.message()).contains("reasonMessages").contains("reasons.json");
        });
    }

    @Test
    void answers_in_the_locale_asked_for_else_the_same_language_else_the_market_default() {
        MarketSettings settings;
        try (CompiledPolicy policy = PolicyCompiler.compile(SeedPackagesOnDisk.load("IN"), 1)) {
            settings = policy.settings();
        }

        assertThat(settings.localeFor("hi-IN")).isEqualTo("hi-IN");
        assertThat(settings.localeFor("HI-in")).isEqualTo("hi-IN");
        assertThat(settings.localeFor("hi")).isEqualTo("hi-IN");
        assertThat(settings.localeFor("en-GB")).isEqualTo("en-IN");
        assertThat(settings.localeFor("ta-IN")).isEqualTo("en-IN");
        assertThat(settings.localeFor(null)).isEqualTo("en-IN");
    }

    private static PolicyPackage legacyIndia(Map<String, String> replacements) {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        artifacts.remove(PolicyPackage.REASONS);
        artifacts.put(PolicyPackage.SETTINGS, fixture("legacy-market.json"));
        // Such a version also predates parameters: its rules wrote their thresholds as numbers.
        artifacts.put(PolicyPackage.APPROVAL, fixture("legacy-approval.drl"));
        artifacts.put(PolicyPackage.FRAUD, fixture("legacy-fraud.drl"));
        artifacts.putAll(replacements);
        return PolicyPackage.of("IN", artifacts);
    }

    private static String fixture(String name) {
        return Fixtures.text(ReasonCatalogsTest.class, name);
    }
}
