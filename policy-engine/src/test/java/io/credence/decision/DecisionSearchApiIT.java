package io.credence.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.FullStackTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Searching the decision log as people do: by customer, reason code, version and arm, paged, exported, per period. */
class DecisionSearchApiIT extends FullStackTest {

    private final String customerId = "C-SEARCH-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> decided = new ArrayList<>();
    private Instant before;
    private String declineCode;
    private int version;

    @BeforeEach
    void three_decisions_for_one_customer() {
        before = Instant.now().minusSeconds(1);
        for (String fixture : List.of("prime-IN.json", "declined-IN.json", "prime-IN.json")) {
            ObjectNode application = freshApplication(fixture);
            ((ObjectNode) application.get("applicant")).put("customerId", customerId);
            ApiResponse response = decide(application);
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            JsonNode decision = response.json();
            decided.add(decision.path("decisionId").asString());
            version = decision.path("policy").path("version").asInt();
            if (decision.path("outcome").asString().equals("DECLINE")) {
                declineCode = decision.path("reasons").get(0).path("code").asString();
            }
        }
        assertThat(declineCode).as("the declined fixture gives a reason").isNotBlank();
    }

    @Test
    void finds_a_customers_decisions_by_the_id_the_loan_system_sent_a_page_at_a_time() {
        JsonNode first = search("customerId=" + encode(customerId) + "&size=2", ANALYST);
        JsonNode second = search("customerId=" + encode(customerId) + "&size=2&page=1", ANALYST);

        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("items").size()).isEqualTo(2);
        assertThat(second.path("items").size()).isEqualTo(1);
        List<String> found = new ArrayList<>();
        first.path("items").forEach(item -> found.add(item.path("decisionId").asString()));
        second.path("items").forEach(item -> found.add(item.path("decisionId").asString()));
        assertThat(found).as("newest first, each once").containsExactlyElementsOf(decided.reversed());
        assertThat(search("customerId=" + encode(customerId) + "&market=IN", ANALYST)
                        .path("total")
                        .asLong())
                .isEqualTo(3);
        assertThat(search("customerId=" + encode(customerId) + "&market=GB", ANALYST)
                        .path("total")
                        .asLong())
                .isZero();
    }

    @Test
    void finds_decisions_by_reason_code_version_and_arm() {
        String mine = "customerId=" + encode(customerId);

        JsonNode byReason = search(mine + "&reasonCode=" + declineCode, REVIEWER);
        assertThat(byReason.path("items").values())
                .extracting(item -> item.path("decisionId").asString())
                .containsExactly(decided.get(1));
        assertThat(search(mine + "&version=" + version + "&arm=champion", ANALYST)
                        .path("total")
                        .asLong())
                .isEqualTo(3);
        assertThat(search(mine + "&arm=challenger", ANALYST).path("total").asLong())
                .isZero();
        assertThat(search(mine + "&version=" + (version + 1000), ANALYST)
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(search(
                                mine + "&outcome=DECLINE&from=" + before + "&to="
                                        + Instant.now().plusSeconds(5),
                                ADMIN)
                        .path("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void exports_every_matching_decision_as_csv() {
        ApiResponse csv = get("/api/v1/decisions/export?customerId=" + encode(customerId), ANALYST);

        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo(DecisionSearch.CSV_HEADER);
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4))
                .extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactlyElementsOf(decided.reversed());
        assertThat(lines.get(2)).contains(",DECLINE,").contains(declineCode);
    }

    @Test
    void refuses_bad_filters_naming_every_one_of_them() {
        ApiResponse response = get("/api/v1/decisions/search?outcome=MAYBE&arm=blue&version=0&size=5000", ANALYST);

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.body())
                .contains("outcome")
                .contains("arm")
                .contains("version")
                .contains("\"size\"");
        ApiResponse export = get("/api/v1/decisions/export?reasonCode=" + encode("A'; drop"), ANALYST);
        assertThat(export.status()).as("%s", export).isEqualTo(400);
        assertThat(export.body()).contains("reasonCode");
        assertThat(get("/api/v1/decisions/search?size=5000", ANALYST).body()).contains("size");
    }

    @Test
    void searching_and_exporting_are_for_people_not_loan_systems() {
        assertThat(get("/api/v1/decisions/search", LOAN_SYSTEM).status()).isEqualTo(403);
        assertThat(get("/api/v1/decisions/export", LOAN_SYSTEM).status()).isEqualTo(403);
        assertThat(get("/api/v1/decisions/" + decided.getFirst() + "/contributions", LOAN_SYSTEM)
                        .status())
                .isEqualTo(403);
        assertThat(get("/api/v1/decisions/search", NOBODY).status()).isEqualTo(401);
    }

    @Test
    void counts_activity_over_a_chosen_period() {
        JsonNode during = get(
                        "/api/v1/decisions/activity?since=" + before + "&until="
                                + Instant.now().plusSeconds(5),
                        ANALYST)
                .json();
        JsonNode beforehand = get(
                        "/api/v1/decisions/activity?since=" + before.minusSeconds(3600) + "&until=" + before, ANALYST)
                .json();

        JsonNode india = during.valueStream()
                .filter(m -> m.path("market").asString().equals("IN"))
                .findFirst()
                .orElseThrow();
        assertThat(india.path("decisions").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(india.path("declined").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(beforehand
                        .valueStream()
                        .filter(m -> m.path("market").asString().equals("IN"))
                        .mapToLong(m -> m.path("decisions").asLong())
                        .sum())
                .as("decisions made after the period are not counted in it")
                .isLessThan(india.path("decisions").asLong() + 1000);
        ApiResponse backwards = get("/api/v1/decisions/activity?since=" + Instant.now() + "&until=" + before, ANALYST);
        assertThat(backwards.status()).as("%s", backwards).isEqualTo(400);
        assertThat(backwards.body()).contains("until");
    }

    @Test
    void shows_the_points_each_scorecard_characteristic_gave_with_its_reason_code() {
        JsonNode declined = get("/api/v1/decisions/" + decided.get(1), ANALYST).json();

        JsonNode explanation = get("/api/v1/decisions/" + decided.get(1) + "/contributions", ANALYST)
                .json();

        assertThat(explanation.path("kind").asString()).isEqualTo("POINTS");
        JsonNode parts = explanation.path("contributions");
        assertThat(parts.size()).isGreaterThanOrEqualTo(5);
        assertThat(parts.valueStream().map(p -> p.path("name").asString())).contains("bureauScore", "delinquencies");
        assertThat(parts.valueStream().map(p -> p.path("reasonCode").asString()))
                .contains("SC_BUREAU_SCORE");
        double sum = parts.valueStream()
                .mapToDouble(p -> p.path("amount").asDouble())
                .sum();
        assertThat(sum)
                .as("the points add up to the score (initial score 0)")
                .isCloseTo(declined.path("score").asDouble(), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void ranks_the_inputs_of_a_model_that_is_no_scorecard() {
        ApiResponse decided = decide(freshApplication("prime-GB.json"));
        String id = decided.json().path("decisionId").asString();

        JsonNode explanation =
                get("/api/v1/decisions/" + id + "/contributions", ANALYST).json();

        assertThat(explanation.path("kind").asString()).isEqualTo("RISK");
        double previous = Double.MAX_VALUE;
        for (JsonNode part : explanation.path("contributions")) {
            assertThat(part.path("amount").asDouble()).isPositive().isLessThanOrEqualTo(previous);
            previous = part.path("amount").asDouble();
        }
    }

    private JsonNode search(String query, io.credence.support.Credentials who) {
        ApiResponse response = get("/api/v1/decisions/search?" + query, who);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
