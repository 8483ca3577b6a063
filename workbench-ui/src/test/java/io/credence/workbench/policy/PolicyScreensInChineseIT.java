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

/**
 * A browser asking for Chinese gets the market workbench and the review in Chinese: tabs, statuses,
 * the read-only reason, the reason-messages grid and the test bench, amounts still in rupees. Leaves
 * its screenshots in docs/screenshots/zh.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyScreensInChineseIT {

    // The browser first: without Chromium the class is over before the product starts.
    @RegisterExtension
    @Order(2)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser(app, "zh-CN");

    private final MarketWorkbenchPage workbench = new MarketWorkbenchPage(browser);

    @Test
    @Order(1)
    void the_deployed_version_reads_in_chinese_and_says_why_it_is_read_only() {
        browser.login("analyst");
        workbench.open("IN", 1);

        browser.waitForText(By.className("view-title"), "IN v1");
        assertThat(browser.text(By.cssSelector(".version-header"))).contains("已部署", "冠军", "作者 system");
        assertThat(browser.text(By.cssSelector(".read-only-reason"))).isEqualTo("只读：v1 已部署。如需修改，请基于此版本新建草稿。");
        assertThat(browser.text(By.id("new-draft"))).isEqualTo("基于 v1 新建草稿");
        assertThat(browser.text(By.cssSelector(".artifact-tabs")))
                .contains("反欺诈", "审批", "定价", "评分卡", "理由说明", "市场设置", "测试台", "测试用例");
        workbench.tab("审批");
        workbench.line("approval.drl", "Applicant( age < $minimumAge )");
        browser.screenshot("zh/editor");
    }

    @Test
    @Order(2)
    void the_reason_messages_show_a_column_per_language_named_in_chinese() {
        workbench.tab("理由说明");

        browser.waitForText(By.id("reasons-grid"), "AP_AMOUNT_OUT_OF_RANGE");
        assertThat(browser.text(By.id("reasons-grid"))).contains("理由代码", "en-IN · 英语 (印度)", "hi-IN · 印地语 (印度)");
        assertThat(browser.text(By.id("reasons-summary"))).contains("种语言", "缺少 0 条说明");
        browser.screenshot("zh/reason-messages");
    }

    @Test
    @Order(3)
    void the_test_bench_decides_in_chinese_with_the_amount_in_rupees() {
        workbench.tab("测试台");
        browser.click(By.id("run-trial"));

        browser.waitFor(By.cssSelector("#trial-result .outcome-approve"));
        assertThat(browser.text(By.id("trial-result"))).contains("批准", "批准金额：₹", "年化利率：", "触发的规则");
        browser.screenshot("zh/test-bench");
    }

    @Test
    @Order(4)
    void the_review_explains_in_chinese_why_a_deployed_version_cannot_be_decided() {
        browser.open("reviews/IN/1");

        browser.waitForText(By.className("view-title"), "审核 IN v1");
        assertThat(browser.text(By.id("decision-blocked"))).isEqualTo("v1 已部署；只有审核中的版本才能批准或驳回。");
        assertThat(browser.bodyText()).contains("审核意见", "批准", "驳回", "测试用例");
        browser.screenshot("zh/review");
    }

    @Test
    @Order(5)
    void in_a_draft_the_editor_and_a_new_reason_language_speak_chinese() {
        workbench.open("IN", 1);
        workbench.action("new-draft");
        browser.waitForText(By.cssSelector(".version-header"), "草稿");
        workbench.tab("审批");
        assertThat(workbench.openSearch("approval.drl", "Applicant( age < $minimumAge )"))
                .as("CodeMirror's own texts")
                .isEqualTo("查找");
        workbench.tab("理由说明");

        browser.type("reasons-new-language", "简体中文", false);
        browser.click(By.id("reasons-add-language"));
        browser.waitForText(By.id("reasons-new-language"), "不是有效的语言标签");

        browser.type("reasons-new-language", "zh-CN", false);
        browser.click(By.id("reasons-add-language"));

        browser.waitForText(By.id("reasons-grid"), "zh-CN · 中文 (中国)");
        workbench.awaitStatus("个错误");
        assertThat(workbench.errorList())
                .contains("reasons.json，第 ", "has no zh-CN message for AP_AMOUNT_OUT_OF_RANGE");
        assertThat(browser.text(By.id("reasons-summary"))).contains("缺少 34 条说明");
        browser.screenshot("zh/reason-messages-missing");
    }
}
