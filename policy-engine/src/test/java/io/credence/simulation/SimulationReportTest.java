package io.credence.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.CompiledPolicy;
import io.credence.support.Fixtures;
import io.credence.support.Json;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The report's figures against values worked out by hand. applications.csv holds 20 applications for
 * two small policies: the version compared with ("against") approves every adult with a bureau score
 * of 600 or more at 10%; the candidate approves from 650 at 12%, refers 600-649, declines below 600.
 * Two rows are invalid (an age of "abc", a loan in EUR). expected.json has the hand-computed results:
 * 18 rows decided, 13 approved by against and 7 by the candidate, the six rows scoring 600-649 moving
 * from APPROVE to REFER; bad rates 3 of 12 and 1 of 7 labelled approvals; and, counting bands of at least
 * 4 applications (18-24, 25-34, 35-44), four-fifths ratios of 0.6/0.8 and 0.2/0.6.
 */
class SimulationReportTest {

    private static CompiledPolicy against;
    private static CompiledPolicy candidate;

    @BeforeAll
    static void compile() {
        against = Backtests.gbSeedWith(
                SimulationReportTest.class,
                1,
                Map.of("approval.drl", "against-approval.drl", "pricing.drl", "against-pricing.drl"));
        candidate = Backtests.gbSeedWith(
                SimulationReportTest.class,
                2,
                Map.of("approval.drl", "candidate-approval.drl", "pricing.drl", "candidate-pricing.drl"));
    }

    @AfterAll
    static void release() {
        against.close();
        candidate.close();
    }

    @ParameterizedTest(name = "in chunks of {0} rows")
    @ValueSource(ints = {1, 3, 256})
    void counts_the_matrix_rates_and_four_fifths_ratio_as_worked_out_by_hand(int chunkSize) throws Exception {
        SimulationReport report =
                Backtests.run(Fixtures.text(getClass(), "applications.csv"), candidate, against, 4, chunkSize);

        assertSubset(Json.read(Fixtures.text(getClass(), "expected.json")), Json.MAPPER.valueToTree(report), "$");
    }

    @Test
    void the_matrix_adds_up_to_the_rows_decided() throws Exception {
        SimulationReport report =
                Backtests.run(Fixtures.text(getClass(), "applications.csv"), candidate, against, 4, 5);

        long cells = report.matrix().values().stream()
                .flatMap(row -> row.values().stream())
                .mapToLong(Long::longValue)
                .sum();
        assertThat(cells).isEqualTo(report.rowsDecided()).isEqualTo(18);
    }

    @Test
    void leaves_bands_below_the_minimum_count_out_of_the_four_fifths_ratio() throws Exception {
        SimulationReport report =
                Backtests.run(Fixtures.text(getClass(), "applications.csv"), candidate, against, 20, 256);

        assertThat(report.fourFifths().against().ratio()).isNull();
        assertThat(report.fourFifths().against().bandsCompared()).isZero();
        assertThat(report.ageBands()).hasSize(6);
    }

    /** Every field of {@code expected} is in {@code actual} with the same value; numbers compare by value. */
    static void assertSubset(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            assertThat(actual.isObject())
                    .as(path + " is an object in " + actual)
                    .isTrue();
            for (var field : expected.properties()) {
                assertThat(actual.has(field.getKey()))
                        .as(path + "." + field.getKey() + " is present")
                        .isTrue();
                assertSubset(field.getValue(), actual.get(field.getKey()), path + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.size())
                    .as(path + " has " + expected.size() + " elements: " + actual)
                    .isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++)
                assertSubset(expected.get(i), actual.get(i), path + "[" + i + "]");
        } else if (expected.isNumber()) {
            assertThat(actual.isNumber())
                    .as(path + " is a number, not " + actual)
                    .isTrue();
            assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
