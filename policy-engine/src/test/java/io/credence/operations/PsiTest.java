package io.credence.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.credence.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The population stability index against figures worked out by hand; each fixture says how. */
class PsiTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "identical-distributions",
                "small-shift",
                "empty-top-bin",
                "uneven-baseline",
                "two-score-baseline"
            })
    void bins_by_the_baseline_deciles_and_matches_the_hand_computed_index(String fixture) {
        JsonNode expected = Fixtures.json(getClass(), fixture + ".json");
        ScoreHistogram baseline = histogram(expected.get("baseline"));
        ScoreHistogram current = histogram(expected.get("current"));

        List<Integer> cuts = new ArrayList<>();
        expected.get("cuts").forEach(cut -> cuts.add(cut.asInt()));
        assertThat(Psi.cuts(baseline)).isEqualTo(cuts);
        assertThat(Psi.index(baseline, current)).isCloseTo(expected.get("psi").asDouble(), within(1e-6));
    }

    @org.junit.jupiter.api.Test
    void an_empty_baseline_has_no_cuts_and_one_bin() {
        assertThat(Psi.cuts(ScoreHistogram.EMPTY)).isEmpty();
        assertThat(Psi.shares(ScoreHistogram.of(Map.of(600, 4L)), List.of())).containsExactly(1.0);
    }

    static ScoreHistogram histogram(JsonNode counts) {
        Map<Integer, Long> map = new TreeMap<>();
        counts.properties()
                .forEach(e -> map.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
        return ScoreHistogram.of(map);
    }
}
