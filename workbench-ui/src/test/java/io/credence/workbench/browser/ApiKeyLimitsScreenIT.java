package io.credence.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * An admin issues a key for one market until a date, sees both in the list, and later moves the key to
 * another market: the loan system's next decision in the first market is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiKeyLimitsScreenIT {

    // The browser first: without Chromium the class is over before the product starts.
    @RegisterExtension
    @Order(2)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser(app);

    private static final LocalDate EXPIRY = LocalDate.now(ZoneOffset.UTC).plusDays(60);
    private static String key;

    @BeforeEach
    void signIn() {
        browser.login("admin");
    }

    @Test
    @Order(1)
    void an_admin_issues_a_key_for_one_market_until_a_date_and_the_list_shows_both() {
        browser.open("admin/api-keys");
        browser.type("api-key-name", "india-branch-app", false);
        browser.click(By.xpath("//*[@id='api-key-markets']//vaadin-checkbox[normalize-space(.)='IN']"));
        // The picker's value is ISO whatever the browser's date format, so the test sets it as the picker would.
        browser.driver()
                .executeScript(
                        "const p = document.getElementById('api-key-expires-on');"
                                + "p.value = arguments[0]; p.dispatchEvent(new CustomEvent('change', {bubbles: true}));",
                        EXPIRY.toString());
        browser.settle();
        browser.click(By.id("create-api-key"));

        key = browser.text(By.id("issued-key"));
        assertThat(browser.text(By.id("issued-key-limits"))).startsWith("For IN; expires on ");
        browser.screenshot("api-key-created");
        browser.click(By.id("close-issued-key"));

        browser.waitForText(By.id("api-keys"), "india-branch-app");
        assertThat(browser.gridCells("api-keys")).contains("IN", "all markets", "never");
        browser.screenshot("api-keys");
        assertThat(decideWith(key, "BT-LIMIT-1").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void moving_the_key_to_another_market_refuses_its_next_decision_in_the_first_with_403() {
        browser.open("admin/api-keys");
        browser.click(By.cssSelector("vaadin-button[data-edit-key='india-branch-app']"));
        browser.click(By.xpath("//*[@id='edit-api-key-markets']//vaadin-checkbox[normalize-space(.)='IN']"));
        browser.click(By.xpath("//*[@id='edit-api-key-markets']//vaadin-checkbox[normalize-space(.)='MX']"));
        browser.screenshot("api-key-limits");
        browser.click(By.id("save-api-key-limits"));

        browser.waitForText(By.tagName("vaadin-notification-card"), "now has the new markets and expiry");
        assertThat(browser.gridCells("api-keys")).contains("MX");
        HttpResponse<String> refused = decideWith(key, "BT-LIMIT-2");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("API key 'india-branch-app' may not be used for market IN; it is limited to MX.");
        assertThat(app.get("admin", "/api/v1/audit?action=API_KEY_CHANGED").body())
                .contains("india-branch-app: markets IN, expires on " + EXPIRY + " → markets MX, expires on " + EXPIRY);
    }

    private static HttpResponse<String> decideWith(String apiKey, String applicationId) {
        return app.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/decisions"))
                .header("X-Api-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Fixtures.application(ApiKeyLimitsScreenIT.class, "prime-applicant.json", applicationId)))
                .build());
    }
}
