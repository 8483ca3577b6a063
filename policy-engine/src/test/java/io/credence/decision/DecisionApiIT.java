package io.credence.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.Credentials;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The contract's Decisions section, checked over HTTP the way a loan system calls it. */
class DecisionApiIT extends FullStackTest {

    private static final Set<String> OUTCOMES = Set.of("APPROVE", "DECLINE", "REFER");
    private static final Set<String> REASON_SOURCES = Set.of("fraud", "scorecard", "approval", "pricing", "engine");

    @ParameterizedTest(name = "{0}: a prime applicant borrowing in local currency is approved by the champion")
    @ValueSource(strings = {"IN", "ID", "PH", "BR", "MX", "GB"})
    void approves_a_prime_applicant_in_every_market(String market) {
        ObjectNode application = freshApplication("prime-" + market + ".json");
        Instant before = Instant.now().minusSeconds(1);

        ApiResponse response = decide(application);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode decision = response.json();
        assertFollowsTheContract(decision);
        assertThat(decision.path("outcome").asString()).as("%s", decision).isEqualTo("APPROVE");
        assertThat(decision.path("decisionId").asString()).isNotBlank();
        assertThat(decision.path("applicationId").asString())
                .isEqualTo(application.path("applicationId").asString());
        assertThat(decision.path("market").asString()).isEqualTo(market);
        assertThat(decision.path("score").isNumber()).as("score is a number").isTrue();
        assertThat(decision.path("score").decimalValue().scale())
                .as("score keeps at most two decimals")
                .isLessThanOrEqualTo(2);
        if (market.equals("GB")) {
            // GB's risk model is a classifier: its probability of "bad" comes with the points, and is logged.
            assertThat(decision.path("probability").asDouble())
                    .as("%s", decision)
                    .isBetween(0.0, 0.2);
            JsonNode stored = get(
                            "/api/v1/decisions/" + decision.path("decisionId").asString(), LOAN_SYSTEM)
                    .json();
            assertThat(stored.path("probability").asDouble())
                    .isEqualTo(decision.path("probability").asDouble());
            assertThat(stored.path("score").decimalValue())
                    .isEqualByComparingTo(decision.path("score").decimalValue());
        } else {
            assertThat(decision.has("probability"))
                    .as("a scorecard gives no probability")
                    .isFalse();
        }
        assertThat(decision.path("approvedAmount").decimalValue())
                .isPositive()
                .isLessThanOrEqualTo(application.path("loan").path("amount").decimalValue());
        assertThat(decision.path("apr").asDouble()).isGreaterThan(0).isLessThan(1);

        JsonNode champion = champion(market);
        JsonNode policy = decision.path("policy");
        assertThat(policy.path("market").asString()).isEqualTo(market);
        assertThat(policy.path("arm").asString()).isEqualTo("champion");
        assertThat(policy.path("version").asInt())
                .isEqualTo(champion.path("version").asInt())
                .isPositive();
        assertThat(policy.path("digest").asString())
                .startsWith("sha256:")
                .isEqualTo(champion.path("digest").asString());

        assertThat(decision.path("rulesFired").isArray()).isTrue();
        assertThat(decision.path("rulesFired").values())
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.isString()).isTrue());
        assertThat(Instant.parse(decision.path("evaluatedAt").asString()))
                .isBetween(before, Instant.now().plusSeconds(1));
        assertThat(decision.path("durationMicros").isIntegralNumber()).isTrue();
        assertThat(decision.path("durationMicros").asLong()).isNotNegative();
    }

    @ParameterizedTest(name = "{0} is a {1} with a reason and without amount or APR")
    @CsvSource({"declined-IN.json, DECLINE", "referred-IN.json, REFER"})
    void declines_and_referrals_carry_a_reason_and_no_offer(String fixture, String outcome) {
        ApiResponse response = decide(freshApplication(fixture));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode decision = response.json();
        assertFollowsTheContract(decision);
        assertThat(decision.path("outcome").asString()).isEqualTo(outcome);
        assertThat(decision.path("reasons").size()).isPositive();
        assertThat(decision.has("approvedAmount")).isFalse();
        assertThat(decision.has("apr")).isFalse();
        for (JsonNode reason : decision.path("reasons")) {
            assertThat(reason.path("code").asString()).isNotBlank();
            assertThat(reason.path("message").asString()).isNotBlank();
        }
    }

    @Test
    void returns_the_stored_decision_when_the_same_application_is_sent_again() {
        ObjectNode application = freshApplication("prime-IN.json");

        JsonNode first = decide(application).json();
        ApiResponse again = decide(application);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("decisionId").asString())
                .isEqualTo(first.path("decisionId").asString());
        assertThat(again.json().path("evaluatedAt").asString())
                .isEqualTo(first.path("evaluatedAt").asString());
        assertThat(again.json()).isEqualTo(first);
    }

    @Test
    void refuses_a_different_request_under_an_application_id_already_decided() {
        ObjectNode application = freshApplication("prime-IN.json");
        assertThat(decide(application).status()).isEqualTo(200);

        ObjectNode changed = application.deepCopy();
        ((ObjectNode) changed.path("loan")).put("amount", 250000);

        assertThat(decide(changed).status()).isEqualTo(409);
    }

    @ParameterizedTest(name = "{0} is refused with 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed.json               | $
            missing-required.json        | applicationId, market, product, applicant, loan
            missing-nested-required.json | applicant.customerId, applicant.age, applicant.monthlyIncome, applicant.employmentStatus, applicant.kycVerified, loan.amount, loan.currency, loan.termMonths
            wrong-types.json             | applicant.age, applicant.monthlyIncome, applicant.kycVerified, loan.termMonths, bureau.score, device
            unknown-enums.json           | product, channel, applicant.employmentStatus, applicant.residentialStatus
            negative-amounts.json        | loan.amount, applicant.monthlyIncome, bureau.monthlyDebtPayments
            foreign-currency.json        | loan.currency
            three-offending-fields.json  | applicant.employmentStatus, loan.currency, bureau.score
            """)
    void refuses_an_invalid_request_naming_every_offending_field(String fixture, String fields) {
        ApiResponse response = post("/api/v1/decisions", LOAN_SYSTEM, Fixtures.text(getClass(), fixture));

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        JsonNode errors = response.json().path("errors");
        assertThat(Json.texts(errors, "field"))
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(fields.split(",")).map(String::strip).toList());
        assertThat(Json.texts(errors, "message"))
                .allSatisfy(message -> assertThat(message).isNotBlank());
    }

    @Test
    void refuses_a_form_encoded_or_empty_body_as_invalid_rather_than_failing() {
        assertThat(post("/api/v1/decisions", LOAN_SYSTEM, "").status()).isEqualTo(400);
        assertThat(post("/api/v1/decisions", LOAN_SYSTEM, "applicationId=A-1&market=IN")
                        .status())
                .isEqualTo(400);
        assertThat(post("/api/v1/decisions", LOAN_SYSTEM, "[1, 2, 3]").status()).isEqualTo(400);
    }

    @Test
    void answers_404_for_a_market_with_nothing_deployed() {
        ApiResponse response = decide(freshApplication("unknown-market.json"));

        assertThat(response.status()).as("%s", response).isEqualTo(404);
    }

    @Test
    void refuses_a_loan_system_without_an_api_key() {
        assertThat(post("/api/v1/decisions", NOBODY, freshApplication("prime-IN.json"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void refuses_a_loan_system_with_a_wrong_api_key() {
        ApiResponse response =
                post("/api/v1/decisions", Credentials.apiKey("not-the-key"), freshApplication("prime-IN.json"));

        assertThat(response.status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "a thin file ({0}) is decided, not refused")
    @ValueSource(strings = {"thin-file-without-bureau-IN.json", "thin-file-with-null-score-IN.json"})
    void decides_a_thin_file_applicant(String fixture) {
        ApiResponse response = decide(freshApplication(fixture));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertFollowsTheContract(response.json());
    }

    @Test
    void decides_the_same_way_whether_the_bureau_is_absent_or_its_score_is_null() {
        JsonNode absent =
                decide(freshApplication("thin-file-without-bureau-IN.json")).json();
        JsonNode nullScore =
                decide(freshApplication("thin-file-with-null-score-IN.json")).json();

        assertThat(nullScore.path("outcome")).isEqualTo(absent.path("outcome"));
        assertThat(Json.texts(nullScore.path("reasons"), "code")).isEqualTo(Json.texts(absent.path("reasons"), "code"));
    }

    @Test
    void decides_an_application_without_a_device() {
        ApiResponse response = decide(freshApplication("without-device-IN.json"));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertFollowsTheContract(response.json());
    }

    @ParameterizedTest(name = "{0} reads the stored decision with personal data masked")
    @ValueSource(strings = {"analyst", "reviewer", "loan system"})
    void masks_personal_data_for_readers_who_are_not_admins(String reader) {
        ObjectNode application = freshApplication("prime-IN.json");
        JsonNode decision = decide(application).json();

        ApiResponse response = get(
                "/api/v1/decisions/" + decision.path("decisionId").asString(),
                switch (reader) {
                    case "analyst" -> ANALYST;
                    case "reviewer" -> REVIEWER;
                    default -> LOAN_SYSTEM;
                });

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode stored = response.json();
        assertThat(stored.path("decisionId")).isEqualTo(decision.path("decisionId"));
        assertThat(stored.path("outcome")).isEqualTo(decision.path("outcome"));
        assertThat(stored.path("policy")).isEqualTo(decision.path("policy"));
        assertThat(stored.path("rulesFired")).isEqualTo(decision.path("rulesFired"));
        JsonNode request = stored.path("request");
        String customerId = application.at("/applicant/customerId").asString();
        String fingerprint = application.at("/device/fingerprint").asString();
        assertThat(request.at("/applicant/customerId").asString())
                .isNotEqualTo(customerId)
                .doesNotContain(customerId);
        assertThat(request.at("/device/fingerprint").asString())
                .isNotEqualTo(fingerprint)
                .doesNotContain(fingerprint);
        assertThat(request.at("/applicant/monthlyIncome").asString()).doesNotContain("85000");
        assertThat(request.at("/applicant/monthlyIncome").isNumber())
                .as("income must not be readable as a number")
                .isFalse();
        assertThat(request.at("/applicant/age").asInt())
                .as("what is not personal stays readable")
                .isEqualTo(35);
        assertThat(response.body()).doesNotContain(customerId).doesNotContain(fingerprint);
    }

    @Test
    void shows_an_admin_the_stored_request_in_full() {
        ObjectNode application = freshApplication("prime-IN.json");
        JsonNode decision = decide(application).json();

        ApiResponse response =
                get("/api/v1/decisions/" + decision.path("decisionId").asString(), ADMIN);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode request = response.json().path("request");
        assertThat(request.at("/applicant/customerId")).isEqualTo(application.at("/applicant/customerId"));
        assertThat(request.at("/device/fingerprint")).isEqualTo(application.at("/device/fingerprint"));
        assertThat(request.at("/applicant/monthlyIncome").decimalValue())
                .isEqualByComparingTo(application.at("/applicant/monthlyIncome").decimalValue());
    }

    @Test
    void answers_404_for_a_decision_that_does_not_exist() {
        assertThat(get("/api/v1/decisions/00000000-0000-0000-0000-000000000000", ANALYST)
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest(name = "replaying {0} on the version that made it gives the same decision")
    @ValueSource(
            strings = {
                "prime-IN.json",
                "declined-IN.json",
                "referred-IN.json",
                "prime-GB.json",
                "thin-file-without-bureau-IN.json"
            })
    void replays_a_decision_on_the_exact_version_that_made_it(String fixture) {
        JsonNode decision = decide(freshApplication(fixture)).json();

        ApiResponse replay =
                post("/api/v1/decisions/" + decision.path("decisionId").asString() + "/replay", ANALYST, "");

        assertThat(replay.status()).as("%s", replay).isEqualTo(200);
        assertThat(replay.json().path("matches").asBoolean()).as("%s", replay).isTrue();
        assertThat(replay.json().path("outcome")).isEqualTo(decision.path("outcome"));
        assertThat(replay.json().path("policy")).isEqualTo(decision.path("policy"));
    }

    /**
     * Device velocity from the seed fraud.drl of each market: IN, PH, BR and MX decline "more than
     * 3 applications in 24 hours" (so the 5th), ID and GB "more than 2" (so the 4th).
     */
    @ParameterizedTest(name = "{0}: application {1} from one device within 24 hours is declined for velocity")
    @CsvSource({"IN, 5", "ID, 4", "PH, 5", "BR, 5", "MX, 5", "GB, 4"})
    void declines_too_many_applications_from_one_device(String market, int declinedFrom) {
        String device = freshApplication("prime-" + market + ".json")
                .at("/device/fingerprint")
                .asString();
        for (int n = 1; n < declinedFrom; n++) {
            JsonNode decision = decide(fromDevice(freshApplication("prime-" + market + ".json"), device))
                    .json();
            assertThat(decision.path("outcome").asString())
                    .as("application %d from the device: %s", n, decision)
                    .isEqualTo("APPROVE");
        }

        JsonNode decision = decide(fromDevice(freshApplication("prime-" + market + ".json"), device))
                .json();

        assertFollowsTheContract(decision);
        assertThat(decision.path("outcome").asString()).as("%s", decision).isEqualTo("DECLINE");
        assertThat(reasons(decision)).contains("fraud:FR_DEVICE_VELOCITY");
    }

    @Test
    void declines_an_applicant_on_the_device_fraud_list_until_the_entry_is_removed() {
        ObjectNode application = freshApplication("prime-IN.json");
        String device = application.at("/device/fingerprint").asString();
        ObjectNode entry = Json.object()
                .put("list", "DEVICE")
                .put("entry", device)
                .put("reason", "Seen in a ring of stolen identities");

        ApiResponse added = post("/api/v1/fraud-lists/IN", ADMIN, entry);

        assertThat(added.status()).as("%s", added).isEqualTo(201);
        String entryId = added.json().path("id").asString();
        JsonNode listed = decide(application).json();
        assertFollowsTheContract(listed);
        assertThat(listed.path("outcome").asString()).isEqualTo("DECLINE");
        assertThat(reasons(listed)).contains("fraud:FR_DEVICE_LISTED");

        assertThat(delete("/api/v1/fraud-lists/IN/" + entryId, ADMIN).status()).isEqualTo(204);

        JsonNode unlisted =
                decide(fromDevice(freshApplication("prime-IN.json"), device)).json();
        assertThat(unlisted.path("outcome").asString()).as("%s", unlisted).isEqualTo("APPROVE");
        assertThat(reasons(unlisted)).noneMatch(reason -> reason.startsWith("fraud:"));
    }

    @Test
    void only_an_admin_may_change_a_fraud_list() {
        ObjectNode entry =
                Json.object().put("list", "DEVICE").put("entry", "d-not-admin").put("reason", "test");

        assertThat(post("/api/v1/fraud-lists/IN", ANALYST, entry).status()).isEqualTo(403);
        assertThat(post("/api/v1/fraud-lists/IN", REVIEWER, entry).status()).isEqualTo(403);
        assertThat(post("/api/v1/fraud-lists/IN", LOAN_SYSTEM, entry).status()).isEqualTo(403);
        assertThat(post("/api/v1/fraud-lists/IN", NOBODY, entry).status()).isEqualTo(401);
        assertThat(delete("/api/v1/fraud-lists/IN/no-such-entry", ANALYST).status())
                .isEqualTo(403);
    }

    /** The invariants every decision answer keeps, whatever the market and outcome. */
    static void assertFollowsTheContract(JsonNode decision) {
        String outcome = decision.path("outcome").asString();
        assertThat(outcome).as("outcome of %s", decision).isIn(OUTCOMES);
        assertThat(Json.texts(decision.path("reasons"), "source"))
                .as("reason sources of %s", decision)
                .allSatisfy(source -> assertThat(source).isIn(REASON_SOURCES));
        boolean approved = outcome.equals("APPROVE");
        assertThat(decision.hasNonNull("approvedAmount"))
                .as("approvedAmount present exactly on APPROVE: %s", decision)
                .isEqualTo(approved);
        assertThat(decision.hasNonNull("apr"))
                .as("apr present exactly on APPROVE: %s", decision)
                .isEqualTo(approved);
        if (!approved)
            assertThat(decision.path("reasons").size())
                    .as("reasons of %s", decision)
                    .isPositive();
        assertThat(decision.path("policy").path("arm").asString()).isIn("champion", "challenger");
    }

    private static List<String> reasons(JsonNode decision) {
        return decision.path("reasons")
                .valueStream()
                .map(reason -> reason.path("source").asString() + ":"
                        + reason.path("code").asString())
                .toList();
    }

    private static ObjectNode fromDevice(ObjectNode application, String fingerprint) {
        ((ObjectNode) application.path("device")).put("fingerprint", fingerprint);
        return application;
    }

    private JsonNode champion(String market) {
        ApiResponse markets = get("/api/v1/markets", ANALYST);
        assertThat(markets.status()).isEqualTo(200);
        return markets.json()
                .valueStream()
                .filter(m -> m.path("market").asString().equals(market))
                .findFirst()
                .map(m -> m.path("champion"))
                .orElseThrow(() -> new AssertionError("GET /api/v1/markets does not list " + market));
    }
}
