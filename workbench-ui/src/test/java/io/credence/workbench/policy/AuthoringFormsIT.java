package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.workbench.browser.Browser;
import io.credence.workbench.browser.ProductionApp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MX job of issue 20 as a risk analyst who writes no code does it: "raise the minimum age to 21,
 * lower the maximum amount by 20 %", only with the Settings form; the applicant's message follows the
 * new age; a test case catches a slip of the finger; a stale number in a message is warned about; the
 * reviewer reads the change as "18 → 21".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthoringFormsIT {

    @RegisterExtension
    @Order(1)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(2)
    static final Browser browser = new Browser(app);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MarketWorkbenchPage workbench = new MarketWorkbenchPage(browser);

    @Test
    @Order(1)
    void the_analyst_raises_the_minimum_age_and_lowers_the_maximum_amount_in_the_settings_form() {
        browser.login("analyst");
        workbench.open("MX", 1);
        workbench.action("new-draft");
        browser.waitForText(By.cssSelector(".version-header"), "v2");
        workbench.tab("Settings");
        browser.waitFor(By.id("param-minimumAge"));
        assertThat(browser.text(By.id("settings-parameters"))).contains("Minimum age", "years");

        browser.type("param-minimumAge", "17", false);
        assertThat(browser.waitFor(By.id("param-minimumAge")).getDomProperty("invalid"))
                .isEqualTo("true");
        assertThat(browser.text(By.id("param-minimumAge"))).contains("Must be at least 18");

        browser.type("param-minimumAge", "21", false);
        browser.type("limit-maxAmount", "240000", false);

        assertThat(browser.waitFor(By.id("param-minimumAge")).getDomProperty("invalid"))
                .isEqualTo("false");
        workbench.awaitStatus("Compiles");
        browser.screenshot("settings-form");
        workbench.action("save-draft");
        workbench.awaitStatus("Saved");
        JsonNode settings = settingsOfVersion(2);
        assertThat(settings.get("parameters").get("minimumAge").get("value").asInt())
                .isEqualTo(21);
        assertThat(settings.get("maxAmount").asInt()).isEqualTo(240000);
    }

    @Test
    @Order(2)
    void a_twenty_year_old_is_declined_with_a_message_naming_the_new_age() {
        workbench.tab("Test bench");
        browser.type("bench-age", "20", false);
        browser.click(By.id("run-trial"));

        browser.waitFor(By.cssSelector("#trial-result .outcome-decline"));
        assertThat(browser.text(By.id("trial-result"))).contains("AP_UNDERAGE", "El solicitante es menor de 21 años.");
        browser.type("case-name", "A 20-year-old is declined as under age", false);
        browser.clickButton("Save as test case");
        workbench.tab("Test cases");
        browser.waitForText(By.cssSelector(".test-summary"), "21 of 21 test cases pass");
    }

    @Test
    @Order(3)
    void a_slip_of_the_finger_in_the_form_is_caught_by_the_test_case() {
        workbench.tab("Settings");
        browser.type("param-minimumAge", "19", false);

        workbench.awaitStatus("1 of 21 test cases fail");
        browser.screenshot("settings-form-test-fails");
        workbench.action("submit-for-review");
        assertThat(browser.text(By.id("submit-failing")))
                .contains("1 test case(s) fail: A 20-year-old is declined as under age");
        browser.waitFor(By.cssSelector("#submit-note textarea")).sendKeys("Minimum age 21.");
        browser.clickButton("Submit for review");
        assertThat(browser.text(By.id("submit-failing-reason"))).contains("Say why, or fix the policy first");
        browser.screenshot("submit-with-failing-cases");
        browser.clickButton("Cancel");

        browser.type("param-minimumAge", "21", false);
        workbench.awaitStatus("all 21 test cases pass");
    }

    @Test
    @Order(4)
    void a_message_that_still_states_the_old_age_is_warned_about() {
        workbench.tab("Reason messages");
        workbench.editReason("AP_UNDERAGE", "en", "The applicant is under 18.");

        browser.waitForText(By.id("validation-warnings"), "en message for AP_UNDERAGE says 18");
        assertThat(browser.text(By.id("validation-warnings"))).contains("it now uses 21", "{minimumAge}");
        browser.screenshot("stale-message-warning");

        workbench.editReason("AP_UNDERAGE", "en", "The applicant is under {minimumAge}.");
        workbench.awaitStatus("Compiles");
        assertThat(browser.driver().findElements(By.id("validation-warnings"))).noneMatch(w -> w.isDisplayed());
    }

    @Test
    @Order(5)
    void the_reviewer_reads_the_change_in_business_terms() {
        workbench.action("submit-for-review");
        browser.waitFor(By.cssSelector("#submit-note textarea")).sendKeys("Minimum age 21; maximum amount down 20 %.");
        browser.clickButton("Submit for review");
        browser.waitForText(By.cssSelector(".version-header"), "IN REVIEW");

        browser.login("reviewer");
        browser.open("reviews/MX/2");

        String changes =
                browser.waitForText(By.id("value-changes"), "Minimum age").getText();
        assertThat(changes).contains("Minimum age (minimumAge) 18 → 21", "maxAmount MXN 300,000 → MXN 240,000");
        assertThat(browser.text(By.cssSelector(".review-main")))
                .contains("Values changed (2)", "21 of 21 test cases pass");
        browser.screenshot("review-value-changes");
    }

    private static JsonNode settingsOfVersion(int version) {
        JsonNode stored = JSON.readTree(
                app.get("analyst", "/api/v1/markets/MX/versions/" + version).body());
        return JSON.readTree(stored.get("artifacts").get("market.json").asString());
    }
}
