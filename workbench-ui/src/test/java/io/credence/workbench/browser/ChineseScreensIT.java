package io.credence.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import tools.jackson.databind.json.JsonMapper;

/** A browser asking for Chinese gets the workbench in Chinese, amounts still in the market's currency. */
class ChineseScreensIT {

    // The browser first: without Chromium the class is over before the product starts.
    @RegisterExtension
    @Order(2)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser(app, "zh-CN");

    private static String decisionId;

    @BeforeAll
    static void aLoanSystemSendsAnApplication() {
        HttpResponse<String> response =
                app.decide(Fixtures.application(ChineseScreensIT.class, "prime-applicant.json", "BT-ZH-1"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        decisionId = JsonMapper.builder()
                .build()
                .readTree(response.body())
                .get("decisionId")
                .asString();
    }

    @BeforeEach
    void signIn() {
        browser.login("admin");
    }

    @Test
    void the_overview_and_the_decisions_read_in_chinese() {
        browser.waitForText(By.className("view-title"), "概览");
        assertThat(browser.text(By.cssSelector(".market-card[data-market='IN']")))
                .contains("印度", "运行中", "批准率");
        browser.screenshot("zh-overview");

        browser.open("decisions");
        browser.waitForText(By.id("decisions-grid"), "BT-ZH-1");
        assertThat(browser.gridCells("decisions-grid")).contains("批准");
        assertThat(browser.bodyText()).contains("申请编号", "共 1 条决策");

        browser.open("decisions/" + decisionId);
        browser.waitForText(By.className("view-title"), "决策 BT-ZH-1");
        assertThat(browser.bodyText()).contains("300,000.00", "期限 36 个月", "触发的规则", "冠军版本", "理由代码");
        browser.screenshot("zh-decision-detail");
    }

    @Test
    void a_date_filter_shows_a_chinese_calendar() {
        browser.open("decisions");
        browser.click(By.cssSelector("#filter-from input"));

        browser.waitForText(By.tagName("body"), "周一");
        Object today = browser.driver().executeScript("return document.getElementById('filter-from').i18n.today");
        assertThat(today).isEqualTo("今天");
        browser.screenshot("zh-date-picker");
    }

    @Test
    void a_form_explains_what_is_wrong_in_chinese_before_the_engine_is_asked() {
        browser.open("admin/users");
        browser.type("user-name", "Not A Name", false);
        browser.click(By.id("save-user"));

        browser.waitForText(By.id("user-name"), "以字母开头");
        assertThat(browser.text(By.id("user-roles"))).contains("请至少选择一个角色");
        browser.screenshot("zh-users-validation");
    }

    @Test
    void the_audit_trail_names_events_and_checks_its_chain_in_chinese() {
        browser.open("admin/api-keys");
        browser.type("api-key-name", "zh-staging", false);
        browser.click(By.id("create-api-key"));
        browser.click(By.id("close-issued-key"));

        browser.open("audit");
        browser.waitForText(By.id("audit-entries"), "创建 API 密钥");
        browser.click(By.id("verify-chain"));
        browser.waitForText(By.id("chain-result"), "完整");
        browser.screenshot("zh-audit");
    }

    @Test
    void an_unknown_decision_is_refused_in_chinese_around_the_engines_own_words() {
        browser.open("decisions/no-such-decision");

        browser.waitForText(By.className("problem-view"), "未找到");
        assertThat(browser.text(By.className("problem-view"))).contains("No decision no-such-decision.", "返回概览");
    }
}
