package io.credence.workbench.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.workbench.browser.Browser;
import io.credence.workbench.browser.ProductionApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
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
 * A reviewer starts a 50% split in India with a stricter challenger, loan systems send applications
 * through the API, the comparison and charts show them, and an admin promotes the challenger; then
 * a second challenger runs in the shadow of the new champion and the reviewer stops it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentScreensIT {

    @RegisterExtension
    @Order(1)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(2)
    static final Browser browser = new Browser(app);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int APPLICATIONS = 40;
    private static String experimentId;

    @BeforeAll
    static void anAnalystHasTwoStricterChallengersApproved() {
        approvedChallenger(2, "income floor 100k", "income-floor.drl");
        approvedChallenger(3, "amounts up to 250k", "amount-cap.drl");
    }

    @Test
    @Order(1)
    void a_reviewer_starts_a_split_and_watches_the_arms_compared() {
        browser.login("reviewer");
        ExperimentPage page = new ExperimentPage(browser).openList();
        page.startSplit("IN", "v2 · approved · income floor 100k", 50);
        experimentId = page.id();
        assertThat(page.facts()).contains("running", "Split, 50% to the challenger", "v2");

        for (int i = 0; i < APPLICATIONS; i++) {
            decide("EXP-" + i, i % 2 == 0 ? "85000" : "150000", "300000");
        }

        page.awaitDecisions(APPLICATIONS);
        page.awaitChart("outcome-rates-chart");
        page.awaitChart("difference-chart");
        assertThat(page.measure("Approval rate")).allMatch(rate -> rate.endsWith("%"));
        assertThat(page.measure("Top reasons").get(1)).contains("AP_INCOME_BELOW_MINIMUM");
        assertThat(browser.text(By.id("approval-difference")))
                .contains("approval rate minus the champion", "confidence interval");
        browser.screenshot("experiment");
    }

    @Test
    @Order(2)
    void an_analyst_sees_the_experiment_but_cannot_end_it() {
        browser.login("analyst");
        ExperimentPage page = new ExperimentPage(browser).openList();
        assertThat(browser.driver().findElements(By.id("start-experiment"))).isEmpty();
        browser.click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='v2 vs v1']"));
        browser.waitFor(By.id("arm-comparison"));
        assertThat(page.hasActions()).isFalse();
        assertThat(page.decisions()).isEqualTo(APPLICATIONS);
    }

    @Test
    @Order(3)
    void an_admin_promotes_the_challenger_which_becomes_the_champion() {
        // Promoting is a deployment, so an admin's (the contract's lifecycle changes).
        browser.login("admin");
        browser.open("experiments/IN/" + experimentId);
        ExperimentPage page = new ExperimentPage(browser);
        page.promote();

        assertThat(page.facts()).contains("promoted", "v2 promoted to champion by admin");
        JsonNode markets = JSON.readTree(app.get("analyst", "/api/v1/markets").body());
        for (JsonNode market : markets) {
            if (market.get("market").asString().equals("IN")) {
                assertThat(market.at("/champion/version").asInt()).isEqualTo(2);
                assertThat(market.get("experiment").isNull()).isTrue();
            }
        }
    }

    @Test
    @Order(4)
    void a_shadow_experiment_shows_where_the_two_versions_disagree_and_the_reviewer_stops_it() {
        browser.login("reviewer");
        ExperimentPage page = new ExperimentPage(browser).openList();
        page.fillShadow("IN", "v3 · approved · amounts up to 250k");
        assertThat(browser.gridCells("experiments")).contains("v2 vs v1", "promoted");
        browser.screenshot("experiments");
        page.start("IN");
        for (int i = 0; i < 20; i++) decide("SHADOW-" + i, "150000", i % 2 == 0 ? "200000" : "300000");

        page.awaitDecisions(2 * 20);
        browser.waitForText(By.id("shadow-differing"), "10 of 20 applications decided differently");
        assertThat(browser.gridCells("shadow-sample")).contains("APPROVE", "DECLINE", "AP_AMOUNT_OUT_OF_RANGE");
        page.awaitChart("outcome-rates-chart");
        page.scrollTo("shadow-differing");
        browser.screenshot("experiment-shadow");

        page.stop();
        assertThat(page.facts()).contains("stopped", "stopped by reviewer");
    }

    @Test
    @Order(5)
    void an_analyst_who_reads_chinese_sees_the_promoted_experiment_in_chinese() {
        browser.login("analyst2");
        browser.select("language", "简体中文");
        browser.open("experiments/IN/" + experimentId);
        ExperimentPage page = new ExperimentPage(browser);
        page.awaitChart("outcome-rates-chart");
        page.awaitChart("difference-chart");
        assertThat(page.facts()).contains("已晋升", "v2 由 admin 晋升为冠军版本", "分流，50% 流量分给挑战者版本");
        assertThat(page.measure("批准率")).allMatch(rate -> rate.endsWith("%"));
        assertThat(browser.text(By.id("approval-difference"))).contains("挑战者版本批准率减去冠军版本批准率", "95% 置信区间");
        browser.screenshot("experiment-zh");
    }

    /** Version {@code number} of India: the champion's approval rules and one rule from a fixture, submitted and approved. */
    private static void approvedChallenger(int number, String note, String rule) {
        JsonNode champion = JSON.readTree(
                app.get("analyst", "/api/v1/markets/IN/versions/1").body());
        ObjectNode body = JSON.createObjectNode().put("basedOn", 1).put("note", note);
        body.putObject("artifacts")
                .put("approval.drl", champion.at("/artifacts/approval.drl").asString() + fixture(rule));
        HttpResponse<String> created =
                app.post("analyst", "/api/v1/markets/IN/versions", JSON.writeValueAsString(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("version").asInt()).isEqualTo(number);
        assertThat(app.post(
                                "analyst",
                                "/api/v1/markets/IN/versions/" + number + "/submit",
                                "{\"failingTestsReason\": \"The challenger changes seed outcomes on purpose: that is the experiment.\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(app.post("reviewer", "/api/v1/markets/IN/versions/" + number + "/approve", "{}")
                        .statusCode())
                .isEqualTo(200);
    }

    private static void decide(String applicationId, String monthlyIncome, String amount) {
        String application = fixture("applicant.json")
                .replace("{{applicationId}}", applicationId)
                .replace("{{customerId}}", "C-" + applicationId)
                .replace("{{monthlyIncome}}", monthlyIncome)
                .replace("{{amount}}", amount);
        HttpResponse<String> answer = app.decide(application);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static String fixture(String name) {
        try (InputStream in = ExperimentScreensIT.class.getResourceAsStream("ExperimentScreensIT/" + name)) {
            if (in == null) throw new IllegalArgumentException("No fixture ExperimentScreensIT/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
