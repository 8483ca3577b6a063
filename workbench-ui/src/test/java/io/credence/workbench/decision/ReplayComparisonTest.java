package io.credence.workbench.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.decision.DecisionResponse;
import io.credence.decision.PolicyRef;
import io.credence.engine.Reason;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Words;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReplayComparisonTest {

    private final Display display = new Display(Locale.UK, ZoneOffset.UTC);
    private final Words english = Words.in(Locale.UK);

    @Test
    void an_identical_replay_matches_on_every_aspect() {
        DecisionResponse original = approve(612, "0.189");

        var rows = ReplayComparison.of(original, approve(612, "0.189"), "INR", display, english);

        assertThat(rows).allMatch(ReplayComparison::same);
        assertThat(rows)
                .extracting(ReplayComparison::aspect)
                .containsExactly("Outcome", "Score", "Reasons", "Approved amount", "APR", "Rules fired", "Policy");
        assertThat(rows.get(3).original()).isEqualTo("₹150,000.00");
        assertThat(rows.get(4).original()).isEqualTo("18.9%");
    }

    @Test
    void a_different_price_is_the_row_that_differs() {
        var rows = ReplayComparison.of(approve(612, "0.189"), approve(612, "0.229"), "INR", display, english);

        assertThat(rows)
                .filteredOn(r -> !r.same())
                .extracting(ReplayComparison::aspect)
                .containsExactly("APR");
    }

    @Test
    void a_chinese_reader_reads_the_aspects_and_outcome_in_chinese_and_amounts_in_their_currency() {
        var rows = ReplayComparison.of(
                approve(612, "0.189"),
                approve(612, "0.189"),
                "INR",
                new Display(Locale.SIMPLIFIED_CHINESE, ZoneOffset.UTC),
                Words.in(Locale.SIMPLIFIED_CHINESE));

        assertThat(rows)
                .extracting(ReplayComparison::aspect)
                .containsExactly("结果", "评分", "理由代码", "批准金额", "年化利率", "触发的规则", "策略");
        assertThat(rows.getFirst().original()).isEqualTo("批准");
        assertThat(rows.get(3).original()).contains("150,000.00").containsAnyOf("₹", "INR");
    }

    private static DecisionResponse approve(int score, String apr) {
        return new DecisionResponse(
                "d-1",
                "A-1",
                "IN",
                "APPROVE",
                BigDecimal.valueOf(score),
                List.of(new Reason("SC_BUREAU_SCORE", "Bureau score", "scorecard")),
                new BigDecimal("150000"),
                new BigDecimal(apr),
                new PolicyRef("IN", 7, "champion", "sha256:0123456789abcdef"),
                List.of("approval: eligible", "pricing: prime band"),
                Instant.parse("2026-11-21T10:15:30Z"),
                410);
    }
}
