package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** market.json → performance: the loan-outcome definition, defaulted and validated like every other setting. */
class MarketSettingsPerformanceTest {

    private final String base = Fixtures.text(MarketSettingsPerformanceTest.class, "market.json");

    @Test
    void without_a_performance_section_a_loan_is_bad_at_90_days_past_due_within_12_months() {
        MarketSettings settings = parse(base, new ArrayList<>());

        assertThat(settings.performance()).isEqualTo(new MarketSettings.Performance(90, 12));
    }

    @Test
    void a_performance_section_sets_either_figure_and_defaults_the_other() {
        assertThat(parse(with("{\"badDaysPastDue\": 60, \"windowMonths\": 18}"), new ArrayList<>())
                        .performance())
                .isEqualTo(new MarketSettings.Performance(60, 18));
        assertThat(parse(with("{\"windowMonths\": 6}"), new ArrayList<>()).performance())
                .isEqualTo(new MarketSettings.Performance(90, 6));
    }

    @Test
    void every_bad_performance_setting_is_named() {
        List<ArtifactError> errors = new ArrayList<>();

        MarketSettings settings = parse(with("{\"badDaysPastDue\": 0, \"windowMonths\": 2.5, \"grace\": 5}"), errors);

        assertThat(settings).isNull();
        assertThat(errors)
                .extracting(ArtifactError::message)
                .containsExactlyInAnyOrder(
                        "performance.badDaysPastDue must be between 1 and 720",
                        "performance.windowMonths must be a whole number",
                        "performance.grace is not a setting (badDaysPastDue, windowMonths)");
        assertThat(errors).allSatisfy(e -> assertThat(e.artifact()).isEqualTo(PolicyPackage.SETTINGS));
    }

    @Test
    void a_performance_section_that_is_not_an_object_is_refused() {
        List<ArtifactError> errors = new ArrayList<>();

        parse(with("90"), errors);

        assertThat(errors)
                .extracting(ArtifactError::message)
                .singleElement()
                .asString()
                .startsWith("performance must be");
    }

    private String with(String performance) {
        return base.replaceFirst(
                "\"timeBudgetMillis\": 250",
                "\"timeBudgetMillis\": 250, \"performance\": " + performance.replace("$", "\\$"));
    }

    private static MarketSettings parse(String text, List<ArtifactError> errors) {
        return MarketSettingsParser.parse("IN", text, errors);
    }
}
