package io.credence.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminScreensIT {

    // The browser first: without Chromium the class is over before the product starts.
    @RegisterExtension
    @Order(2)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser(app);

    @BeforeEach
    void signIn() {
        browser.login("admin");
    }

    @Test
    @Order(1)
    void an_admin_deploys_an_approved_version_and_rolls_it_back() {
        approvedVersionTwoOf("GB");
        browser.open("admin/deployments");
        assertThat(browser.gridCells("champions")).contains("BR", "GB", "ID", "IN", "MX", "PH", "v1", "1 ready");
        browser.clickRow("champions", "GB");
        browser.waitForText(By.id("approved-versions"), "v2");
        browser.screenshot("deployments");

        browser.click(By.id("deploy-GB-v2"));
        browser.confirm();

        browser.waitForText(By.tagName("vaadin-notification-card"), "GB v2 is the champion, replacing v1");
        browser.waitForText(By.id("market-title"), "GB · United Kingdom: v2 serving");
        assertThat(browser.gridCells("deployment-history")).contains("DEPLOY", "v2", "admin");
        assertThat(app.get("admin", "/api/v1/markets").body())
                .contains("\"market\":\"GB\",\"currency\":\"GBP\",\"champion\":{\"version\":2");

        browser.click(By.id("rollback"));
        browser.confirm();

        browser.waitForText(By.id("deployment-history"), "ROLLBACK");
        browser.waitForText(By.id("market-title"), "GB · United Kingdom: v1 serving");
        assertThat(browser.waitFor(By.id("rollback")).getAttribute("disabled")).isNotNull();
        assertThat(app.get("admin", "/api/v1/markets").body())
                .contains("\"market\":\"GB\",\"currency\":\"GBP\",\"champion\":{\"version\":1");
    }

    @Test
    @Order(2)
    void an_admin_lists_a_customer_whose_next_application_is_declined_and_removes_the_entry() {
        browser.open("admin/fraud-lists");
        browser.select("fraud-market", "IN");
        browser.type("fraud-entry", "C-FRAUD-0001", false);
        browser.type("fraud-reason", "Synthetic identity confirmed by investigations", false);
        browser.click(By.id("add-fraud-entry"));

        browser.waitForText(By.id("fraud-entries"), "C-FRAUD-0001");
        browser.screenshot("fraud-lists");
        HttpResponse<String> decision =
                app.decide(Fixtures.application(getClass(), "listed-customer.json", "BT-LISTED-1"));
        assertThat(decision.body()).contains("\"outcome\":\"DECLINE\"", "FR_CUSTOMER_LISTED");

        browser.clickButton("Remove");
        browser.confirm();
        browser.waitForText(By.tagName("vaadin-notification-card"), "C-FRAUD-0001 removed");
        assertThat(browser.gridCells("fraud-entries")).doesNotContain("C-FRAUD-0001");
    }

    @Test
    @Order(3)
    void an_admin_creates_an_api_key_shown_once_that_decides_until_revoked() {
        browser.open("admin/api-keys");
        browser.type("api-key-name", "partner-lender-staging", false);
        browser.click(By.id("create-api-key"));

        String key = browser.text(By.id("issued-key"));
        assertThat(key).startsWith("cr_");
        browser.screenshot("api-key-created");
        browser.click(By.id("close-issued-key"));
        browser.waitForText(By.id("api-keys"), "partner-lender-staging");
        browser.screenshot("api-keys");
        assertThat(decideWith(key).statusCode()).isEqualTo(200);

        browser.click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='partner-lender-staging']"
                + "/following::vaadin-button[normalize-space(.)='Revoke'][1]"));
        browser.confirm();

        browser.waitForText(By.tagName("vaadin-notification-card"), "is revoked");
        assertThat(decideWith(key).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void an_admin_proposes_a_user_a_second_admin_approves_and_the_user_can_then_sign_in() {
        browser.open("admin/users");
        browser.type("user-name", "analyst3", false);
        browser.type("user-password", "a-long-enough-password", false);
        browser.click(By.xpath("//*[@id='user-roles']//vaadin-checkbox[normalize-space(.)='Analyst']"));
        browser.click(By.id("save-user"));

        // Granting a role takes two admins: the proposal waits for the other one.
        browser.waitForText(By.id("pending-user-changes"), "analyst3");
        browser.screenshot("users-pending");
        browser.login("admin2");
        browser.open("admin/users");
        browser.waitForText(By.id("pending-user-changes"), "analyst3");
        browser.clickButton("Approve");
        browser.waitForText(By.id("users"), "analyst3");
        browser.screenshot("users");

        browser.clickRow("users", "analyst3");
        browser.click(By.xpath("//*[@id='user-roles']//vaadin-checkbox[normalize-space(.)='Reviewer']"));
        browser.click(By.id("save-user"));
        browser.waitForText(By.id("pending-user-changes"), "analyst3");
        browser.login("admin");
        browser.open("admin/users");
        browser.waitForText(By.id("pending-user-changes"), "analyst3");
        browser.clickButton("Approve");
        browser.waitForText(By.id("users"), "Analyst, Reviewer");

        browser.login("analyst3", "a-long-enough-password");
        browser.waitForText(By.id("current-roles"), "Analyst, Reviewer");
    }

    @Test
    @Order(5)
    void the_audit_trail_shows_these_changes_and_its_chain_is_intact() {
        browser.open("audit");
        browser.waitForText(By.id("audit-entries"), "ROLLBACK");
        assertThat(browser.gridCells("audit-entries"))
                .contains(
                        "DEPLOY",
                        "FRAUD_LIST_ADDED",
                        "FRAUD_LIST_REMOVED",
                        "API_KEY_CREATED",
                        "API_KEY_REVOKED",
                        "USER_CHANGE_APPROVED");

        browser.click(By.id("verify-chain"));

        browser.waitForText(By.id("chain-result"), "Intact");
        browser.screenshot("audit");
        browser.type("audit-action", "ROLLBACK", true);
        browser.click(By.id("search-audit"));
        assertThat(browser.gridCells("audit-entries"))
                .contains("ROLLBACK")
                .doesNotContain("DEPLOY", "USER_CHANGE_APPROVED");
    }

    private static void approvedVersionTwoOf(String market) {
        String base = "/api/v1/markets/" + market + "/versions";
        assertThat(app.post(
                                "analyst",
                                base,
                                "{\"basedOn\": 1, \"note\": \"Same policy, re-issued for the browser test\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(app.post("analyst", base + "/2/submit", null).statusCode()).isEqualTo(200);
        assertThat(app.post("reviewer", base + "/2/approve", "{\"comment\": \"Looks right\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    private static HttpResponse<String> decideWith(String key) {
        return app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + "/api/v1/decisions"))
                .header("X-Api-Key", key)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        Fixtures.application(AdminScreensIT.class, "listed-customer.json", "BT-KEY-" + key.hashCode())))
                .build());
    }
}
