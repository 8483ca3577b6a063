package io.credence.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.policy.PolicyDiff;
import io.credence.policy.PolicyDiff.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffLayoutTest {

    @Test
    void changed_artifacts_come_first_then_the_rest_in_the_order_an_analyst_reads_a_policy() {
        PolicyDiff diff = new PolicyDiff(
                "IN",
                1,
                2,
                List.of(
                        artifact("approval.drl", false),
                        artifact("fraud.drl", false),
                        artifact("market.json", true),
                        artifact("pricing.drl", true),
                        artifact("scorecard.pmml", false)));
        assertThat(DiffLayout.sections(diff))
                .extracting(DiffLayout.Section::artifact)
                .containsExactly("pricing.drl", "market.json", "fraud.drl", "approval.drl", "scorecard.pmml");
    }

    @Test
    void unchanged_artifacts_have_no_lines_to_show() {
        PolicyDiff diff = new PolicyDiff("IN", 1, 2, List.of(artifact("fraud.drl", false)));
        assertThat(DiffLayout.sections(diff).get(0).lines()).isEmpty();
    }

    @Test
    void long_runs_of_unchanged_lines_fold_leaving_context_around_each_change() {
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n <= 10; n++) rows.add(equal(n));
        rows.add(new Row("CHANGE", 11, "age < 18", 11, "age < 21"));
        for (int n = 12; n <= 30; n++) rows.add(equal(n));
        rows.add(new Row("INSERT", null, null, 31, "// new"));
        rows.add(equal(31));

        List<DiffLayout.Line> lines = DiffLayout.fold(rows, 3);

        assertThat(lines)
                .extracting(DiffLayout.Line::cssClass)
                .containsExactly(
                        "diff-fold",
                        "diff-equal",
                        "diff-equal",
                        "diff-equal",
                        "diff-change",
                        "diff-equal",
                        "diff-equal",
                        "diff-equal",
                        "diff-fold",
                        "diff-equal",
                        "diff-equal",
                        "diff-equal",
                        "diff-insert",
                        "diff-equal");
        assertThat(lines.get(0).folded()).isEqualTo(7);
        assertThat(lines.get(8).folded()).isEqualTo(13);
        assertThat(lines.get(1).oldNumber()).isEqualTo(8);
    }

    @Test
    void a_short_run_between_changes_is_shown_whole_rather_than_folding_one_line() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("DELETE", 1, "x", null, null));
        for (int n = 2; n <= 8; n++) rows.add(equal(n));
        rows.add(new Row("DELETE", 9, "y", null, null));
        assertThat(DiffLayout.fold(rows, 3)).noneMatch(DiffLayout.Line::isFold).hasSize(9);
    }

    private static Row equal(int n) {
        return new Row("EQUAL", n, "line " + n, n, "line " + n);
    }

    private static PolicyDiff.ArtifactDiff artifact(String name, boolean changed) {
        return new PolicyDiff.ArtifactDiff(
                name,
                changed,
                changed ? 1 : 0,
                changed ? 1 : 0,
                "",
                changed ? List.of(new Row("CHANGE", 1, "a", 1, "b")) : List.of(new Row("EQUAL", 1, "a", 1, "a")));
    }
}
