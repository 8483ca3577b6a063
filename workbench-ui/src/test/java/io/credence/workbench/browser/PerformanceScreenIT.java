package io.credence.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The Performance screen as a credit risk manager meets it: decisions and outcomes arrive through the API
 * (as the loan system and the servicing system send them), and the screen shows the same figures as
 * GET /api/v1/markets/IN/performance; then an admin uploads a CSV with one bad row and reads which.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerformanceScreenIT {

    @RegisterExtension
    @Order(2)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser(app);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final List<String> approved = new ArrayList<>();

    @Test
    @Order(1)
    void the_screen_shows_each_versions_bad_rates_gini_calibration_and_vintages_as_the_api_reports_them() {
        StringBuilder outcomes = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            String id = "BT-PERF-" + i;
            int score = 700 + (i * 37) % 150;
            HttpResponse<String> decision = app.decide(Fixtures.application(getClass(), "prime-applicant.json", id)
                    .replace("{{score}}", Integer.toString(score)));
            assertThat(decision.statusCode()).as(decision.body()).isEqualTo(200);
            if (!decision.body().contains("\"outcome\":\"APPROVE\"")) continue;
            approved.add(id);
            // the lower bureau scores go bad, one of them defaulted and the rest 120 days past due
            boolean bad = score < 740;
            if (!outcomes.isEmpty()) outcomes.append(',');
            outcomes.append("""
                    {"applicationId": "%s", "asOf": "%s", "funded": true, "fundedAt": "%s", "fundedAmount": 300000,
                     "daysPastDue": %d, "status": "%s", "principalOutstanding": 290000, "lossAmount": 0}""".formatted(id, TODAY, TODAY, bad ? 120 : 0, bad ? "DELINQUENT" : "CURRENT"));
        }
        assertThat(approved).hasSizeGreaterThan(10);
        HttpResponse<String> sent = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/outcomes"))
                .header("X-Api-Key", ProductionApp.API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"outcomes\": [" + outcomes + "]}"))
                .build());
        assertThat(sent.body()).contains("\"accepted\":" + approved.size(), "\"rejected\":[]");
        JsonNode report = json(app.get("analyst", "/api/v1/markets/IN/performance")
                        .body())
                .get("versions")
                .get(0);

        browser.login("admin");
        browser.open("performance");
        browser.type("performance-market", "IN", true);
        browser.waitForText(
                By.id("performance-versions"), "v" + report.get("version").asInt());

        List<String> cells = browser.gridCells("performance-versions");
        assertThat(cells)
                .contains(
                        number(report.get("decided").asLong()),
                        number(report.get("funded").asLong()),
                        number(report.get("bad").asLong()),
                        ratio(report.get("gini").asDouble()),
                        ratio(report.get("ks").asDouble()));
        assertThat(report.get("gini").asDouble()).as("lower scores went bad").isPositive();
        assertThat(String.join(" ", cells))
                .contains(percent(report.get("badRateToDate").asDouble()));
        List<String> bands = browser.gridCells("performance-calibration");
        for (JsonNode band : report.get("calibration")) {
            assertThat(bands)
                    .contains(
                            ratio(band.get("scoreFrom").asDouble()) + " – "
                                    + ratio(band.get("scoreTo").asDouble()),
                            number(band.get("count").asLong()));
        }
        JsonNode vintage = report.get("vintages").get(0);
        assertThat(vintage.get("fundedMonth").asString())
                .isEqualTo(TODAY.toString().substring(0, 7));
        WebElement chart = browser.waitFor(By.id("performance-vintages"));
        // the chart draws on a canvas from the configuration the server gives it
        assertThat(chart.getDomProperty("config"))
                .contains(vintage.get("fundedMonth").asString());
        browser.screenshot("performance");
    }

    @Test
    @Order(2)
    void an_admin_uploads_outcomes_as_csv_and_reads_which_row_was_refused_and_why() throws IOException {
        assertThat(approved).as("the first test's approved applications").isNotEmpty();
        Path csv = Files.createTempFile("outcomes", ".csv");
        Files.writeString(
                csv,
                String.join(
                                ",",
                                "applicationId",
                                "asOf",
                                "funded",
                                "fundedAt",
                                "fundedAmount",
                                "daysPastDue",
                                "status",
                                "principalOutstanding",
                                "lossAmount")
                        + "\n"
                        + approved.getFirst() + "," + TODAY + ",true," + TODAY + ",300000,0,CURRENT,280000,0\n"
                        + "NEVER-DECIDED-1," + TODAY + ",true," + TODAY + ",300000,0,CURRENT,280000,0\n");
        try {
            browser.login("admin");
            browser.open("performance");
            browser.type("performance-market", "IN", true);
            WebElement upload = browser.waitFor(By.id("outcomes-upload"));
            fileInput(upload).sendKeys(csv.toAbsolutePath().toString());

            browser.waitForText(By.id("outcomes-rejected"), "NEVER-DECIDED-1");
            List<String> rejected = browser.gridCells("outcomes-rejected");
            assertThat(rejected).contains("3", "applicationId");
            assertThat(browser.bodyText()).contains("1 records stored, 1 refused.");
            browser.screenshot("performance-upload");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** vaadin-upload keeps its file input out of sight; Chromium still takes a path typed into it. */
    private static WebElement fileInput(WebElement upload) {
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        if (!light.isEmpty()) return light.getFirst();
        return browser.shadow(upload).findElement(By.cssSelector("input[type=file]"));
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
    }

    /** As the screen shows a Gini, KS or score: at most three decimals. */
    private static String ratio(double value) {
        NumberFormat number = NumberFormat.getNumberInstance(Locale.ENGLISH);
        number.setMaximumFractionDigits(3);
        return number.format(value);
    }

    /** As the workbench's Display shows a rate in English: one decimal, "18.9%". */
    private static String percent(double rate) {
        NumberFormat format = NumberFormat.getPercentInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(rate);
    }
}
