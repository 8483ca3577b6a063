package io.credence.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review's conversation on lines of the diff: the reviewer comments on the changed line, the author
 * answers under it, and when the author opens the draft that answers the review the comments are there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewCommentsIT {

    // The browser first: without Chromium the class is over before the product starts.
    @RegisterExtension
    @Order(2)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser(app);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String QUESTION = "Why 21? The bureau's data says 20 would keep most good young borrowers.";
    private static final String ANSWER = "Compliance asked for 21 in the new lending guideline.";
    private static int changedLine;

    /** v2 of IN, raising the minimum age, submitted by the analyst. */
    @BeforeAll
    static void versionInReview() {
        String champion = JSON.readTree(
                        app.get("analyst", "/api/v1/markets/IN/versions/1").body())
                .path("artifacts")
                .path("approval.drl")
                .asString();
        // The seed reads the minimum age from market.json; this draft writes a stricter literal in its place.
        assertThat(champion).contains("age < $minimumAge");
        String stricter = champion.replaceFirst("age < \\$minimumAge", "age < 21");
        List<String> lines = stricter.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains("age < 21")) changedLine = i + 1;
        String body = JSON.writeValueAsString(Map.of(
                "basedOn",
                1,
                "artifacts",
                Map.of("approval.drl", stricter),
                "note",
                "Minimum age 21, as the new guideline asks."));
        assertThat(app.post("analyst", "/api/v1/markets/IN/versions", body).statusCode())
                .isEqualTo(201);
        assertThat(app.post(
                                "analyst",
                                "/api/v1/markets/IN/versions/2/submit",
                                "{\"failingTestsReason\": \"The seed case of a 20-year-old now declines: the new guideline.\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(1)
    void a_reviewer_comments_on_the_changed_line_and_the_comment_shows_under_it_and_in_the_list() {
        browser.login("reviewer");
        browser.open("reviews/IN/2");
        browser.waitForText(By.cssSelector(".review-main"), "Click a line number to comment");

        comment(QUESTION);

        browser.waitForText(
                By.cssSelector(".side-by-side-diff[data-artifact='approval.drl'] tr.diff-comment"), QUESTION);
        assertThat(browser.text(By.id("review-comments")))
                .contains("approval.drl line " + changedLine + " (v2)", "reviewer", QUESTION);
        assertThat(browser.text(By.cssSelector(".review-aside"))).contains("Comments on lines (1)");
    }

    @Test
    @Order(2)
    void the_author_answers_under_the_same_line() {
        browser.login("analyst");
        browser.open("reviews/IN/2");

        comment(ANSWER);

        browser.waitForText(By.cssSelector(".side-by-side-diff[data-artifact='approval.drl']"), ANSWER);
        assertThat(browser.text(By.cssSelector(".side-by-side-diff[data-artifact='approval.drl']"))
                        .indexOf(QUESTION))
                .as("the question comes first")
                .isLessThan(browser.text(By.cssSelector(".side-by-side-diff[data-artifact='approval.drl']"))
                        .indexOf(ANSWER));
        browser.screenshot("review-line-comments");
        assertThat(app.get("admin", "/api/v1/audit?action=REVIEW_COMMENT_ADDED").body())
                .contains("approval.drl line " + changedLine + ": " + QUESTION, "analyst");
    }

    @Test
    @Order(3)
    void the_authors_next_draft_shows_the_reviews_comments() {
        assertThat(app.post(
                                "reviewer",
                                "/api/v1/markets/IN/versions/2/reject",
                                "{\"comment\": \"See my comment on the age rule.\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(app.post("analyst", "/api/v1/markets/IN/versions", "{\"basedOn\": 2}")
                        .statusCode())
                .isEqualTo(201);
        browser.login("analyst");

        browser.open("markets/IN/versions/3");

        browser.waitForText(By.id("draft-line-comments"), QUESTION);
        assertThat(browser.text(By.id("draft-line-comments")))
                .contains("Comments on lines from the review (2)", ANSWER);
        browser.screenshot("draft-line-comments");
    }

    private static void comment(String text) {
        browser.click(By.cssSelector(
                ".side-by-side-diff[data-artifact='approval.drl'] td.num.new[data-line='" + changedLine + "']"));
        browser.waitFor(By.cssSelector("#line-comment-text textarea")).sendKeys(text);
        browser.click(By.id("save-line-comment"));
    }
}
