package io.credence.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.MarketParameters;
import io.credence.engine.PolicyPackage;
import io.credence.engine.SeedPackagesOnDisk;
import io.credence.support.ApiResponse;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Authoring through the API on a market of its own (ZA, a copy of the MX seed): a parameter changed in
 * market.json reaches the diff in business terms and the applicant's message; validation warns about a
 * message that states the old number; a draft whose test cases fail is submitted only with a reason.
 */
class AuthoringApiIT extends FullStackTest {

    private static final String MARKET = "ZA";

    @Test
    void raising_the_minimum_age_is_a_value_change_a_warning_and_a_failing_case_that_needs_a_reason() {
        Map<String, String> v1Artifacts = mexicoAs(MARKET);
        int first = created(post(versions(), ANALYST, body(null, v1Artifacts, "seed copy")))
                .get("version")
                .asInt();

        String raised = MarketParameters.withValue(
                v1Artifacts.get(PolicyPackage.SETTINGS), List.of("parameters", "minimumAge", "value"), "21");
        String staleReasons = v1Artifacts.get(PolicyPackage.REASONS).replace("under {minimumAge}.", "under 18.");
        JsonNode report = ok(post(
                        versions() + "/validate",
                        ANALYST,
                        body(first, Map.of(PolicyPackage.SETTINGS, raised, PolicyPackage.REASONS, staleReasons), null)))
                .json();
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("warnings")).singleElement().satisfies(w -> {
            assertThat(w.get("artifact").asString()).isEqualTo("reasons.json");
            assertThat(w.get("message").asString())
                    .startsWith("en message for AP_UNDERAGE says 18, but rule"
                            + " \"applicant under the minimum age\" (approval.drl) no longer uses 18; it now uses 21.");
        });

        JsonNode draft =
                created(post(versions(), ANALYST, body(first, Map.of(PolicyPackage.SETTINGS, raised), "age 21")));
        int second = draft.get("version").asInt();
        JsonNode diff = ok(get(versions() + "/" + second + "/diff?against=" + first, REVIEWER))
                .json();
        assertThat(diff.get("valueChanges")).singleElement().satisfies(change -> {
            assertThat(change.get("name").asString()).isEqualTo("minimumAge");
            assertThat(change.get("label").asString()).isEqualTo("Minimum age");
            assertThat(change.get("type").asString()).isEqualTo("integer");
            assertThat(change.get("before").asString()).isEqualTo("18");
            assertThat(change.get("after").asString()).isEqualTo("21");
        });

        ObjectNode twenty = Fixtures.json(getClass(), "twenty-year-old.json");
        JsonNode trial =
                ok(post(versions() + "/" + second + "/try", ANALYST, twenty)).json();
        assertThat(trial.at("/result/outcome").asString()).isEqualTo("DECLINE");
        assertThat(trial.at("/result/reasons").toString()).contains("El solicitante es menor de 21 años.");

        ObjectNode testCase = Json.object();
        testCase.put("name", "a 20-year-old is approved");
        testCase.set("application", twenty);
        testCase.put("expectedOutcome", "APPROVE");
        assertThat(post(versions() + "/" + second + "/test-cases", ANALYST, testCase)
                        .status())
                .isEqualTo(201);

        String caseId = ok(get(versions() + "/" + second + "/test-cases", ANALYST))
                .json()
                .get(0)
                .get("id")
                .asString();
        JsonNode duplicated =
                created(post(versions() + "/" + second + "/test-cases/" + caseId + "/duplicate", ANALYST, "{}"));
        assertThat(duplicated.get("testResults")).hasSize(2);
        String copyId = ok(get(versions() + "/" + second + "/test-cases", ANALYST))
                .json()
                .get(1)
                .get("id")
                .asString();
        ObjectNode edited = testCase.deepCopy();
        edited.put("name", "a 20-year-old is declined as under age");
        edited.put("expectedOutcome", "DECLINE");
        edited.putArray("expectedReasons").add("AP_UNDERAGE");
        JsonNode afterEdit = ok(put(versions() + "/" + second + "/test-cases/" + copyId, ANALYST, Json.write(edited)))
                .json();
        assertThat(afterEdit.get("testResults").toString()).contains("a 20-year-old is declined as under age");
        assertThat(afterEdit.get("testResults").findValues("passed").stream()
                        .map(JsonNode::asBoolean)
                        .toList())
                .containsExactly(false, true);

        JsonNode uncovered =
                ok(get(versions() + "/" + second + "/coverage", ANALYST)).json();
        assertThat(uncovered.toString())
                .contains("approval: KYC not verified", "pricing: prime band")
                .doesNotContain("approval: applicant under the minimum age");

        ApiResponse refused = post(versions() + "/" + second + "/submit", ANALYST, "{}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body())
                .contains("1 failing test case(s): \\\"a 20-year-old is approved\\\"", "failingTestsReason");

        JsonNode submitted = ok(post(
                        versions() + "/" + second + "/submit",
                        ANALYST,
                        "{\"failingTestsReason\": \"The case expected the old minimum age; it will be updated.\"}"))
                .json();
        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(submitted.get("note").asString())
                .isEqualTo(
                        "age 21\n\nSubmitted with 1 failing test case(s)"
                                + " (\"a 20-year-old is approved\"): The case expected the old minimum age; it will be updated.");
    }

    private static Map<String, String> mexicoAs(String market) {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("MX").artifacts());
        String settings =
                artifacts.get(PolicyPackage.SETTINGS).replace("\"market\": \"MX\"", "\"market\": \"" + market + "\"");
        // A generous budget keeps a loaded CI machine from turning a decline into an EN_TIME_BUDGET referral.
        artifacts.put(
                PolicyPackage.SETTINGS, MarketParameters.withValue(settings, List.of("timeBudgetMillis"), "5000"));
        return artifacts;
    }

    private static ObjectNode body(Integer basedOn, Map<String, String> artifacts, String note) {
        ObjectNode body = Json.object();
        if (basedOn != null) body.put("basedOn", basedOn);
        body.set("artifacts", Json.MAPPER.valueToTree(artifacts));
        if (note != null) body.put("note", note);
        return body;
    }

    private static String versions() {
        return "/api/v1/markets/" + MARKET + "/versions";
    }

    private static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static ApiResponse ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }
}
