package io.credence.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reviewer reads a decision table's change cell by cell, and an inserted row as one new row. */
class DecisionTableDiffTest {

    @Test
    void an_inserted_row_is_one_added_row_and_a_changed_rate_is_one_cell() {
        List<PolicyDiff.ValueChange> changes = VersionDiffer.cellChanges(
                "pricing-grid.csv", Fixtures.text(getClass(), "before.csv"), Fixtures.text(getClass(), "after.csv"));

        assertThat(changes)
                .extracting(c -> c.name() + ": " + c.before() + " → " + c.after())
                .containsExactly(
                        "pricing-grid.csv, row 10 added: null → super-prime band: scorecard 800 and above | 800 |  | APPROVE | 0.099",
                        "pricing-grid.csv, row 11 'Score below': null → 800",
                        "pricing-grid.csv, row 12 'APR': 0.169 → 0.179");
    }
}
