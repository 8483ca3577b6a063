package io.credence.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.policy.LineComment;
import io.credence.workbench.policy.InLanguage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideDiffTest {

    @Test
    void an_inserted_line_has_a_blank_old_side_and_every_text_is_escaped() {
        DiffLayout.Section section = new DiffLayout.Section(
                "approval.drl",
                true,
                1,
                0,
                List.of(new DiffLayout.Line("INSERT", null, null, 12, "Applicant( age < 21 ) && \"x\"", 0)));
        String html = SideBySideDiff.table(section, "champion v1", "v2 <this>", InLanguage.ENGLISH);
        assertThat(html)
                .contains(
                        "<tr class=\"diff-insert\">",
                        "<td class=\"num old blank\"></td>",
                        "<td class=\"num new\" data-side=\"new\" data-line=\"12\">12</td>",
                        "Applicant( age &lt; 21 ) &amp;&amp; &quot;x&quot;",
                        "v2 &lt;this&gt;");
    }

    @Test
    void a_fold_says_how_many_lines_it_hides() {
        DiffLayout.Section section = new DiffLayout.Section(
                "fraud.drl",
                true,
                0,
                0,
                List.of(
                        new DiffLayout.Line("EQUAL", null, null, null, null, 1),
                        new DiffLayout.Line("EQUAL", null, null, null, null, 40)));
        assertThat(SideBySideDiff.table(section, "a", "b", InLanguage.ENGLISH))
                .contains("1 unchanged line ⋯", "40 unchanged lines ⋯");
    }

    @Test
    void a_comment_shows_under_its_line_escaped_and_a_removed_lines_comment_under_the_old_line() {
        DiffLayout.Section section = new DiffLayout.Section(
                "approval.drl",
                true,
                1,
                1,
                List.of(
                        new DiffLayout.Line("DELETE", 4, "old rule", null, null, 0),
                        new DiffLayout.Line("INSERT", null, null, 4, "new rule", 0)));
        java.time.Instant at = java.time.Instant.parse("2026-12-04T01:00:00Z");
        List<LineComment> comments = List.of(
                new LineComment("1", "IN", 2, "approval.drl", LineComment.NEW, 4, "reviewer", at, "Why <this>?"),
                new LineComment(
                        "2", "IN", 2, "approval.drl", LineComment.OLD, 4, "reviewer", at, "Removed on purpose?"));

        String html = SideBySideDiff.table(section, "a", "b", comments, null, InLanguage.ENGLISH);

        assertThat(html.indexOf("Removed on purpose?")).isBetween(html.indexOf("old rule"), html.indexOf("new rule"));
        assertThat(html.indexOf("Why &lt;this&gt;?")).isGreaterThan(html.indexOf("new rule"));
        assertThat(html).contains("<tr class=\"diff-comment\" data-side=\"new\" data-line=\"4\">");
    }
}
