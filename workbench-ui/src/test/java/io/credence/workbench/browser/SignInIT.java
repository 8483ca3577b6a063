package io.credence.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class SignInIT {

    // The browser first: without Chromium the class is over before the product starts.
    @RegisterExtension
    @Order(2)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser(app);

    @ParameterizedTest
    @CsvSource({"analyst, Analyst", "analyst2, Analyst", "reviewer, Reviewer", "reviewer2, Reviewer", "admin, Admin"})
    void every_role_signs_in_and_lands_on_the_overview(String user, String role) {
        browser.login(user);

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(app.baseUrl() + "/");
        browser.waitForText(By.className("view-title"), "Overview");
        assertThat(browser.text(By.id("current-user"))).isEqualTo(user);
        assertThat(browser.text(By.id("current-roles"))).isEqualTo(role);
        assertThat(browser.driver().findElements(By.cssSelector(".market-card")))
                .hasSize(6);
    }

    @Test
    void the_overview_shows_each_market_champion_and_says_when_nothing_was_decided_today() {
        browser.login("reviewer");

        WebElement india = browser.waitFor(By.cssSelector(".market-card[data-market='IN']"));
        assertThat(india.getText()).contains("INR", "v1 serving", "Experiment", "—");
        assertThat(india.findElement(By.cssSelector("[data-kpi='decisions'] .kpi-value"))
                        .getText())
                .isEqualTo("0");
        assertThat(browser.text(By.id("overview-empty"))).contains("No decisions yet today");
    }

    @Test
    void the_navigation_shows_each_role_what_it_works_with() {
        browser.login("analyst");
        assertThat(navigation())
                .contains("Overview", "Decisions", "Audit trail", "IN · India", "GB · United Kingdom")
                .doesNotContain("Reviews", "Deployments", "Users");

        browser.login("reviewer");
        assertThat(navigation()).contains("Reviews").doesNotContain("Deployments");

        browser.login("admin");
        assertThat(navigation())
                .contains("Deployments", "Fraud lists", "API keys", "Users")
                .doesNotContain("Reviews");
    }

    @Test
    void a_wrong_password_keeps_you_on_the_sign_in_page_with_a_message() {
        browser.driver().manage().deleteAllCookies();
        browser.open("login");
        browser.waitFor(By.cssSelector("vaadin-login-form"));
        browser.screenshot("login");

        browser.login("analyst", "not-the-password");

        assertThat(browser.driver().getCurrentUrl()).endsWith("/login?error");
        browser.waitForText(By.cssSelector("vaadin-login-form"), "Wrong user name or password");
    }

    @Test
    void the_workbench_session_also_authenticates_api_calls() {
        browser.login("analyst");

        assertThat(browser.fetchStatus("/api/v1/markets")).isEqualTo(200);
        assertThat(browser.fetchStatus("/api/v1/users")).isEqualTo(403);
    }

    @Test
    void an_analyst_cannot_open_an_admin_page() {
        browser.login("analyst");
        browser.open("admin/users");

        browser.waitForText(By.className("problem-view"), "Page not found");
        assertThat(browser.bodyText()).doesNotContain("Exception", "at com.vaadin");
    }

    @Test
    void logging_out_returns_to_the_sign_in_page_and_closes_the_session() {
        browser.login("admin");
        browser.click(By.id("logout"));

        browser.waitFor(By.cssSelector("vaadin-login-form"));
        assertThat(browser.driver().getCurrentUrl()).contains("/login");
        browser.open("decisions");
        browser.waitFor(By.cssSelector("vaadin-login-form"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
    }

    private List<String> navigation() {
        browser.waitFor(By.cssSelector("vaadin-side-nav-item"));
        return browser.driver().findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .map(item -> item.getText().trim())
                .toList();
    }
}
