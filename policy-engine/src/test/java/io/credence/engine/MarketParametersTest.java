package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.vocabulary.Decision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MarketParametersTest {

    @Test
    void every_bad_parameter_is_reported_naming_market_json_and_the_parameter_with_its_line() {
        MarketParameters.Parsed parsed = MarketParameters.parse(fixture("bad-parameters.json"));

        assertThat(parsed.errors()).allSatisfy(e -> assertThat(e.artifact()).isEqualTo("market.json"));
        assertThat(parsed.errors())
                .extracting(ArtifactError::message)
                .containsExactlyInAnyOrder(
                        "parameter minimumAge: value 17 must be at least 18",
                        "parameter name \"Bad-Name\" must start with a small letter and hold only letters and digits, e.g."
                                + " minimumAge, so rules (param(\"minimumAge\")) and messages ({minimumAge}) can name it",
                        "parameter rate: type must be one of number, money, percent, integer, date",
                        "parameter cutOff: value must be a date such as \"2026-07-01\"",
                        "parameter half: has an unknown field \"colour\"; expected [type, value, label, unit, min, max, help]",
                        "parameter unlabelled: label is required: the name analysts and reviewers read, e.g. \"Minimum age\"");
        assertThat(parsed.errors())
                .filteredOn(e -> e.message().startsWith("parameter minimumAge"))
                .singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(14));
    }

    @Test
    void a_package_whose_parameter_breaks_its_bounds_does_not_compile() {
        Map<String, String> artifacts = mexicoWith(List.of("parameters", "minimumAge", "value"), "16");

        assertThat(CompileErrors.of(PolicyPackage.of("MX", artifacts)))
                .extracting(ArtifactError::message)
                .contains("parameter minimumAge: value 16 must be at least 18");
    }

    @Test
    void a_rule_naming_a_parameter_market_json_does_not_declare_is_an_error_on_its_line() {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("MX").artifacts());
        artifacts.put(
                PolicyPackage.APPROVAL,
                artifacts.get(PolicyPackage.APPROVAL).replace("param(\"minimumAge\")", "param(\"minimumAgee\")"));

        List<ArtifactError> errors = CompileErrors.of(PolicyPackage.of("MX", artifacts));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.artifact()).isEqualTo("approval.drl");
            assertThat(e.line()).isEqualTo(15);
            assertThat(e.message()).startsWith("reads param(\"minimumAgee\"), which market.json does not declare");
        });
    }

    @Test
    void a_message_naming_an_undeclared_parameter_is_an_error_in_reasons_json() {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("MX").artifacts());
        artifacts.put(
                PolicyPackage.REASONS,
                artifacts.get(PolicyPackage.REASONS).replace("{minimumAge} años", "{edadMinima} años"));

        assertThat(CompileErrors.of(PolicyPackage.of("MX", artifacts)))
                .extracting(ArtifactError::message)
                .containsExactly(
                        "es-MX message for AP_UNDERAGE names {edadMinima}, which is not a parameter of market.json;"
                                + " it declares "
                                + String.join(
                                        ", ",
                                        MarketParameters.parse(artifacts.get(PolicyPackage.SETTINGS))
                                                .byName()
                                                .keySet()));
    }

    @Test
    void raising_the_minimum_age_in_market_json_declines_a_twenty_year_old_and_tells_them_the_new_age() {
        Map<String, String> artifacts = mexicoWith(List.of("parameters", "minimumAge", "value"), "21");
        try (CompiledPolicy policy = PolicyCompiler.compile(PolicyPackage.of("MX", artifacts), 2)) {
            // The first decisions of a fresh build run cold and can overrun the time budget.
            Warmup.run(policy, 3);
            EngineResult spanish = policy.decide(applicant(20, "es-MX"), Enrichment.NONE);
            EngineResult english = policy.decide(applicant(20, "en"), Enrichment.NONE);
            EngineResult older = policy.decide(applicant(21, "es-MX"), Enrichment.NONE);

            assertThat(spanish.outcome()).as(spanish.toString()).isEqualTo(Decision.DECLINE);
            assertThat(spanish.reasons()).extracting(Reason::message).contains("El solicitante es menor de 21 años.");
            assertThat(english.reasons()).extracting(Reason::message).contains("The applicant is under 21.");
            assertThat(older.reasons()).extracting(Reason::code).doesNotContain("AP_UNDERAGE");
        }
    }

    @Test
    void money_in_a_message_is_written_as_the_applicants_language_writes_numbers() {
        MarketParameter limit = new MarketParameter(
                "thinFileLimit",
                MarketParameter.Type.MONEY,
                new BigDecimal("8000"),
                null,
                "Limit",
                null,
                null,
                null,
                null,
                null,
                null);
        MarketParameter share = new MarketParameter(
                "share",
                MarketParameter.Type.PERCENT,
                new BigDecimal("0.4"),
                null,
                "Share",
                null,
                null,
                null,
                null,
                null,
                null);
        Map<String, MarketParameter> parameters = Map.of("thinFileLimit", limit, "share", share);

        assertThat(ReasonTemplates.fill("se limita a ${thinFileLimit} MXN", parameters, "es-MX", 2))
                .isEqualTo("se limita a $8,000 MXN");
        assertThat(ReasonTemplates.fill("limitado a R$ {thinFileLimit}", parameters, "pt-BR", 2))
                .isEqualTo("limitado a R$ 8.000");
        assertThat(ReasonTemplates.fill("within {share} of income", parameters, "en", 2))
                .isEqualTo("within 40% of income");
    }

    @Test
    void a_form_edit_changes_only_the_value_in_market_json_text() {
        String before = SeedPackagesOnDisk.load("MX").artifact(PolicyPackage.SETTINGS);
        String after = MarketParameters.withValue(before, List.of("parameters", "minimumAge", "value"), "21");
        after = MarketParameters.withValue(after, List.of("maxAmount"), "240000");

        assertThat(diffLines(before, after))
                .containsExactly(
                        "  \"maxAmount\": 240000,",
                        "    \"minimumAge\": { \"type\": \"integer\", \"value\": 21, \"label\": \"Minimum age\", \"unit\": \"years\", \"min\": 18, \"max\": 99,");
        assertThat(MarketParameters.changes(before, after))
                .containsExactly(
                        new MarketParameters.Change(
                                "maxAmount", "maxAmount", MarketParameter.Type.MONEY, "300000", "240000"),
                        new MarketParameters.Change(
                                "minimumAge", "Minimum age", MarketParameter.Type.INTEGER, "18", "21"));
    }

    @Test
    void raising_the_age_while_a_message_still_states_the_old_one_is_warned_about_not_refused() {
        Map<String, String> before = new TreeMap<>(SeedPackagesOnDisk.load("MX").artifacts());
        before.put(PolicyPackage.REASONS, before.get(PolicyPackage.REASONS).replace("{minimumAge}", "18"));
        Map<String, String> after = new TreeMap<>(before);
        after.put(
                PolicyPackage.SETTINGS,
                MarketParameters.withValue(
                        before.get(PolicyPackage.SETTINGS), List.of("parameters", "minimumAge", "value"), "21"));

        List<ArtifactError> warnings = StaleReasonNumbers.find(before, after);

        assertThat(warnings)
                .extracting(ArtifactError::message)
                .containsExactly(
                        "es-MX message for AP_UNDERAGE says 18, but rule \"applicant under the minimum age\" (approval.drl) no longer"
                                + " uses 18; it now uses 21. Write the parameter's name in braces, e.g. {minimumAge}, so the message follows the policy",
                        "en message for AP_UNDERAGE says 18, but rule \"applicant under the minimum age\" (approval.drl) no longer"
                                + " uses 18; it now uses 21. Write the parameter's name in braces, e.g. {minimumAge}, so the message follows the policy");
        assertThat(warnings).allSatisfy(w -> assertThat(w.artifact()).isEqualTo("reasons.json"));
        assertThat(StaleReasonNumbers.find(SeedPackagesOnDisk.load("MX").artifacts(), Map.copyOf(replaced(after))))
                .as("with {minimumAge} in the message there is nothing to warn about")
                .isEmpty();
        PolicyCompiler.compile(PolicyPackage.of("MX", after), 2).close();
    }

    private static Map<String, String> replaced(Map<String, String> after) {
        Map<String, String> fixed = new TreeMap<>(after);
        fixed.put(PolicyPackage.REASONS, SeedPackagesOnDisk.load("MX").artifact(PolicyPackage.REASONS));
        return fixed;
    }

    private static List<String> diffLines(String before, String after) {
        List<String> old = List.of(before.split("\n"));
        List<String> now = List.of(after.split("\n"));
        assertThat(now).hasSameSizeAs(old);
        return java.util.stream.IntStream.range(0, now.size())
                .filter(i -> !now.get(i).equals(old.get(i)))
                .mapToObj(now::get)
                .toList();
    }

    private static Map<String, String> mexicoWith(List<String> path, String literal) {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("MX").artifacts());
        artifacts.put(
                PolicyPackage.SETTINGS,
                MarketParameters.withValue(artifacts.get(PolicyPackage.SETTINGS), path, literal));
        return artifacts;
    }

    private static LoanApplication applicant(int age, String locale) {
        String json = fixture("applicant.json")
                .replace("\"AGE\"", String.valueOf(age))
                .replace("LOCALE", locale);
        return LoanApplicationParser.parse(json);
    }

    private static String fixture(String name) {
        try (InputStream in = MarketParametersTest.class.getResourceAsStream("MarketParametersTest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
