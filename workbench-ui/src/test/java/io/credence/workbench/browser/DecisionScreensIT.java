package io.credence.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;

class DecisionScreensIT {

    // The browser first: without Chromium the class is over before the product starts.
    @RegisterExtension
    @Order(2)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser(app);

    private static final Map<String, String> decisionIds = new HashMap<>();

    @BeforeAll
    static void loanSystemsSendApplications() {
        decide("prime-applicant.json", "BT-APPROVE-1", "APPROVE");
        decide("low-score-applicant.json", "BT-DECLINE-1", "DECLINE");
        decide("thin-file-applicant.json", "BT-REFER-1", "REFER");
    }

    @Test
    void the_overview_counts_todays_decisions_and_rates() {
        browser.login("reviewer");

        WebElement india = browser.waitFor(By.cssSelector(".market-card[data-market='IN']"));
        assertThat(kpi(india, "decisions")).isEqualTo("3");
        assertThat(kpi(india, "approval-rate")).isEqualTo("33.3%");
        assertThat(kpi(india, "decline-rate")).isEqualTo("33.3%");
        assertThat(kpi(india, "refer-rate")).isEqualTo("33.3%");
        assertThat(kpi(india, "p95-latency")).matches("[\\d.,]+ (µs|ms)");
        assertThat(browser.driver().findElements(By.id("overview-empty"))).noneMatch(WebElement::isDisplayed);
        browser.screenshot("overview");
    }

    @Test
    void decisions_are_found_by_application_id() {
        browser.login("analyst");
        browser.open("decisions");
        browser.waitForText(By.id("decisions-grid"), "BT-REFER-1");
        assertThat(browser.gridCells("decisions-grid"))
                .contains("BT-APPROVE-1", "BT-DECLINE-1", "APPROVE", "DECLINE", "REFER");
        browser.screenshot("decisions");

        browser.type("filter-application-id", "BT-DECLINE-1", false);
        browser.click(By.id("search-decisions"));

        assertThat(browser.gridCells("decisions-grid"))
                .contains("BT-DECLINE-1")
                .doesNotContain("BT-APPROVE-1", "BT-REFER-1");
    }

    @Test
    void an_analyst_reads_a_decision_with_personal_data_masked() {
        browser.login("analyst");
        browser.open("decisions");
        browser.click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='BT-APPROVE-1']"));

        browser.waitForText(By.className("view-title"), "Decision BT-APPROVE-1");
        String page = browser.bodyText();
        assertThat(page)
                .contains(
                        "APPROVE",
                        "₹300,000.00 over 36 months",
                        "11.9%",
                        "v1 · champion",
                        "Rules fired",
                        "Device applications, 24 h",
                        "Personal data masked");
        assertThat(browser.waitFor(By.className("digest")).getAttribute("title"))
                .startsWith("sha256:");
        String request = browser.text(By.id("request-json"));
        assertThat(request)
                .contains("\"applicationId\" : \"BT-APPROVE-1\"")
                .doesNotContain("C-88121", "d-7f3a9c", "85000");
        browser.screenshot("decision-detail");
    }

    @Test
    void an_admin_reads_the_request_in_full() {
        browser.login("admin");
        browser.open("decisions/" + decisionIds.get("BT-DECLINE-1"));

        String request = browser.text(By.id("request-json"));
        assertThat(request).contains("C-40277", "d-51be02", "85000");
        assertThat(browser.bodyText())
                .contains("DECLINE", "AP_LOW_BUREAU_SCORE")
                .doesNotContain("Personal data masked");
    }

    @Test
    void replaying_a_decision_shows_that_it_matches() {
        browser.login("reviewer");
        browser.open("decisions/" + decisionIds.get("BT-REFER-1"));

        browser.click(By.id("replay"));

        WebElement result = browser.waitForText(By.id("replay-result"), "Same decision");
        assertThat(result.getText()).contains("REFER", "AP_THIN_FILE");
        browser.screenshot("decision-replay");
    }

    @Test
    void an_unknown_decision_shows_a_page_saying_so_without_a_stack_trace() {
        browser.login("analyst");
        browser.open("decisions/no-such-decision");

        browser.waitForText(By.className("problem-view"), "No decision no-such-decision.");
        assertThat(browser.bodyText()).doesNotContain("Exception", "at io.credence");
    }

    private static void decide(String fixture, String applicationId, String expectedOutcome) {
        HttpResponse<String> response =
                app.decide(Fixtures.application(DecisionScreensIT.class, fixture, applicationId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var json = JsonMapper.builder().build().readTree(response.body());
        assertThat(json.get("outcome").asString()).isEqualTo(expectedOutcome);
        decisionIds.put(applicationId, json.get("decisionId").asString());
    }

    private static String kpi(WebElement card, String name) {
        return card.findElement(By.cssSelector("[data-kpi='" + name + "'] .kpi-value"))
                .getText();
    }
}
