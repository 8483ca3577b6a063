package io.credence.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;

/** Gap 10: decisions found by customer, reason code, version and arm, however many; exported; explained. */
class DecisionSearchScreensIT {

    /** More than the 200 rows the search used to stop at. */
    private static final int MANY = 230;

    // The browser first: without Chromium the class is over before the product starts.
    @RegisterExtension
    @Order(2)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser(app);

    private static String declineCode;

    @BeforeAll
    static void oneCustomerAppliesManyTimesAndAnotherIsDeclined() {
        for (int i = 0; i < MANY; i++) {
            HttpResponse<String> response = app.decide(Fixtures.application(
                    DecisionSearchScreensIT.class, "prime-applicant.json", "BT-MANY-%03d".formatted(i)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        HttpResponse<String> declined =
                app.decide(Fixtures.application(DecisionSearchScreensIT.class, "low-score-applicant.json", "BT-LOW-1"));
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        var decision = JsonMapper.builder().build().readTree(declined.body());
        assertThat(decision.get("outcome").asString()).isEqualTo("DECLINE");
        declineCode = decision.get("reasons").get(0).get("code").asString();
    }

    @BeforeEach
    void signIn() {
        browser.login("analyst");
    }

    @Test
    void a_customers_decisions_are_all_found_and_scroll_past_the_old_limit_of_200() {
        browser.open("decisions");
        browser.type("filter-customer-id", "C-MANY-1", false);
        browser.click(By.id("search-decisions"));

        browser.waitForText(By.className("page-intro"), MANY + " decisions");
        assertThat(browser.gridCells("decisions-grid")).doesNotContain("BT-LOW-1");
        browser.driver()
                .executeScript("document.getElementById('decisions-grid').scrollToIndex(arguments[0])", MANY - 1);
        browser.waitForText(By.id("decisions-grid"), "BT-MANY-000");
        browser.screenshot("decisions-by-customer");
    }

    @Test
    void the_export_downloads_every_matching_decision_as_csv() {
        browser.open("decisions");
        browser.type("filter-customer-id", "C-MANY-1", false);
        browser.click(By.id("search-decisions"));
        browser.waitForText(By.className("page-intro"), MANY + " decisions");

        String href = browser.waitFor(By.id("export-decisions")).getAttribute("href");
        Object csv = browser.driver()
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('failed ' + e));",
                        href);

        assertThat(csv.toString().lines().toList())
                .hasSize(MANY + 1)
                .first()
                .asString()
                .startsWith("decisionId,");
        assertThat(csv.toString()).contains("BT-MANY-000", "BT-MANY-229").doesNotContain("BT-LOW-1");
    }

    @Test
    void decisions_are_found_by_reason_code_version_and_arm() {
        browser.open("decisions");
        browser.type("filter-reason-code", declineCode, false);
        browser.type("filter-version", "1", false);
        browser.select("filter-arm", "champion");
        browser.click(By.id("search-decisions"));

        browser.waitForText(By.className("page-intro"), "1 decision");
        assertThat(browser.gridCells("decisions-grid")).contains("BT-LOW-1").doesNotContain("BT-MANY-000");
    }

    @Test
    void a_decision_shows_the_points_each_scorecard_characteristic_gave() {
        browser.open("decisions");
        browser.type("filter-application-id", "BT-LOW-1", false);
        browser.click(By.id("search-decisions"));
        browser.clickRow("decisions-grid", "BT-LOW-1");

        browser.waitForText(By.className("view-title"), "Decision BT-LOW-1");
        WebElement contributions = browser.waitFor(By.id("contributions-grid"));
        assertThat(browser.gridCells("contributions-grid")).contains("bureauScore", "SC_BUREAU_SCORE");
        assertThat(contributions.isDisplayed()).isTrue();
        browser.screenshot("decision-contributions");
    }

    @Test
    void the_overview_counts_a_chosen_period() {
        browser.waitFor(By.cssSelector(".market-card[data-market='IN']"));
        browser.select("overview-period", "Last 7 days");

        browser.waitForText(By.id("overview-as-of"), "Decisions from");
        WebElement india = browser.waitFor(By.cssSelector(".market-card[data-market='IN']"));
        assertThat(india.findElement(By.cssSelector("[data-kpi='decisions'] .kpi-value"))
                        .getText())
                .isEqualTo(String.valueOf(MANY + 1));
        browser.screenshot("overview-last-7-days");
    }
}
