package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.scorecard.ScorecardTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardHtmlTest {

    private final ScorecardTable scorecard = new ScorecardTable(
            "m",
            0.0,
            true,
            "pointsBelow",
            List.of(new ScorecardTable.Characteristic(
                    "income<script>",
                    "SC_INCOME",
                    30.0,
                    List.of(
                            new ScorecardTable.Bin("applicant.monthlyIncome < 15000", 10.0, "SC_INCOME"),
                            new ScorecardTable.Bin("otherwise", 42.5, "SC_INCOME")))));

    @Test
    void a_characteristic_spans_its_bins_and_shows_its_points_range_and_baseline() {
        String html = ScorecardHtml.table(scorecard, InLanguage.ENGLISH);
        assertThat(html).contains("rowspan=\"2\"", "10 to 42.5 points · baseline 30");
    }

    @Test
    void headings_and_ranges_are_in_the_readers_language() {
        String html = ScorecardHtml.table(scorecard, InLanguage.CHINESE);
        assertThat(html).contains("<th>理由代码</th>", "10 至 42.5 分 · 基准分 30");
    }

    @Test
    void escapes_every_text_from_the_pmml_document() {
        String html = ScorecardHtml.table(scorecard, InLanguage.ENGLISH);
        assertThat(html)
                .contains("income&lt;script&gt;", "applicant.monthlyIncome &lt; 15000")
                .doesNotContain("<script>");
    }

    @Test
    void writes_points_without_a_trailing_zero_and_a_computed_score_in_words() {
        assertThat(ScorecardHtml.points(110.0, InLanguage.ENGLISH)).isEqualTo("110");
        assertThat(ScorecardHtml.points(-15.5, InLanguage.ENGLISH)).isEqualTo("-15.5");
        assertThat(ScorecardHtml.points(null, InLanguage.ENGLISH)).isEqualTo("computed");
    }
}
