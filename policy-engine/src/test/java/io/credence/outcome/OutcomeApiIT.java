package io.credence.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The contract's Loan outcomes section over HTTP, as a lender's servicing system and a risk manager use it. */
class OutcomeApiIT extends FullStackTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void stores_the_good_records_of_a_batch_and_names_every_bad_one_by_index_and_field() {
        String approved = approvedApplication();
        String declined = decided("declined-IN.json", "DECLINE");
        ArrayNode records = array();
        records.add(outcome(approved, TODAY, 0, "CURRENT")); // 0 stored
        records.add(outcome("NEVER-DECIDED-" + approved, TODAY, 0, "CURRENT")); // 1 unknown
        records.add(outcome(approved, TODAY.plusDays(2), 0, "CURRENT")); // 2 future
        records.add(outcome(approved, TODAY, 0, "CURRENT")
                .put("fundedAt", TODAY.minusDays(40).toString())); // 3
        records.add(outcome(approved, TODAY, 0, "LATE")); // 4 bad status
        records.add(outcome(declined, TODAY, 0, "CURRENT")); // 5 declined
        ObjectNode twoProblems = outcome(approved, TODAY, -3, "CURRENT");
        twoProblems.remove("asOf");
        records.add(twoProblems); // 6 two problems
        records.add(Json.object()
                .put("applicationId", declined)
                .put("asOf", TODAY.toString())
                .put("funded", false)); // 7

