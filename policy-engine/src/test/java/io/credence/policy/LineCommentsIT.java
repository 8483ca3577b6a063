package io.credence.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The review's conversation: a reviewer comments on a line of the diff, the author answers, both are
 * stored with version, artifact, line, author and time, audited, and found again from the draft that
 * answers the review.
 */
class LineCommentsIT extends FullStackTest {

    private static final String MARKET = "QC";

    @Autowired
    LineComments comments;

    @Test
    void a_reviewer_and_the_author_comment_on_lines_and_the_authors_next_draft_finds_them() {
        int version = submittedVersion();

        ApiResponse reviewer =
                comment(version, REVIEWER, "approval.drl", "new", 3, "Why 100000 and not the market's income floor?");
        ApiResponse author =
                comment(version, ANALYST, "approval.drl", "new", 3, "The floor is in settings; I will use it.");
        ApiResponse removed =
                comment(version, REVIEWER2, "approval.drl", "old", 2, "This line was removed on purpose?");

        assertThat(reviewer.status()).as("%s", reviewer).isEqualTo(201);
        assertThat(author.status()).as("%s", author).isEqualTo(201);
        assertThat(removed.status()).as("%s", removed).isEqualTo(201);
        JsonNode first = reviewer.json();
        assertThat(first.path("author").asString()).isEqualTo("reviewer");
        assertThat(first.path("artifact").asString()).isEqualTo("approval.drl");
        assertThat(first.path("line").asInt()).isEqualTo(3);
        assertThat(first.path("version").asInt()).isEqualTo(version);
        assertThat(first.path("createdAt").asString()).isNotBlank();

        List<String> listed = new ArrayList<>();
        get(path(version), ANALYST)
                .json()
                .forEach(c -> listed.add(
                        c.path("author").asString() + " " + c.path("side").asString() + " "
                                + c.path("line").asInt() + ": " + c.path("text").asString()));
        assertThat(listed)
                .containsExactly(
                        "reviewer new 3: Why 100000 and not the market's income floor?",
                        "analyst new 3: The floor is in settings; I will use it.",
                        "reviewer2 old 2: This line was removed on purpose?");

        post(
                "/api/v1/markets/" + MARKET + "/versions/" + version + "/reject",
                REVIEWER,
                "{\"comment\": \"see the comments\"}");
        ObjectNode draft = Json.object().put("basedOn", version);
        int next = post("/api/v1/markets/" + MARKET + "/versions", ANALYST, draft)
                .json()
                .path("version")
                .asInt();
        assertThat(comments.forDraft(MARKET, next))
                .extracting(LineComment::text)
                .contains("Why 100000 and not the market's income floor?");

        String trail = get("/api/v1/audit?market=" + MARKET + "&action=REVIEW_COMMENT_ADDED", REVIEWER)
                .body();
        assertThat(trail)
                .contains("approval.drl line 3: Why 100000")
                .contains("approval.drl line 2 (old): This line was removed");
    }

    @Test
    void another_analyst_may_not_comment_and_a_bad_comment_names_its_fields_and_stores_nothing() {
        int version = submittedVersion();

        ApiResponse stranger = comment(version, ANALYST2, "approval.drl", "new", 1, "drive-by");
        ApiResponse bad = comment(version, REVIEWER, "approval.drl", "new", 100000, " ");
        ApiResponse unknown = comment(version, REVIEWER, "nothing.drl", "sideways", 1, "x");

        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.json().path("detail").asString())
                .contains("Only reviewers and the version's author (analyst)");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("text", "line");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactlyInAnyOrder("side", "artifact");
        assertThat(get(path(version), REVIEWER).json().size()).isZero();
    }

    private int submittedVersion() {
        Map<String, String> artifacts = new java.util.TreeMap<>(TestMarkets.artifacts(MARKET));
        ObjectNode body = Json.object();
        body.set("artifacts", Json.MAPPER.valueToTree(artifacts));
        ApiResponse created = post("/api/v1/markets/" + MARKET + "/versions", ANALYST, body);
        assertThat(created.status()).as("%s", created).isIn(200, 201);
        int version = created.json().path("version").asInt();
        assertThat(post("/api/v1/markets/" + MARKET + "/versions/" + version + "/submit", ANALYST, "{}")
                        .status())
                .isEqualTo(200);
        return version;
    }

    private ApiResponse comment(
            int version, io.credence.support.Credentials who, String artifact, String side, int line, String text) {
        return post(
                path(version), who, Json.write(Map.of("artifact", artifact, "side", side, "line", line, "text", text)));
    }

    private static String path(int version) {
        return "/api/v1/markets/" + MARKET + "/versions/" + version + "/comments";
    }

    private static List<String> fields(ApiResponse response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
