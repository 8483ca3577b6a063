package io.credence.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.credence.outcome.GiniTrend;
import io.credence.outcome.PerformanceStatistics;
import io.credence.support.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * When a champion's model counts as decayed: each fixture lists the loans (score, bad so far) of the
 * version's first months and of those decided since, with the Gini of each worked out by hand and
 * checked against PerformanceStatistics before the rule judges the change.
 */
class GiniDriftRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant LAUNCH = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant SINCE = Instant.parse("2026-04-05T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "gini-falls-a-third",
                "a-fall-of-exactly-ten-points-is-within-the-limit",
                "a-rising-gini-is-no-alarm",
                "too-few-loans-to-judge",
                "no-bad-loan-yet-since-the-first-months"
            })
    void judges_the_champions_gini_on_recent_loans_against_its_first_months(String fixture) {
        JsonNode c = Fixtures.json(getClass(), fixture + ".json");
        JsonNode expected = c.get("expected");
        Double first = gini(c.get("first"));
        Double recent = gini(c.get("recent"));
        assertFigure(first, expected.get("firstGini"));
        assertFigure(recent, expected.get("recentGini"));
        DriftLimits limits = new DriftLimits(
                0.10,
                0.25,
                100,
                500,
                c.get("limits").get("giniDrop").asDouble(),
                3,
                c.get("limits").get("giniMinimumLoans").asLong());
        GiniTrend trend = new GiniTrend(
                "ZZ",
                4,
                LAUNCH,
                SINCE,
                first,
                c.get("first").size(),
                recent,
                c.get("recent").size());

        MarketDrift drift = DriftRule.evaluate(
                "ZZ",
                empty(NOW.minusSeconds(8 * 86400), NOW.minusSeconds(3600)),
                empty(NOW.minusSeconds(3600), NOW),
                trend,
                limits,
                NOW);

        assertThat(drift.status()).isEqualTo(expected.get("status").asString());
        assertFigure(drift.giniChange(), expected.get("giniChange"));
        List<String> kinds = new ArrayList<>();
        expected.get("breaches").forEach(kind -> kinds.add(kind.asString()));
        assertThat(drift.breaches()).extracting(MarketDrift.Breach::kind).isEqualTo(kinds);
        assertThat(drift.gini()).isEqualTo(trend);
    }

    @Test
    void an_alert_on_gini_says_both_figures_the_period_and_the_limit_in_points() {
        DriftAlert alert = DriftAlert.of("id", "ZZ", DriftRule.GINI, -1.0 / 3, 0.10, 2.0 / 3, 1.0, SINCE, NOW, NOW);

        assertThat(alert.summary())
                .isEqualTo(
                        "ZZ champion's Gini 66.7 on loans decided since 2026-04-05 against 100.0 on its first months' loans "
                                + "(-33.3 points; limit -10.0)");
    }

    /** Safest first, as the performance report ranks scores: loans of one score share a bin. */
    private static Double gini(JsonNode loans) {
        TreeMap<Double, long[]> byRisk = new TreeMap<>();
        for (JsonNode loan : loans) {
            long[] counts = byRisk.computeIfAbsent(-loan.get(0).asDouble(), r -> new long[2]);
            counts[loan.get(1).asBoolean() ? 1 : 0]++;
        }
        List<PerformanceStatistics.Bin> bins = new ArrayList<>();
        byRisk.forEach((risk, counts) -> bins.add(new PerformanceStatistics.Bin(risk, counts[0], counts[1])));
        return PerformanceStatistics.gini(bins);
    }

    private static WindowFigures empty(Instant from, Instant to) {
        return new WindowFigures(from, to, 0, 0, ScoreHistogram.EMPTY);
    }

    private static void assertFigure(Double actual, JsonNode expected) {
        if (expected.isNull()) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isNotNull().isCloseTo(expected.asDouble(), within(1e-9));
        }
    }
}
