package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.workbench.browser.Browser;
import io.credence.workbench.browser.ProductionApp;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Test cases as a spreadsheet file, as an analyst uses them on GB: the seed version arrives with its
 * scenario table as passing cases and coverage says which rules none fires; a draft's cases download as
 * CSV; an upload with mistakes is refused line by line and saves nothing; a corrected one is added, and
 * the cases catch a slip of the finger in the minimum age.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseFilesIT {

    @RegisterExtension
    @Order(1)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(2)
    static final Browser browser = new Browser(app);

    private final MarketWorkbenchPage workbench = new MarketWorkbenchPage(browser);

    @Test
    @Order(1)
    void the_seed_version_arrives_with_its_scenario_table_as_passing_test_cases() {
        browser.login("analyst");
        workbench.open("GB", 1);
        workbench.tab("Test cases");

        String summary = browser.waitForText(By.cssSelector(".test-summary"), "test cases pass")
                .getText();
        assertThat(summary).matches("(\\d+) of \\1 test cases pass.*");
        assertThat(browser.text(By.id("test-coverage"))).contains("fraud: customer on fraud list");
        assertThat(browser.driver().findElements(By.id("test-cases-upload")))
                .as("no upload into v1")
                .noneMatch(WebElement::isDisplayed);
        browser.screenshot("seed-test-cases");
    }

    @Test
    @Order(2)
    void a_draft_downloads_its_cases_as_a_csv_file() {
        workbench.action("new-draft");
        browser.waitForText(By.cssSelector(".version-header"), "v2");
        workbench.tab("Test cases");
        browser.waitForText(By.cssSelector(".test-summary"), "test cases pass");

        String href = browser.waitFor(By.id("test-cases-download")).getAttribute("href");
        Object csv = browser.driver()
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('failed: ' + e));",
                        href);

        assertThat(csv.toString()).startsWith("name,applicationId,market,").contains("applicant aged 17 is declined");
    }

    @Test
    @Order(3)
    void a_file_with_mistakes_is_refused_line_by_line_and_nothing_is_saved() throws URISyntaxException {
        String before = browser.text(By.cssSelector(".test-summary"));

        upload(fixture("mistakes.csv"));

        String report = browser.waitForText(By.id("test-cases-import-report"), "nothing of it was saved")
                .getText();
        assertThat(report)
                .contains("mistakes.csv", "line 3: applicant.age", "line 4: expectedOutcome")
                .doesNotContain("line 2");
        assertThat(browser.text(By.cssSelector(".test-summary"))).isEqualTo(before);
        browser.screenshot("test-cases-import-refused");
    }

    @Test
    @Order(4)
    void a_corrected_file_is_added_and_the_cases_catch_a_slip_in_the_minimum_age() throws URISyntaxException {
        int seedCases = count(browser.text(By.cssSelector(".test-summary")));

        upload(fixture("new-cases.csv"));

        browser.waitForText(
                By.cssSelector(".test-summary"), (seedCases + 2) + " of " + (seedCases + 2) + " test cases pass");
        assertThat(browser.driver()
                        .findElement(By.id("test-cases-import-report"))
                        .isDisplayed())
                .isFalse();

        workbench.tab("Settings");
        browser.type("param-minimumAge", "36", false);
        workbench.awaitStatus("test cases fail");
        browser.screenshot("test-cases-catch-a-change");
        browser.type("param-minimumAge", "18", false);
        workbench.awaitStatus("all " + (seedCases + 2) + " test cases pass");
    }

    private void upload(Path csv) {
        WebElement upload = browser.waitFor(By.id("test-cases-upload"));
        upload.getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(csv.toAbsolutePath().toString());
        browser.settle();
    }

    private static int count(String summary) {
        return Integer.parseInt(summary.replaceAll("^\\d+ of (\\d+) test cases pass.*", "$1"));
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CaseFilesIT.class.getResource("CaseFilesIT/" + name).toURI());
    }
}
