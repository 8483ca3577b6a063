package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.workbench.browser.Browser;
import io.credence.workbench.browser.ProductionApp;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * One policy change through the workbench, as the people involved do it: an analyst edits IN's
 * approval rules, sees the mistake marked, fixes it, tries it, saves and submits it; the analyst
 * cannot approve their own work and is told why; a reviewer reads the diff and approves; an admin
 * deploys it and the overview shows it serving. Leaves the screenshots in docs/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyChangeIT {

    @RegisterExtension
    @Order(1)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(2)
    static final Browser browser = new Browser(app);

    private final MarketWorkbenchPage workbench = new MarketWorkbenchPage(browser);

    @Test
    @Order(1)
    void an_analyst_starts_a_draft_from_the_champion() {
        browser.login("analyst");
        browser.open("markets/IN");
        browser.waitForText(By.id("versions"), "champion");
        browser.click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='system']"));
        browser.waitForText(By.id("new-draft"), "New draft from v1");
        assertThat(browser.bodyText()).contains("Read-only: v1 is deployed");

        workbench.action("new-draft");

        browser.waitForText(By.cssSelector(".version-header"), "v2");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/markets/IN/versions/2");
        assertThat(browser.text(By.cssSelector(".version-header"))).contains("DRAFT", "by analyst", "based on v1");
    }

    @Test
    @Order(2)
    void a_mistake_in_approval_rules_is_marked_on_its_line_and_listed() {
        workbench.open("IN", 2);
        workbench.tab("Approval");
        workbench.line("approval.drl", "Applicant( age < $minimumAge )");
        browser.screenshot("editor");

        workbench.typeAtEndOf(
                "approval.drl",
                "Applicant( age < $minimumAge )",
                Keys.ARROW_LEFT,
                Keys.ARROW_LEFT,
                Keys.BACK_SPACE.toString().repeat("$minimumAge".length()));

        workbench.awaitErrorMarkOn("approval.drl", "Applicant( age <");
        assertThat(workbench.errorList()).contains("approval.drl, line 13");
        assertThat(browser.text(By.xpath("//vaadin-tab[starts-with(normalize-space(.), 'Approval')]")))
                .isEqualTo("Approval (1)");
        assertThat(workbench.status()).containsPattern("\\d+ errors?");
        browser.screenshot("editor-error");
    }

    @Test
    @Order(3)
    void a_policy_with_errors_is_not_saved() {
        workbench.action("save-draft");
        workbench.awaitStatus("Not saved");
        assertThat(app.get("analyst", "/api/v1/markets/IN/versions/2").body())
                .contains("Applicant( age < $minimumAge )");
    }

    @Test
    @Order(4)
    void the_fixed_rule_compiles_and_is_saved() {
        workbench.typeAtEndOf("approval.drl", "Applicant( age <", Keys.ARROW_LEFT, Keys.ARROW_LEFT, "21");
        workbench.leaveEditor();
        workbench.awaitNoErrorMarks("approval.drl");
        workbench.awaitStatus("Compiles");

        workbench.action("save-draft");

        workbench.awaitStatus("Saved");
        assertThat(app.get("analyst", "/api/v1/markets/IN/versions/2").body()).contains("Applicant( age < 21 )");
    }

    @Test
    @Order(5)
    void a_reason_message_left_blank_is_reported_missing_and_filled_in_again() {
        workbench.tab("Reason messages");
        browser.waitForText(By.id("reasons-grid"), "AP_AMOUNT_OUT_OF_RANGE");
        assertThat(workbench.reasonMessage("AP_AMOUNT_OUT_OF_RANGE", "en-IN")).isNotBlank();

        workbench.editReason("AP_AMOUNT_OUT_OF_RANGE", "hi-IN", "");

        workbench.awaitStatus("1 error");
        assertThat(workbench.errorList())
                .contains("reasons.json, line", "has no hi-IN message for AP_AMOUNT_OUT_OF_RANGE");
        assertThat(browser.text(By.id("reasons-summary"))).contains("1 message missing");
        assertThat(browser.text(By.xpath("//vaadin-tab[starts-with(normalize-space(.), 'Reason messages')]")))
                .isEqualTo("Reason messages (1)");
        browser.screenshot("reason-messages");

        workbench.editReason("AP_AMOUNT_OUT_OF_RANGE", "hi-IN", "माँगी गई राशि सीमा से बाहर है।");

        workbench.awaitStatus("Compiles");
        assertThat(browser.text(By.id("reasons-summary"))).contains("no message missing");
        workbench.action("save-draft");
        workbench.awaitStatus("Saved");
        assertThat(app.get("analyst", "/api/v1/markets/IN/versions/2").body())
                .contains("माँगी गई राशि सीमा से बाहर है।");
    }

    @Test
    @Order(6)
    void a_new_scorecard_is_uploaded_into_the_draft_and_shown_as_a_table() throws URISyntaxException {
        workbench.tab("Scorecard");
        browser.waitForText(By.cssSelector(".scorecard-table"), "bureau.score < 600");

        workbench.uploadScorecard(fixture("scorecard-v2.pmml"));

        browser.waitForText(By.cssSelector(".scorecard-summary"), "IN-personal-v2");
        workbench.awaitStatus("Compiles");
        workbench.action("save-draft");
        workbench.awaitStatus("Saved");
        assertThat(app.get("analyst", "/api/v1/markets/IN/versions/2").body()).contains("IN-personal-v2");
        browser.screenshot("scorecard");
    }

    @Test
    @Order(7)
    void the_test_bench_decides_an_application_and_keeps_it_as_a_test_case() {
        workbench.tab("Test bench");
        browser.click(By.id("run-trial"));

        browser.waitFor(By.cssSelector("#trial-result .outcome-approve"));
        assertThat(browser.text(By.id("trial-result")))
                .contains("Approved amount: ", "APR: ", "approval: scorecard at or above the approval cut-off");
        browser.screenshot("test-bench");
        browser.type("case-name", "Salaried renter with a good CIBIL score", false);
        browser.clickButton("Save as test case");

        workbench.tab("Test cases");
        browser.waitForText(By.cssSelector(".test-summary"), "of 22 test cases pass"); // 21 seed cases and this one
    }

    @Test
    @Order(8)
    void the_analyst_submits_the_draft_with_a_note() {
        workbench.action("submit-for-review");
        browser.waitFor(By.cssSelector("#submit-note textarea"))
                .sendKeys("Raise the minimum age to 21; fewer points for CIBIL below 600.");
        // The new scorecard may re-price seed scenarios whose APR the seed cases pin: say so if it does.
        if (browser.driver().findElements(By.id("submit-failing")).stream().anyMatch(WebElement::isDisplayed)) {
            browser.waitFor(By.cssSelector("#submit-failing-reason textarea"))
                    .sendKeys("The new scorecard re-prices these seed scenarios on purpose.");
        }
        browser.clickButton("Submit for review");

        browser.waitForText(By.cssSelector(".version-header"), "IN REVIEW");
        assertThat(browser.bodyText()).contains("Read-only: v2 is in review");
    }

    @Test
    @Order(9)
    void the_author_cannot_approve_their_own_version_and_is_told_why() {
        browser.open("reviews/IN/2");

        assertThat(browser.text(By.id("decision-blocked"))).startsWith("Four-eyes: you wrote this version");
        assertThat(browser.waitFor(By.id("approve")).getAttribute("disabled")).isNotNull();
        assertThat(browser.waitFor(By.id("reject")).getAttribute("disabled")).isNotNull();
    }

    @Test
    @Order(10)
    void a_reviewer_reads_the_diff_against_the_champion_and_approves() {
        browser.login("reviewer");
        browser.open("reviews");
        browser.click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='IN v2']"));

        browser.waitForText(By.cssSelector(".review-main"), "Changes against champion v1");
        String firstDiff = browser.text(By.cssSelector(".side-by-side-diff"));
        assertThat(firstDiff).contains("approval.drl", "Applicant( age < $minimumAge )", "Applicant( age < 21 )");
        assertThat(browser.text(By.cssSelector(".review-note"))).contains("Raise the minimum age to 21");
        assertThat(browser.text(By.cssSelector(".review-main"))).contains("of 22 test cases pass");
        browser.screenshot("review");

        browser.click(By.id("approve"));
        // Approving asks first, naming the latest backtest's figures.
        browser.confirm();

        browser.waitForText(By.cssSelector(".review-view h2"), "APPROVED");
        assertThat(app.get("reviewer", "/api/v1/markets/IN/versions/2").body())
                .contains("\"status\":\"APPROVED\"", "\"reviewer\":\"reviewer\"");
    }

    @Test
    @Order(11)
    void an_admin_deploys_it_and_the_overview_shows_it_serving() {
        browser.login("admin");
        browser.open("admin/deployments");
        browser.clickRow("champions", "IN");
        browser.waitForText(By.id("approved-versions"), "v2");
        browser.click(By.id("deploy-IN-v2"));
        browser.confirm();
        browser.waitForText(By.tagName("vaadin-notification-card"), "IN v2 is the champion");

        browser.open("");
        browser.waitForText(By.tagName("body"), "v2 serving");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(
                PolicyChangeIT.class.getResource("PolicyChangeIT/" + name).toURI());
    }
}
