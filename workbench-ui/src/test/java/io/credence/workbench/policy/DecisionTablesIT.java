package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.DecisionTables;
import io.credence.workbench.browser.Browser;
import io.credence.workbench.browser.ProductionApp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * India's pricing grid as an analyst who writes no code changes it: cells checked as typed, rows
 * copied and deleted in the grid, the near-prime APR raised in a spreadsheet and uploaded; the
 * reviewer reads the change as one cell, and a near-prime applicant is priced at the new rate.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecisionTablesIT {

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
    void the_grid_checks_a_cell_as_it_is_typed_and_copies_and_deletes_rows() {
        browser.login("analyst");
        workbench.open("IN", 1);
        workbench.action("new-draft");
        browser.waitForText(By.cssSelector(".version-header"), "v2");
        workbench.tab("Pricing grid");
        assertThat(cellValue("E11")).isEqualTo("0.169");

        browser.type("table-cell-E11", "0.17x", false);
        WebElement typo = new org.openqa.selenium.support.ui.WebDriverWait(
                        browser.driver(), java.time.Duration.ofSeconds(20))
                .withMessage("E11 marked invalid")
                .until(d -> {
                    WebElement field = d.findElement(By.id("table-cell-E11"));
                    return "true".equals(field.getDomProperty("invalid")) ? field : null;
                });
        assertThat(typo.getDomProperty("errorMessage")).contains("row 11, column E (APR)", "is not a number");
        browser.screenshot("decision-table-cell-error");
        browser.type("table-cell-E11", "0.169", false);
        assertThat(browser.waitFor(By.id("table-cell-E11")).getDomProperty("invalid"))
                .isEqualTo("false");

        browser.click(By.xpath("//div[@data-row='12']//vaadin-button[contains(@class,'copy-row')]"));
        assertThat(cellValue("A13")).isEqualTo("standard band: scorecard 500 to 599 (copy)");
        browser.click(By.xpath("//div[@data-row='13']//vaadin-button[contains(@class,'delete-row')]"));
        assertThat(browser.driver().findElements(By.id("table-cell-A13"))).isEmpty();
        workbench.awaitStatus("Compiles");
    }

    @Test
    @Order(2)
    void a_near_prime_apr_raised_in_a_spreadsheet_is_uploaded_and_prices_the_next_decision() throws IOException {
        Path xlsx = Files.createTempFile("pricing-grid", ".xlsx");
        try (XSSFWorkbook book =
                        new XSSFWorkbook(new ByteArrayInputStream(DecisionTables.xlsx(seedGrid(), "pricing-grid")));
                OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = book.getSheetAt(0);
            sheet.getRow(10).getCell(4).setCellValue(0.179);
            book.write(out);
        }

        // The file input sits in the upload's shadow root; Chrome takes a file path even while it is hidden.
        WebElement upload = browser.driver().findElement(By.id("decision-table-upload"));
        upload.getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(xlsx.toAbsolutePath().toString());
        browser.settle();

        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .withMessage("the uploaded APR in E11")
                .until(d -> "0.179".equals(cellValue("E11")));
        workbench.awaitStatus("Compiles");
        browser.screenshot("decision-table-uploaded");
        workbench.action("save-draft");
        workbench.awaitStatus("Saved");

        HttpResponse<String> trial =
                app.post("analyst", "/api/v1/markets/IN/versions/2/try", fixture("near-prime-applicant.json"));
        assertThat(trial.statusCode()).as(trial.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(trial.body()).get("result");
        assertThat(result.get("outcome").asString()).isEqualTo("APPROVE");
        assertThat(result.get("apr").asDouble()).isEqualTo(0.179);
    }

    @Test
    @Order(3)
    void the_reviewer_reads_the_change_as_one_cell() {
        workbench.action("submit-for-review");
        browser.waitFor(By.cssSelector("#submit-note textarea")).sendKeys("Near-prime APR 17.9 %.");
        // The seed cases pin the near-prime APR at 0.169, so they catch the change and ask why.
        browser.waitForText(By.id("submit-failing"), "near-prime");
        browser.waitFor(By.cssSelector("#submit-failing-reason textarea"))
                .sendKeys("The near-prime APR rises to 17.9 % on purpose.");
        browser.clickButton("Submit for review");
        browser.waitForText(By.cssSelector(".version-header"), "IN REVIEW");

        browser.login("reviewer");
        browser.open("reviews/IN/2");

        String changes =
                browser.waitForText(By.id("value-changes"), "pricing-grid.csv").getText();
        assertThat(changes).contains("pricing-grid.csv, row 11 'APR' 0.169 → 0.179");
        browser.screenshot("review-decision-table-cell");
    }

    private static String cellValue(String cell) {
        return browser.waitFor(By.id("table-cell-" + cell)).getDomProperty("value");
    }

    private static String seedGrid() {
        JsonNode stored = JSON.readTree(
                app.get("analyst", "/api/v1/markets/IN/versions/1").body());
        return stored.get("artifacts").get("pricing-grid.csv").asString();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = DecisionTablesIT.class.getResourceAsStream("DecisionTablesIT/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
