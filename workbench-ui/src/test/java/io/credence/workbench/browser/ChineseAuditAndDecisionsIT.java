package io.credence.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Defect 8 of the first week: in Chinese, audit subjects and details, the authoring guide, dates in the versions
 * grid and the newer decision screens read in Chinese, the dates as every other screen writes them.
 */
class ChineseAuditAndDecisionsIT {

    // The browser first: without Chromium the class is over before the product starts.
    @RegisterExtension
    @Order(2)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser(app, "zh-CN");

    @BeforeAll
    static void aLoanSystemSendsAnApplication() {
        HttpResponse<String> response = app.decide(
                Fixtures.application(ChineseAuditAndDecisionsIT.class, "low-score-applicant.json", "BT-ZH-LOW"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @BeforeEach
    void signIn() {
        browser.login("admin");
    }

    @Test
    void the_audit_trail_gives_subjects_and_details_in_chinese() {
        browser.open("audit");

        browser.waitForText(By.id("audit-entries"), "演示用户，角色：");
        assertThat(String.join("\n", browser.gridCells("audit-entries"))).doesNotContain("demo user", "roles [");
        browser.screenshot("zh-audit-details");
    }

    @Test
    void the_versions_grid_writes_dates_as_the_other_screens_do() {
        browser.open("audit");
        browser.waitForText(By.id("audit-entries"), "演示用户");
        String auditDate = browser.gridCells("audit-entries").stream()
                .filter(c -> c.contains("年"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Chinese date in the audit trail"));

        browser.open("markets/IN");
        browser.waitForText(By.id("versions"), "v1");
        List<String> cells = browser.gridCells("versions");

        String created = cells.stream()
                .filter(c -> c.matches(".*\\d{4}.*\\d{1,2}:\\d{2}.*"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no date in the versions grid: " + cells));
        assertThat(created)
                .as("same shape as the audit trail's %s", auditDate)
                .matches("\\d{4}年\\d{1,2}月\\d{1,2}日 .*")
                .doesNotContain("AM", "PM", "/");
    }

    @Test
    void the_decision_search_overview_period_and_contributions_read_in_chinese() {
        browser.select("overview-period", "最近 7 天");
        browser.waitForText(By.id("overview-as-of"), "的决策");

        browser.open("decisions");
        browser.waitForText(By.id("decisions-grid"), "BT-ZH-LOW");
        assertThat(browser.bodyText()).contains("客户编号", "理由代码", "分组", "导出 CSV");
        browser.clickRow("decisions-grid", "BT-ZH-LOW");

        browser.waitForText(By.className("view-title"), "决策 BT-ZH-LOW");
        assertThat(browser.bodyText()).contains("评分构成", "特征", "分数");
        assertThat(browser.gridCells("contributions-grid")).contains("bureauScore");
        browser.screenshot("zh-decision-contributions");
    }

    @Test
    void the_authoring_guide_beside_the_editor_is_in_chinese() {
        browser.open("markets/IN/versions/1");

        browser.waitForText(By.className("vocabulary-panel"), "为 Credence 编写授信策略");
        assertThat(browser.text(By.className("vocabulary-panel")))
                .contains("规则能看到什么", "英文名称")
                .doesNotContain("Writing credit policy for Credence");
    }
}
