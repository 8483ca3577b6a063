package io.credence.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.credence.outcome.PerformanceStatistics.Bin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases, and reference values from scikit-learn and scipy computed by
 * PerformanceStatisticsTest.py (beside this test's fixtures) over the loans in PerformanceStatisticsTest-scores.csv.
 */
class PerformanceStatisticsTest {

    @Test
    void auc_counts_a_bad_ranked_riskier_than_a_good_as_one_and_a_tie_as_half() {
        // goods at risk 1, 2, 3; bads at 2 and 4: the bad at 2 beats the good at 1, ties the one at 2 (½)
        // and loses to the one at 3 (1.5 of 3 pairs); the bad at 4 beats all three: 4.5 of 6 = 0.75.
        List<Bin> bins = List.of(new Bin(1, 1, 0), new Bin(2, 1, 1), new Bin(3, 1, 0), new Bin(4, 0, 1));

        assertThat(PerformanceStatistics.auc(bins)).isCloseTo(0.75, within(1e-12));
        assertThat(PerformanceStatistics.gini(bins)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void ks_is_the_largest_gap_between_the_cumulative_shares_of_goods_and_bads() {
        // cumulative goods 1/3, 2/3, 1, 1; bads 0, 1/2, 1/2, 1: gaps 1/3, 1/6, 1/2, 0.
        List<Bin> bins = List.of(new Bin(1, 1, 0), new Bin(2, 1, 1), new Bin(3, 1, 0), new Bin(4, 0, 1));

        assertThat(PerformanceStatistics.ks(bins)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void a_perfect_ranking_has_gini_and_ks_of_one_and_a_reversed_one_minus_one_and_one() {
        List<Bin> perfect = List.of(new Bin(1, 5, 0), new Bin(2, 0, 3));
        List<Bin> reversed = List.of(new Bin(1, 0, 3), new Bin(2, 5, 0));

        assertThat(PerformanceStatistics.gini(perfect)).isEqualTo(1.0);
        assertThat(PerformanceStatistics.ks(perfect)).isEqualTo(1.0);
        assertThat(PerformanceStatistics.gini(reversed)).isEqualTo(-1.0);
        assertThat(PerformanceStatistics.ks(reversed)).isEqualTo(1.0);
    }

    @Test
    void there_is_no_gini_or_ks_without_both_goods_and_bads() {
        List<Bin> onlyGoods = List.of(new Bin(1, 5, 0), new Bin(2, 3, 0));

        assertThat(PerformanceStatistics.gini(onlyGoods)).isNull();
        assertThat(PerformanceStatistics.ks(onlyGoods)).isNull();
        assertThat(PerformanceStatistics.gini(List.of())).isNull();
    }

    @Test
    void wilson_interval_of_no_bads_in_ten_is_zero_to_0_2775_by_hand() {
        // centre = (0 + z²/20) / (1 + z²/10), margin = z·√(z²/400) / (1 + z²/10); z² = 3.8415:
        // (0.19207 ± 0.19207) / 1.38415 = 0 … 0.27753.
        PerformanceStatistics.Rate rate = PerformanceStatistics.wilson(0, 10);

        assertThat(rate.rate()).isZero();
        assertThat(rate.lower()).isCloseTo(0, within(1e-12));
        assertThat(rate.upper()).isCloseTo(0.27753, within(1e-5));
        assertThat(PerformanceStatistics.wilson(0, 0)).isNull();
    }

    @Test
    void the_difference_is_second_minus_first_with_an_interval_that_decides_significance() {
        PerformanceStatistics.Difference d = PerformanceStatistics.difference(50, 1000, 80, 1000);

        assertThat(d.difference()).isCloseTo(0.03, within(1e-12));
        double margin = 1.959963984540054 * Math.sqrt(0.05 * 0.95 / 1000 + 0.08 * 0.92 / 1000);
        assertThat(d.lower()).isCloseTo(0.03 - margin, within(1e-12));
        assertThat(d.upper()).isCloseTo(0.03 + margin, within(1e-12));
        assertThat(d.significant()).isTrue();
        assertThat(PerformanceStatistics.difference(50, 1000, 52, 1000).significant())
                .isFalse();
        assertThat(PerformanceStatistics.difference(0, 0, 5, 10)).isNull();
    }

    @Test
    void gini_and_ks_equal_scikit_learn_and_scipy_on_the_reference_loans() throws IOException {
        Map<String, TreeMap<Double, long[]>> byCase = new TreeMap<>();
        for (String[] row : csv("PerformanceStatisticsTest-scores.csv")) {
            long[] counts = byCase.computeIfAbsent(row[0], c -> new TreeMap<>())
                    .computeIfAbsent(Double.parseDouble(row[1]), r -> new long[2]);
            counts[Integer.parseInt(row[2])]++;
        }
        int checked = 0;
        for (String[] row : csv("PerformanceStatisticsTest-expected.csv")) {
            if (!row[0].equals("rank")) continue;
            List<Bin> bins = new ArrayList<>();
            byCase.get(row[1]).forEach((risk, counts) -> bins.add(new Bin(risk, counts[0], counts[1])));

            assertThat(PerformanceStatistics.auc(bins))
                    .as("AUC of %s", row[1])
                    .isCloseTo(Double.parseDouble(row[6]), within(1e-12));
            assertThat(PerformanceStatistics.gini(bins))
                    .as("Gini of %s", row[1])
                    .isCloseTo(2 * Double.parseDouble(row[6]) - 1, within(1e-12));
            assertThat(PerformanceStatistics.ks(bins))
                    .as("KS of %s", row[1])
                    .isCloseTo(Double.parseDouble(row[7]), within(1e-12));
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void wilson_intervals_and_two_proportion_tests_equal_scipy() throws IOException {
        int checked = 0;
        for (String[] row : csv("PerformanceStatisticsTest-expected.csv")) {
            if (row[0].equals("wilson")) {
                PerformanceStatistics.Rate rate =
                        PerformanceStatistics.wilson(Long.parseLong(row[2]), Long.parseLong(row[3]));
                assertThat(rate.lower()).as("lower of %s", row[1]).isCloseTo(Double.parseDouble(row[6]), within(1e-9));
                assertThat(rate.upper()).as("upper of %s", row[1]).isCloseTo(Double.parseDouble(row[7]), within(1e-9));
                checked++;
            } else if (row[0].equals("difference")) {
                PerformanceStatistics.Difference d = PerformanceStatistics.difference(
                        Long.parseLong(row[2]), Long.parseLong(row[3]), Long.parseLong(row[4]), Long.parseLong(row[5]));
                assertThat(d.z()).as("z of %s", row[1]).isCloseTo(Double.parseDouble(row[6]), within(1e-9));
                assertThat(d.pValue()).as("p of %s", row[1]).isCloseTo(Double.parseDouble(row[7]), within(1e-6));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(11);
    }

    private static List<String[]> csv(String name) throws IOException {
        try (InputStream in = PerformanceStatisticsTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            List<String[]> rows = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) rows.add(lines[i].split(",", -1));
            }
            return rows;
        }
    }
}
