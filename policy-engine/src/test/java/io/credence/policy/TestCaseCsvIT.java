package io.credence.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.MarketParameters;
import io.credence.engine.PolicyPackage;
import io.credence.engine.SeedPackagesOnDisk;
import io.credence.support.ApiResponse;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test cases as CSV over HTTP: the seed's version 1 arrives with its scenario table as cases, exports
 * them, and a draft (on a market of its own, YZ, a copy of the MX seed) takes a file whole or not at all.
 */
class TestCaseCsvIT extends FullStackTest {

    private static final String MARKET = "YZ";
    private static final String CSV = "text/csv";

    @Test
    void the_seed_version_carries_its_scenario_table_as_passing_test_cases_and_exports_them() throws Exception {
        long shipped = Files.readAllLines(SeedPackagesOnDisk.root().resolve(Path.of("rules", "IN", "test-cases.csv")))
                        .size()
                - 1;

        JsonNode v1 = ok(get("/api/v1/markets/IN/versions/1", ANALYST)).json();
        assertThat(v1.get("testResults")).hasSize((int) shipped);
        assertThat(v1.get("testResults").findValues("passed"))
                .allSatisfy(passed -> assertThat(passed.asBoolean()).isTrue());
        assertThat(ok(get("/api/v1/markets/IN/versions/1/coverage", REVIEWER)).body())
                .as("fraud lists and velocity come from the engine's stores, not a case")
                .contains("fraud: customer on fraud list");

        ApiResponse export = ok(get("/api/v1/markets/IN/versions/1/test-cases.csv", REVIEWER));
        assertThat(export.body()).startsWith("name,applicationId,market,").contains("applicant aged 17 is declined,");
        assertThat(export.body().lines().count()).isEqualTo(shipped + 1);
    }

    @Test
    void a_file_with_a_mistake_saves_nothing_and_names_each_line_then_a_good_one_is_imported_whole() {
        int draft = created(post(versions(), ANALYST, body(mexicoAs(MARKET))))
                .get("version")
                .asInt();
        String cases = versions() + "/" + draft + "/test-cases";

        ApiResponse refused = post(cases + ".csv", ANALYST, Fixtures.text(getClass(), "mistakes.csv"), CSV);
        assertThat(refused.status()).as(refused.toString()).isIn(400, 422);
        assertThat(refused.body())
                .contains("line 3: applicant.age", "line 4: expectedOutcome")
                .doesNotContain("line 2");
        assertThat(ok(get(cases, ANALYST)).json()).isEmpty();

        JsonNode imported = ok(post(cases + ".csv", ANALYST, Fixtures.text(getClass(), "two-cases.csv"), CSV))
                .json();
        assertThat(imported.get("testResults").findValuesAsString("name"))
                .containsExactly("prime applicant approved in full at the prime rate", "applicant aged 17 is declined");
        assertThat(imported.get("testResults").findValues("passed"))
                .allSatisfy(passed -> assertThat(passed.asBoolean()).isTrue());

        String exported = ok(get(cases + ".csv", ANALYST)).body();
        JsonNode replaced =
                ok(post(cases + ".csv?replace=true", ANALYST, exported, CSV)).json();
        assertThat(replaced.get("testResults")).hasSize(2);
        assertThat(ok(get(cases + ".csv", ANALYST)).body()).isEqualTo(exported);
        assertThat(post(cases + ".csv", REVIEWER, exported, CSV).status()).isEqualTo(403);
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

    private static ObjectNode body(Map<String, String> artifacts) {
        ObjectNode body = Json.object();
        body.set("artifacts", Json.MAPPER.valueToTree(artifacts));
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
