package io.credence.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.credence.support.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** When a market counts as drifting, on figures worked out by hand; each fixture says why. */
class DriftRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "approval-rate-falls-fifteen-points",
                "a-rise-of-exactly-ten-points-is-within-the-limit",
                "scores-shift-beyond-the-psi-limit",
                "too-few-decisions-in-the-last-hour",
                "too-small-a-baseline",
                "both-figures-beyond-their-limits"
            })
    void judges_the_last_hour_against_the_week_before(String fixture) {
        JsonNode c = Fixtures.json(getClass(), fixture + ".json");
        JsonNode l = c.get("limits");
        DriftLimits limits = new DriftLimits(
                l.get("approvalRateChange").asDouble(),
                l.get("psi").asDouble(),
                l.get("minimumCurrent").asLong(),
                l.get("minimumBaseline").asLong());

        MarketDrift drift = DriftRule.evaluate(
                "ZZ",
                window(c.get("baseline"), NOW.minusSeconds(8 * 86400), NOW.minusSeconds(3600)),
                window(c.get("current"), NOW.minusSeconds(3600), NOW),
                limits,
                NOW);

        JsonNode expected = c.get("expected");
        assertThat(drift.status()).isEqualTo(expected.get("status").asString());
        assertFigure(drift.approvalRateChange(), expected.get("approvalRateChange"));
        assertFigure(drift.psi(), expected.get("psi"));
        List<String> kinds = new ArrayList<>();
        expected.get("breaches").forEach(kind -> kinds.add(kind.asString()));
        assertThat(drift.breaches()).extracting(MarketDrift.Breach::kind).isEqualTo(kinds);
    }

    private static void assertFigure(Double actual, JsonNode expected) {
        if (expected.isNull()) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isNotNull().isCloseTo(expected.asDouble(), within(1e-6));
        }
    }

    private static WindowFigures window(JsonNode w, Instant from, Instant to) {
        return new WindowFigures(
                from, to, w.get("decisions").asLong(), w.get("approvals").asLong(), PsiTest.histogram(w.get("scores")));
    }
}
