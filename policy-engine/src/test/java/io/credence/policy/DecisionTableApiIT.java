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
 * A pricing grid kept as a decision table, through the API on a market of its own (KE, a copy of the
 * IN seed): a broken cell is named by row and column, a changed APR reaches the diff as a cell and the
 * decisions of the new draft.
 */
class DecisionTableApiIT extends FullStackTest {

    private static final String MARKET = "KE";
    private static final String GRID = "pricing-grid.csv";

    @Test
    void a_draft_with_a_changed_pricing_grid_validates_diffs_by_cell_and_decides_at_the_new_apr() {
        Map<String, String> seed = indiaAs(MARKET);
        int first = created(post(versions(), ANALYST, body(null, seed, "seed copy")))
                .get("version")
                .asInt();

        String broken = seed.get(GRID).replace(",0.169", ",0.169%");
        ApiResponse invalid = post(versions() + "/validate", ANALYST, body(first, Map.of(GRID, broken), null));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(422);
        assertThat(invalid.json().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("artifact").asString()).isEqualTo(GRID);
            assertThat(e.get("line").asInt()).isEqualTo(11);
            assertThat(e.get("column").asInt()).isEqualTo(5);
            assertThat(e.get("message").asString()).startsWith("row 11, column E (APR): \"0.169%\" is not a number");
        });
        ApiResponse refused = post(versions(), ANALYST, body(first, Map.of(GRID, broken), "broken grid"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);

        String dearer = seed.get(GRID).replace(",0.169", ",0.179");
        JsonNode valid = ok(post(versions() + "/validate", ANALYST, body(first, Map.of(GRID, dearer), null)))
                .json();
        assertThat(valid.get("valid").asBoolean()).as(valid.toString()).isTrue();
        int second = created(post(versions(), ANALYST, body(first, Map.of(GRID, dearer), "near-prime +1 pt")))
                .get("version")
                .asInt();

        JsonNode diff = ok(get(versions() + "/" + second + "/diff?against=" + first, REVIEWER))
                .json();
        assertThat(diff.get("valueChanges")).singleElement().satisfies(change -> {
            assertThat(change.get("artifact").asString()).isEqualTo(GRID);
            assertThat(change.get("name").asString()).isEqualTo("pricing-grid.csv, row 11 'APR'");
            assertThat(change.get("before").asString()).isEqualTo("0.169");
            assertThat(change.get("after").asString()).isEqualTo("0.179");
        });

        ObjectNode nearPrime = Fixtures.json(getClass(), "near-prime-applicant.json");
        JsonNode before =
                ok(post(versions() + "/" + first + "/try", ANALYST, nearPrime)).json();
        JsonNode after =
                ok(post(versions() + "/" + second + "/try", ANALYST, nearPrime)).json();
        assertThat(before.at("/result/apr").asDouble()).isEqualTo(0.169);
        assertThat(after.at("/result/outcome").asString()).isEqualTo("APPROVE");
        assertThat(after.at("/result/apr").asDouble()).isEqualTo(0.179);
        assertThat(after.at("/result/rulesFired").toString())
                .contains("pricing: near-prime band: scorecard 600 to 699");
    }

    private static Map<String, String> indiaAs(String market) {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        String settings =
                artifacts.get(PolicyPackage.SETTINGS).replace("\"market\": \"IN\"", "\"market\": \"" + market + "\"");
        // A generous budget keeps a loaded CI machine from turning an approval into an EN_TIME_BUDGET referral.
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
