package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.workbench.browser.Browser;
import io.credence.workbench.browser.ProductionApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A lender's own classifier as GB's risk model, through the workbench: the analyst uploads a
 * third-party logistic regression (trained on other columns than the vocabulary's), is told what
 * it lacks, maps its inputs and names the bad class in market.json, sees every input fit, and the
 * test bench shows the probability, the points and the model's reasons for a declined applicant.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThirdPartyModelIT {

    @RegisterExtension
    @Order(1)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(2)
    static final Browser browser = new Browser(app);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path MODEL = sharedData().resolve("pmml-models/jpmml-transpiler_LogisticRegressionAudit.pmml");

    private final MarketWorkbenchPage workbench = new MarketWorkbenchPage(browser);

    @Test
    @Order(1)
    void an_uploaded_classifier_is_shown_with_what_it_still_needs() {
        browser.login("analyst");
        workbench.open("GB", 1);
        workbench.action("new-draft");
        browser.waitForText(By.cssSelector(".version-header"), "v2");
        workbench.tab("Scorecard");

        workbench.uploadScorecard(MODEL);

        // GB's own model is a logistic regression too: its classes are "bad" and "good", the upload's "0" and "1".
        browser.waitForText(By.cssSelector(".scorecard-summary"), "Classes: 0, 1");
        assertThat(browser.text(By.cssSelector(".scorecard-summary"))).contains("RegressionModel", "classification");
        browser.waitForText(By.cssSelector(".scorecard-pane .inline-problem"), "Employment");
        assertThat(browser.text(By.cssSelector(".scorecard-pane .inline-problem")))
                .contains(
                        "has no class \"bad\"", "is neither mapped in market.json model.inputs nor in the vocabulary");
        assertThat(browser.text(By.cssSelector(".model-inputs"))).contains("Employment", "not in the vocabulary");
    }

    @Test
    @Order(2)
    void mapping_the_inputs_and_naming_the_bad_class_in_market_json_makes_it_serve() throws IOException {
        workbench.tab("Settings");
        browser.click(By.xpath("//vaadin-details[.//*[normalize-space(.)='market.json source']]"));
        JsonNode champion = JSON.readTree(JSON.readTree(
                        app.get("analyst", "/api/v1/markets/GB/versions/1").body())
                .at("/artifacts/market.json")
                .asString());
        // The Audit model's Income range starts above 0, so it cannot score GB's seed case of an unemployed
        // applicant without income, and validation (which runs the model on every case) says so. An analyst
        // adopting this model drops or rewrites that case; so does this test.
        for (JsonNode testCase : JSON.readTree(
                app.get("analyst", "/api/v1/markets/GB/versions/2/test-cases").body())) {
            if (testCase.path("name").asString().startsWith("unemployed applicant without income")) {
                assertThat(app.delete(
                                        "analyst",
                                        "/api/v1/markets/GB/versions/2/test-cases/"
                                                + testCase.path("id").asString())
                                .statusCode())
                        .isLessThan(300);
            }
        }
        ObjectNode settings = (ObjectNode) champion;
        settings.set("model", JSON.readTree(fixture("model.json")));

        workbench.pasteInto("market.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(settings));

        workbench.awaitStatus("Compiles");
        workbench.tab("Scorecard");
        String inputs = browser.waitForText(By.cssSelector(".model-inputs"), "applicant.employmentStatus")
                .getText();
        assertThat(inputs)
                .contains("applicant.monthlyIncome × 12", "= Female", "= 40")
                .doesNotContain("not in the vocabulary");
        assertThat(browser.driver().findElements(By.cssSelector(".model-inputs tr.misfit")))
                .isEmpty();
        browser.screenshot("third-party-model-inputs");
    }

    @Test
    @Order(3)
    void the_test_bench_shows_probability_points_and_the_models_reasons() {
        // The test bench runs the saved draft, as it says above its Run button.
        workbench.action("save-draft");
        workbench.awaitStatus("Saved");
        JsonNode stored = JSON.readTree(
                app.get("analyst", "/api/v1/markets/GB/versions/2").body());
        assertThat(stored.at("/artifacts/scorecard.pmml").asString()).contains("LogisticRegression");
        assertThat(JSON.readTree(stored.at("/artifacts/market.json").asString())
                        .at("/model/positiveClass")
                        .asString())
                .isEqualTo("1");

        workbench.tab("Test bench");
        // A GBP monthly income the Audit model's yearly Income range (up to 481,259.5) accepts once multiplied by 12.
        var income = browser.waitFor(By.xpath("//*[label[starts-with(normalize-space(.), 'Monthly income')]]//input"));
        income.sendKeys(
                org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        income.sendKeys("3500", org.openqa.selenium.Keys.TAB);
        browser.type("bench-bureau-score", "520", false);
        // The form is taller than the tab beside the vocabulary panel: bring the button into view as a person scrolls
        // to it.
        browser.driver().executeScript("document.getElementById('run-trial').scrollIntoView({block: 'center'})");
        browser.click(By.id("run-trial"));

        browser.waitFor(By.cssSelector("#trial-result .outcome-decline"));
        String result = browser.text(By.id("trial-result"));
        assertThat(result).contains("Probability of bad", "Score", "AP_LOW_BUREAU_SCORE");
        // The Audit model's codes, not GB's own model's (which would name the Experian score).
        assertThat(result)
                .containsAnyOf("SC_APPLICANT_AGE", "SC_DEBT_TO_INCOME", "SC_EMPLOYMENT_TYPE")
                .doesNotContain("SC_BUREAU_SCORE");
        browser.screenshot("third-party-model-test-bench");
    }

    /** The third-party test data: -Dcredence.shared-data, else the nearest shared/data up the tree (as policy-engine's SharedData). */
    private static Path sharedData() {
        String configured = System.getProperty("credence.shared-data");
        if (configured != null) return Path.of(configured).toAbsolutePath();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {
                dir.resolve("shared/data"), dir.resolveSibling("shared").resolve("data")
            }) {
                if (java.nio.file.Files.isDirectory(candidate.resolve("pmml-models"))) return candidate;
            }
        }
        throw new IllegalStateException("no shared/data with pmml-models above "
                + Path.of("").toAbsolutePath() + "; set -Dcredence.shared-data");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ThirdPartyModelIT.class.getResourceAsStream("ThirdPartyModelIT/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
