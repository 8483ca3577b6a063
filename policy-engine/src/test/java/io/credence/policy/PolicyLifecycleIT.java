package io.credence.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.Credentials;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The whole flow of a policy change through the API, with every refusal a user can meet on the way. */
class PolicyLifecycleIT extends FullStackTest {

    @Test
    void a_change_goes_from_draft_through_four_eyes_review_to_serving_decisions() {
        String market = "ZL";
        JsonNode v1 = created(createVersion(market, ANALYST, null, TestMarkets.artifacts(market), "first policy"));
        assertThat(v1.get("status").asString()).isEqualTo("DRAFT");
        assertThat(v1.get("digest").asString()).startsWith("sha256:");
        int first = v1.get("version").asInt();
        ok(post(path(market, first, "submit"), ANALYST, "{}"));
        ok(post(path(market, first, "approve"), REVIEWER, "{\"comment\": \"looks right\"}"));
        ok(post(path(market, first, "deploy"), ADMIN, "{}"));

        String stricter = TestMarkets.artifacts(market).get("approval.drl")
                + Fixtures.text(getClass(), "stricter-income-rule.drl");
        JsonNode v2 =
                created(createVersion(market, ANALYST, first, Map.of("approval.drl", stricter), "refer lower incomes"));
        int second = v2.get("version").asInt();
        assertThat(v2.get("basedOn").asInt()).isEqualTo(first);

        JsonNode diff =
                ok(get(path(market, second, "diff?against=" + first), REVIEWER)).json();
        JsonNode approvalDiff = artifact(diff, "approval.drl");
        assertThat(approvalDiff.get("changed").asBoolean()).isTrue();
        assertThat(approvalDiff.get("unified").asString()).contains("+rule \"refer incomes under 100000\"");
        assertThat(artifact(diff, "pricing.drl").get("changed").asBoolean()).isFalse();

        ok(post(path(market, second, "submit"), ANALYST, "{}"));
        JsonNode approved =
                ok(post(path(market, second, "approve"), REVIEWER2, "{}")).json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("reviewer").asString()).isEqualTo("reviewer2");

        ObjectNode applicant = TestMarkets.application(
                Fixtures.json(getClass(), "prime-applicant.json"), market, "LC-" + UUID.randomUUID());
        assertThat(decide(applicant).json().get("outcome").asString()).isEqualTo("APPROVE");

        JsonNode deployed =
                ok(post(path(market, second, "deploy"), ADMIN, "{}")).json();
        assertThat(deployed.get("replaced").asInt()).isEqualTo(first);
        JsonNode decision = decide(TestMarkets.application(applicant, market, "LC-" + UUID.randomUUID()))
                .json();
        assertThat(decision.get("outcome").asString()).isEqualTo("REFER");
        assertThat(decision.at("/policy/version").asInt()).isEqualTo(second);
        assertThat(decision.at("/policy/digest").asString())
                .isEqualTo(v2.get("digest").asString());

        JsonNode versions =
                ok(get("/api/v1/markets/" + market + "/versions", ANALYST)).json();
        assertThat(statusOf(versions, first)).isEqualTo("RETIRED");
        assertThat(statusOf(versions, second)).isEqualTo("DEPLOYED");

        JsonNode rolledBack =
                ok(post("/api/v1/markets/" + market + "/rollback", ADMIN, "{}")).json();
        assertThat(rolledBack.get("version").asInt()).isEqualTo(first);
        JsonNode afterRollback = decide(TestMarkets.application(applicant, market, "LC-" + UUID.randomUUID()))
                .json();
        assertThat(afterRollback.get("outcome").asString()).isEqualTo("APPROVE");
        assertThat(afterRollback.at("/policy/version").asInt()).isEqualTo(first);

