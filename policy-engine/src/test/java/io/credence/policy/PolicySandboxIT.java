package io.credence.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * The policy sandbox over HTTP, as a hostile analyst would try it: the escapes are refused at
 * validation with a 422 naming the rule, nothing runs and nothing is stored, and the server keeps
 * deciding for every other market.
 */
class PolicySandboxIT extends FullStackTest {

    private static final String MARKET = "GB";

    @TempDir
    Path folder;

    @Test
    void validate_refuses_code_hidden_in_a_text_block_and_none_of_it_runs() {
        Path marker = folder.resolve("escaped");
        String escape = Fixtures.text(getClass(), "text-block-escape.drl").replace("MARKER", marker.toString());

        ApiResponse validated = post("/api/v1/markets/" + MARKET + "/versions/validate", ANALYST, body(escape));

        assertThat(validated.status()).as("%s", validated).isEqualTo(422);
        assertThat(validated.json().get("errors").toString())
                .contains("approval.drl")
                .contains("text block");
        assertThat(marker).as("the file the hidden code would write").doesNotExist();
    }

    @Test
    void a_draft_hiding_code_in_a_text_block_is_refused_and_nothing_is_stored() {
        Path marker = folder.resolve("escaped-draft");
        String escape = Fixtures.text(getClass(), "text-block-escape.drl").replace("MARKER", marker.toString());
        int before =
                get("/api/v1/markets/" + MARKET + "/versions", ANALYST).json().size();

        ApiResponse created = post("/api/v1/markets/" + MARKET + "/versions", ANALYST, body(escape));

        assertThat(created.status()).as("%s", created).isEqualTo(422);
        assertThat(marker).doesNotExist();
        assertThat(get("/api/v1/markets/" + MARKET + "/versions", ANALYST)
                        .json()
                        .size())
                .isEqualTo(before);
    }

    @Test
    void a_regular_expression_bomb_is_refused_at_validation_and_the_market_keeps_approving() {
        ApiResponse validated = post(
                "/api/v1/markets/" + MARKET + "/versions/validate",
                ANALYST,
                body(Fixtures.text(getClass(), "regex-bomb.drl")));

        assertThat(validated.status()).as("%s", validated).isEqualTo(422);
        assertThat(validated.json().get("errors").toString()).contains("regular expression");
        ApiResponse decided = decide(freshApplication("prime-GB.json"));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.json().path("outcome").asString()).isEqualTo("APPROVE");
    }

    /** The market's package with the rule added to approval.drl. */
    private static ObjectNode body(String rule) {
        Map<String, String> artifacts = new TreeMap<>(TestMarkets.artifacts(MARKET));
        artifacts.put("approval.drl", artifacts.get("approval.drl") + rule);
        ObjectNode body = Json.object();
        body.set("artifacts", Json.MAPPER.valueToTree(artifacts));
        return body;
    }
}
