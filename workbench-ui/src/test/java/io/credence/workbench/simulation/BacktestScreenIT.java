package io.credence.workbench.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.workbench.browser.Browser;
import io.credence.workbench.browser.ProductionApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The analyst's backtest in the browser: upload the German credit CSV for a GB draft, watch the progress
 * bar reach 100%, and read a matrix that adds up to the rows decided; then the reviewer finds that
 * backtest next to the diff.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BacktestScreenIT {

    @RegisterExtension
    @Order(1)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(2)
    static final Browser browser = new Browser(app);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path GERMAN_CREDIT = Path.of("../policy-engine/src/main/resources/demo/german-credit-GB.csv");
    private static int draft;

    /** A GB draft that refers the lower end of the champion's approval band, so some decisions change. */
    @BeforeAll
    static void aStricterDraft() {
        JsonNode champion = JSON.readTree(
                app.get("analyst", "/api/v1/markets/GB/versions/1").body());
        String approval = champion.at("/artifacts/approval.drl").asString() + """

                rule "refer scorecard 540 to 599"
                when
                    Score( value >= 540, value < 600 )
                    $d : Decision()
                then
                    $d.refer("AP_BORDERLINE_SCORE");
                end
                """;
        ObjectNode body = JSON.createObjectNode().put("basedOn", 1).put("note", "refer the lower approval band");
        body.putObject("artifacts").put("approval.drl", approval);
        HttpResponse<String> created =
                app.post("analyst", "/api/v1/markets/GB/versions", JSON.writeValueAsString(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        draft = JSON.readTree(created.body()).get("version").asInt();
    }

    @Test
    @Order(1)
    void an_analyst_uploads_the_german_credit_csv_watches_the_progress_and_reads_the_matrix() {
        browser.login("analyst");
        browser.open("backtests?market=GB&version=" + draft);
        browser.click(By.xpath("//vaadin-radio-button[normalize-space(.)='Upload a CSV']"));
        WebElement upload = browser.waitFor(By.id("backtest-upload"));
        browser.shadow(upload)
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(GERMAN_CREDIT.toAbsolutePath().normalize().toString());
        browser.waitForText(By.id("backtest-upload"), "german-credit-GB.csv");
        browser.click(By.cssSelector("#backtest-start:not([disabled])"));

        browser.waitFor(By.id("backtest-progress"));
        browser.waitForText(By.id("backtest-status"), "Completed");
        Object progress = browser.driver().executeScript("return document.getElementById('backtest-progress').value");
        assertThat(((Number) progress).intValue()).isEqualTo(100);

        browser.waitForText(By.id("backtest-headline"), "1,000 rows decided");
        // Header cells first, then the rows APPROVE, DECLINE, REFER and Total, each as: outcome, APPROVE,
        // DECLINE, REFER, Total (the grid also holds empty cells for rows it has not used).
        List<String> cells = browser.gridCells("backtest-matrix").stream()
                .skip(5)
                .filter(c -> !c.isBlank())
                .toList();
        assertThat(cells).hasSize(20);
        assertThat(cells.get(15)).isEqualTo("Total");
        assertThat(cells.get(19)).isEqualTo("1,000");
        long sum = 0;
        for (int row = 0; row < 3; row++) {
            for (int column = 1; column <= 3; column++)
                sum += Long.parseLong(cells.get(row * 5 + column).replace(",", ""));
        }
        assertThat(sum).isEqualTo(1000);
        assertThat(Long.parseLong(cells.get(3).replace(",", "")))
                .as("APPROVE → REFER")
                .isPositive();
        assertThat(browser.text(By.id("backtest-four-fifths"))).contains("Four-fifths ratio");
        assertThat(browser.gridCells("backtest-age-bands")).contains("18-24", "65+");
        browser.driver().executeScript("document.getElementById('backtest-status').scrollIntoView({block: 'start'})");
        browser.screenshot("backtest");
    }

    @Test
    @Order(2)
    void the_reviewer_sees_the_latest_backtest_next_to_the_diff() {
        HttpResponse<String> submitted = app.post(
                "analyst",
                "/api/v1/markets/GB/versions/" + draft + "/submit",
                "{\"failingTestsReason\": \"Referring the lower approval band turns some seed approvals into referrals on purpose.\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

        browser.login("reviewer");
        browser.open("reviews/GB/" + draft);

        String summary = browser.waitForText(By.id("backtest-summary"), "Decisions changed")
                .getText();
        assertThat(summary)
                .contains("Latest backtest", "german-credit-GB.csv", "of 1,000", "Approval rate", "Four-fifths");
        browser.driver().executeScript("document.getElementById('backtest-summary').scrollIntoView({block: 'center'})");
        browser.screenshot("backtest-review");
    }

    @Test
    @Order(3)
    void an_analyst_who_reads_chinese_opens_the_backtest_in_chinese() {
        browser.login("analyst2");
        browser.select("language", "简体中文");
        browser.open("backtests?market=GB&version=" + draft);
        browser.clickRow("backtest-history", "german-credit-GB.csv");
        browser.waitForText(By.id("backtest-headline"), "已决策 1,000 行");
        assertThat(browser.text(By.id("backtest-four-fifths"))).contains("五分之四比率");
        assertThat(browser.gridCells("backtest-matrix")).contains("批准", "合计", "1,000");
        browser.click(By.xpath("//vaadin-radio-button[normalize-space(.)='上传 CSV']"));
        assertThat(browser.text(By.id("backtest-upload"))).contains("上传 CSV");
        browser.driver().executeScript("document.getElementById('backtest-status').scrollIntoView({block: 'start'})");
        browser.screenshot("backtest-zh");
    }
}