        List<String> actions = new ArrayList<>();
        ok(get("/api/v1/audit?market=" + market, ADMIN))
                .json()
                .forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).contains("VERSION_CREATED", "VERSION_SUBMITTED", "VERSION_APPROVED", "DEPLOY", "ROLLBACK");
        assertThat(ok(get("/api/v1/audit/verify", ADMIN)).json().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void a_package_that_does_not_compile_is_refused_with_every_error_and_nothing_is_stored() {
        String market = "ZE";
        int before = ok(get("/api/v1/markets/" + market + "/versions", ANALYST))
                .json()
                .size();
        ApiResponse refused = createVersion(
                market,
                ANALYST,
                null,
                with(TestMarkets.artifacts(market), "approval.drl", Fixtures.text(getClass(), "broken-approval.drl")),
                null);

        assertThat(refused.status()).isEqualTo(422);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode error : errors) {
            assertThat(error.get("artifact").asString()).isEqualTo("approval.drl");
            assertThat(error.get("line")).as(error.toString()).isNotNull();
            assertThat(error.get("line").asInt()).isPositive();
            assertThat(error.get("message").asString()).isNotBlank();
        }
        assertThat(errors.size()).as("both rules' errors, not just the first").isGreaterThanOrEqualTo(2);
        assertThat(errors.toString()).contains("monthlyIncom").contains("declineHard");
        assertThat(ok(get("/api/v1/markets/" + market + "/versions", ANALYST))
                        .json()
                        .size())
                .isEqualTo(before);
    }

    @Test
    void a_rule_giving_a_code_without_a_message_in_every_language_is_refused_and_nothing_is_stored() {
        String market = "ZM";
        int before = ok(get("/api/v1/markets/" + market + "/versions", ANALYST))
                .json()
                .size();
        Map<String, String> artifacts = TestMarkets.artifacts(market);
        String approval = artifacts.get("approval.drl") + Fixtures.text(getClass(), "new-reason-code-rule.drl");

        ApiResponse refused = createVersion(market, ANALYST, null, with(artifacts, "approval.drl", approval), null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.size()).as(errors.toString()).isEqualTo(2);
        for (JsonNode error : errors) {
            assertThat(error.get("artifact").asString()).isEqualTo("reasons.json");
            assertThat(error.get("message").asString())
                    .contains("AP_NEW_SELF_EMPLOYED")
                    .contains("approval.drl");
            assertThat(error.get("line").asInt()).as(error.toString()).isPositive();
        }
        assertThat(errors.values())
                .extracting(error -> error.get("message").asString())
                .anySatisfy(message -> assertThat(message).contains("en-IN"))
                .anySatisfy(message -> assertThat(message).contains("hi-IN"));
        assertThat(ok(get("/api/v1/markets/" + market + "/versions", ANALYST))
                        .json()
                        .size())
                .isEqualTo(before);
    }

    @Test
    void reason_messages_are_versioned_and_reviewed_with_the_rules_that_give_the_codes() {
        String market = "ZN";
        Map<String, String> artifacts = TestMarkets.artifacts(market);
        String approval = artifacts.get("approval.drl") + Fixtures.text(getClass(), "new-reason-code-rule.drl");
        ObjectNode reasons = (ObjectNode) Json.read(artifacts.get("reasons.json"));
        Json.read(Fixtures.text(getClass(), "new-reason-code-messages.json"))
                .properties()
                .forEach(locale -> ((ObjectNode) reasons.get(locale.getKey())).setAll((ObjectNode) locale.getValue()));
        JsonNode first = created(createVersion(market, ANALYST, null, artifacts, null));
        assertThat(first.at("/artifacts/reasons.json").asString()).contains("\"hi-IN\"");

        JsonNode second = created(createVersion(
                market,
                ANALYST,
                first.get("version").asInt(),
                Map.of("approval.drl", approval, "reasons.json", Json.write(reasons)),
                "a new referral reason"));

        JsonNode diff = ok(get(
                        path(
                                market,
                                second.get("version").asInt(),
                                "diff?against=" + first.get("version").asInt()),
                        REVIEWER))
                .json();
        assertThat(artifact(diff, "reasons.json").get("changed").asBoolean()).isTrue();
        assertThat(artifact(diff, "reasons.json").get("unified").asString())
                .contains("+")
                .contains("AP_NEW_SELF_EMPLOYED");
    }

    @Test
    void a_syntax_error_is_reported_with_its_line_and_column() {
        String market = "ZE";
        ApiResponse refused = createVersion(
                market,
                ANALYST,
                null,
                with(
                        TestMarkets.artifacts(market),
                        "approval.drl",
                        Fixtures.text(getClass(), "syntax-error-approval.drl")),
                null);

        assertThat(refused.status()).isEqualTo(422);
        JsonNode error = refused.json().at("/errors/0");
        assertThat(refused.json().get("errors").size()).as(refused.toString()).isEqualTo(1);
        assertThat(error.get("artifact").asString()).isEqualTo("approval.drl");
        assertThat(error.get("line").asInt()).isEqualTo(7);
        assertThat(error.get("column").asInt()).isEqualTo(22);
    }

    @Test
    void nobody_reviews_their_own_work_whatever_roles_they_hold() {
        String market = "ZF";
        ApiResponse proposed = post(
                "/api/v1/users",
                ADMIN,
                "{\"username\": \"dual\", \"password\": \"dual-password-123\", \"roles\": [\"ANALYST\", \"REVIEWER\"]}");
        assertThat(proposed.status()).as("granting roles takes a second admin").isEqualTo(202);
        ok(post("/api/v1/users/changes/" + proposed.json().get("id").asString() + "/approve", ADMIN2, "{}"));
        Credentials dual = Credentials.basic("dual", "dual-password-123");
        int version = created(createVersion(market, dual, null, TestMarkets.artifacts(market), null))
                .get("version")
                .asInt();
        ok(post(path(market, version, "submit"), dual, "{}"));

        ApiResponse ownApproval = post(path(market, version, "approve"), dual, "{}");
        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.json().get("detail").asString()).contains("Four-eyes");
        assertThat(post(path(market, version, "reject"), dual, "{\"comment\": \"no\"}")
                        .status())
                .isEqualTo(403);
        ok(post(path(market, version, "approve"), REVIEWER, "{}"));
    }

    @Test
    void each_role_is_refused_what_it_may_not_do_and_each_state_what_it_does_not_allow() {
        String market = "ZR";
        Map<String, String> artifacts = TestMarkets.artifacts(market);
        assertThat(createVersion(market, NOBODY, null, artifacts, null).status())
                .isEqualTo(401);
        assertThat(createVersion(market, REVIEWER, null, artifacts, null).status())
                .isEqualTo(403);
        assertThat(createVersion(market, ADMIN, null, artifacts, null).status()).isEqualTo(403);
        int version = created(createVersion(market, ANALYST, null, artifacts, null))
                .get("version")
                .asInt();

        assertThat(post(path(market, version, "approve"), REVIEWER, "{}").status())
                .as("approve a draft")
                .isEqualTo(409);
        assertThat(post(path(market, version, "deploy"), ADMIN, "{}").status())
                .as("deploy a draft")
                .isEqualTo(409);
        assertThat(post(path(market, version, "submit"), ANALYST2, "{}").status())
                .as("submit someone else's")
                .isEqualTo(403);
        assertThat(post(path(market, version, "submit"), REVIEWER, "{}").status())
                .as("reviewer submits")
                .isEqualTo(403);
        ok(post(path(market, version, "submit"), ANALYST, "{}"));
        assertThat(post(path(market, version, "submit"), ANALYST, "{}").status())
                .as("submit twice")
                .isEqualTo(409);
        assertThat(put(path(market, version, ""), ANALYST, "{\"note\": \"late edit\"}")
                        .status())
                .as("edit after submit")
                .isEqualTo(409);
        assertThat(post(path(market, version, "approve"), ADMIN, "{}").status())
                .as("admin approves")
                .isEqualTo(403);
        assertThat(post(path(market, version, "reject"), REVIEWER, "{}").status())
                .as("reject without comment")
                .isEqualTo(400);
        ok(post(path(market, version, "reject"), REVIEWER, "{\"comment\": \"thresholds not justified\"}"));
        assertThat(post(path(market, version, "deploy"), ADMIN, "{}").status())
                .as("deploy a rejected version")
                .isEqualTo(409);
        assertThat(post("/api/v1/markets/" + market + "/rollback", ADMIN, "{}").status())
                .as("nothing to roll back to")
                .isEqualTo(409);
        assertThat(post("/api/v1/markets/" + market + "/rollback", REVIEWER, "{}")
                        .status())
                .isEqualTo(403);
        assertThat(get("/api/v1/markets/" + market + "/versions/999", ANALYST).status())
                .isEqualTo(404);
    }

    @Test
    void test_cases_run_on_every_validation_and_their_results_travel_with_the_version() {
        String market = "ZT";
        int version = created(createVersion(market, ANALYST, null, TestMarkets.artifacts(market), null))
                .get("version")
                .asInt();
        ObjectNode application =
                TestMarkets.application(Fixtures.json(getClass(), "prime-applicant.json"), market, "TC-1");
        ObjectNode test = Json.object();
        test.put("name", "prime applicant is approved");
        test.set("application", application);
        test.put("expectedOutcome", "APPROVE");
        JsonNode withTest = created(post(path(market, version, "test-cases"), ANALYST, test));
        assertThat(withTest.at("/testResults/0/passed").asBoolean()).isTrue();

        String stricter = TestMarkets.artifacts(market).get("approval.drl")
                + Fixtures.text(getClass(), "stricter-income-rule.drl");
        JsonNode edited = ok(put(
                        path(market, version, ""),
                        ANALYST,
                        Json.write(Map.of("artifacts", Map.of("approval.drl", stricter)))))
                .json();
        assertThat(edited.at("/testResults/0/passed").asBoolean()).isFalse();
        assertThat(edited.at("/testResults/0/actualOutcome").asString()).isEqualTo("REFER");

        JsonNode trial =
                ok(post(path(market, version, "try"), REVIEWER, application)).json();
        assertThat(trial.at("/result/outcome").asString()).isEqualTo("REFER");
        assertThat(get("/api/v1/decisions?applicationId=TC-1", ANALYST).json().size())
                .as("the test bench stores nothing")
                .isZero();
    }

    private ApiResponse createVersion(
            String market, Credentials who, Integer basedOn, Map<String, String> artifacts, String note) {
        ObjectNode body = Json.object();
        if (basedOn != null) body.put("basedOn", basedOn);
        body.set("artifacts", Json.MAPPER.valueToTree(artifacts));
        if (note != null) body.put("note", note);
        return post("/api/v1/markets/" + market + "/versions", who, body);
    }

    private static Map<String, String> with(Map<String, String> artifacts, String name, String content) {
        Map<String, String> copy = new java.util.TreeMap<>(artifacts);
        copy.put(name, content);
        return copy;
    }

    private static String path(String market, int version, String action) {
        return "/api/v1/markets/" + market + "/versions/" + version + (action.isEmpty() ? "" : "/" + action);
    }

    private static JsonNode artifact(JsonNode diff, String name) {
        for (JsonNode a : diff.get("artifacts")) {
            if (a.get("artifact").asString().equals(name)) return a;
        }
        throw new AssertionError("no diff for " + name);
    }

    private static String statusOf(JsonNode versions, int version) {
        for (JsonNode v : versions) {
            if (v.get("version").asInt() == version) return v.get("status").asString();
        }
        throw new AssertionError("no version " + version);
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