        ApiResponse response = post("/api/v1/outcomes", LOAN_SYSTEM, batch(records));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("accepted").asInt()).isEqualTo(2);
        List<String> rejected = new ArrayList<>();
        body.path("rejected")
                .forEach(r -> rejected.add(
                        r.path("index").asInt() + " " + r.path("field").asString()));
        assertThat(rejected)
                .containsExactly(
                        "1 outcomes[1].applicationId",
                        "2 outcomes[2].asOf",
                        "3 outcomes[3].fundedAt",
                        "4 outcomes[4].status",
                        "5 outcomes[5].funded",
                        "6 outcomes[6].asOf",
                        "6 outcomes[6].daysPastDue");
        body.path("rejected")
                .forEach(r -> assertThat(r.path("message").asString()).isNotBlank());
    }

    @Test
    void the_same_application_and_date_sent_again_replaces_the_observation() {
        String application = approvedApplication();
        JsonNode before = report();

        post("/api/v1/outcomes", LOAN_SYSTEM, batch(array().add(outcome(application, TODAY, 95, "DELINQUENT"))));
        JsonNode bad = report();
        ApiResponse replaced =
                post("/api/v1/outcomes", LOAN_SYSTEM, batch(array().add(outcome(application, TODAY, 0, "CURRENT"))));
        JsonNode after = report();

        assertThat(replaced.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(total(bad, "bad") - total(before, "bad")).isEqualTo(1);
        assertThat(total(after, "bad") - total(before, "bad"))
                .as("the bad observation was replaced")
                .isZero();
        assertThat(total(after, "funded") - total(before, "funded")).isEqualTo(1);
    }

    @Test
    void a_loan_is_bad_at_the_market_threshold_of_days_past_due_or_when_defaulted() {
        JsonNode before = report();
        ArrayNode records = array();
        records.add(outcome(approvedApplication(), TODAY, 89, "DELINQUENT")); // not yet bad at 90 days
        records.add(outcome(approvedApplication(), TODAY, 90, "DELINQUENT")); // bad
        records.add(outcome(approvedApplication(), TODAY, 10, "DEFAULTED")); // bad
        records.add(outcome(approvedApplication(), TODAY, 0, "CURRENT"));
        records.add(Json.object()
                .put("applicationId", approvedApplication())
                .put("asOf", TODAY.toString())
                .put("funded", false)); // never taken up

        ApiResponse response = post("/api/v1/outcomes", LOAN_SYSTEM, batch(records));
        JsonNode after = report();

        assertThat(response.json().path("accepted").asInt()).as("%s", response).isEqualTo(5);
        assertThat(total(after, "funded") - total(before, "funded")).isEqualTo(4);
        assertThat(total(after, "bad") - total(before, "bad")).isEqualTo(2);
        assertThat(total(after, "reported") - total(before, "reported")).isEqualTo(5);
        assertThat(total(after, "decided") - total(before, "decided")).isEqualTo(5);
        assertThat(total(after, "approved") - total(before, "approved")).isEqualTo(5);
        assertThat(total(after, "matured") - total(before, "matured"))
                .as("bad loans have matured as bad")
                .isEqualTo(2);
        JsonNode version = after.path("versions").get(0);
        assertThat(version.path("badRateToDate").asDouble())
                .isEqualTo((double) version.path("bad").asLong()
                        / version.path("funded").asLong());
        assertThat(version.path("badRateToDateInterval").path("lower").asDouble())
                .isLessThanOrEqualTo(version.path("badRateToDate").asDouble());
        assertThat(after.path("definition").path("badDaysPastDue").asInt()).isEqualTo(90);
        assertThat(after.path("definition").path("windowMonths").asInt()).isEqualTo(12);
    }

    @Test
    void outcomes_are_for_loan_systems_and_admins_and_the_report_for_every_role() {
        String body = batch(array().add(outcome(approvedApplication(), TODAY, 0, "CURRENT")));

        assertThat(post("/api/v1/outcomes", NOBODY, body).status()).isEqualTo(401);
        assertThat(post("/api/v1/outcomes", ANALYST, body).status()).isEqualTo(403);
        assertThat(post("/api/v1/outcomes", ADMIN, body).status()).isEqualTo(200);
        assertThat(get("/api/v1/markets/IN/performance", ANALYST).status()).isEqualTo(200);
        assertThat(get("/api/v1/markets/IN/performance", REVIEWER).status()).isEqualTo(200);
    }

    @Test
    void a_body_that_is_no_batch_or_too_large_is_refused_whole_with_400() {
        ArrayNode tooMany = array();
        for (int i = 0; i <= OutcomeRecords.MAX_RECORDS; i++)
            tooMany.add(Json.object().put("applicationId", "X"));

        assertThat(post("/api/v1/outcomes", LOAN_SYSTEM, "{\"outcomes\": 3}").status())
                .isEqualTo(400);
        assertThat(post("/api/v1/outcomes", LOAN_SYSTEM, "[]").status()).isEqualTo(400);
        assertThat(post("/api/v1/outcomes", LOAN_SYSTEM, "{\"outcomes\": [").status())
                .isEqualTo(400);
        ApiResponse large = post("/api/v1/outcomes", LOAN_SYSTEM, batch(tooMany));
        assertThat(large.status()).as("%s", large).isEqualTo(400);
        assertThat(large.body()).contains("10000");
    }

    @Test
    void each_batch_leaves_an_audit_entry() {
        post("/api/v1/outcomes", LOAN_SYSTEM, batch(array().add(outcome(approvedApplication(), TODAY, 0, "CURRENT"))));

        JsonNode trail = get("/api/v1/audit?market=IN&action=OUTCOMES_RECEIVED", REVIEWER)
                .json();
        assertThat(trail.toString()).contains("OUTCOMES_RECEIVED").contains("1 outcome record(s)");
    }

    private String approvedApplication() {
        return decided("prime-IN.json", "APPROVE");
    }

    private String decided(String fixture, String expected) {
        ObjectNode application = freshApplication(fixture);
        ApiResponse decision = decide(application);
        assertThat(decision.json().path("outcome").asString())
                .as("%s", decision)
                .isEqualTo(expected);
        return application.path("applicationId").asString();
    }

    private static ObjectNode outcome(String applicationId, LocalDate asOf, int daysPastDue, String status) {
        return Json.object()
                .put("applicationId", applicationId)
                .put("asOf", asOf.toString())
                .put("funded", true)
                .put("fundedAt", TODAY.toString())
                .put("fundedAmount", 200000)
                .put("daysPastDue", daysPastDue)
                .put("status", status)
                .put("principalOutstanding", 150000)
                .put("lossAmount", 0);
    }

    private static ArrayNode array() {
        return Json.MAPPER.createArrayNode();
    }

    private static String batch(ArrayNode records) {
        ObjectNode body = Json.object();
        body.set("outcomes", records);
        return Json.write(body);
    }

    private JsonNode report() {
        ApiResponse response = get("/api/v1/markets/IN/performance", ANALYST);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static long total(JsonNode report, String field) {
        long sum = 0;
        for (JsonNode version : report.path("versions"))
            sum += version.path(field).asLong();
        return sum;
    }
}
