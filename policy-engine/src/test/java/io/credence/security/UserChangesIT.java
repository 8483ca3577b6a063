package io.credence.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.Credentials;
import io.credence.support.FullStackTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Granting a role or resetting another user's password takes two admins (contract: Policy lifecycle changes). */
class UserChangesIT extends FullStackTest {

    @Test
    void an_account_with_a_role_exists_only_once_a_second_admin_approves_it() {
        ApiResponse proposed = post(
                "/api/v1/users",
                ADMIN,
                "{\"username\": \"proxy-reviewer\", \"password\": \"proxy-password-123\", \"roles\": [\"REVIEWER\"]}");

        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
        assertThat(proposed.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(proposed.toString()).doesNotContain("proxy-password-123");
        Credentials proxy = Credentials.basic("proxy-reviewer", "proxy-password-123");
        assertThat(get("/api/v1/markets", proxy).status()).as("no account yet").isEqualTo(401);
        String id = proposed.json().get("id").asString();
        assertThat(ids(get("/api/v1/users/changes", ADMIN2).json())).contains(id);

        ApiResponse own = post("/api/v1/users/changes/" + id + "/approve", ADMIN, "{}");
        assertThat(own.status()).as("the proposer approves their own").isEqualTo(403);
        assertThat(post("/api/v1/users/changes/" + id + "/approve", REVIEWER, "{}")
                        .status())
                .isEqualTo(403);
        JsonNode approved = ok(post("/api/v1/users/changes/" + id + "/approve", ADMIN2, "{}"))
                .json();

        assertThat(approved.get("username").asString()).isEqualTo("proxy-reviewer");
        assertThat(get("/api/v1/markets", proxy).status()).isEqualTo(200);
        assertThat(ids(get("/api/v1/users/changes", ADMIN).json())).doesNotContain(id);
        assertThat(post("/api/v1/users/changes/" + id + "/approve", ADMIN2, "{}")
                        .status())
                .as("approve twice")
                .isEqualTo(409);
        List<String> audit = new ArrayList<>();
        get("/api/v1/audit?action=USER_CHANGE_APPROVED", ADMIN)
                .json()
                .forEach(e -> audit.add(
                        e.get("actor").asString() + " " + e.get("subject").asString()));
        assertThat(audit).contains("admin2 proxy-reviewer");
    }

    @Test
    void resetting_another_users_password_waits_for_a_second_admin_and_can_be_rejected() {
        ok(post(
                "/api/v1/users/changes/"
                        + post(
                                        "/api/v1/users",
                                        ADMIN,
                                        "{\"username\": \"reset-me\", \"password\": \"first-password-123\", \"roles\": [\"ANALYST\"]}")
                                .json()
                                .get("id")
                                .asString()
                        + "/approve",
                ADMIN2,
                "{}"));

        ApiResponse reset = post(
                "/api/v1/users",
                ADMIN2,
                "{\"username\": \"reset-me\", \"password\": \"taken-over-123\", \"roles\": [\"ANALYST\"]}");
        assertThat(reset.status()).isEqualTo(202);
        assertThat(reset.json().get("resetsPassword").asBoolean()).isTrue();
        assertThat(get("/api/v1/markets", Credentials.basic("reset-me", "taken-over-123"))
                        .status())
                .isEqualTo(401);

        ok(post("/api/v1/users/changes/" + reset.json().get("id").asString() + "/reject", ADMIN, "{}"));

        assertThat(get("/api/v1/markets", Credentials.basic("reset-me", "first-password-123"))
                        .status())
                .isEqualTo(200);
        assertThat(get("/api/v1/markets", Credentials.basic("reset-me", "taken-over-123"))
                        .status())
                .isEqualTo(401);
    }

    private static List<String> ids(JsonNode changes) {
        List<String> ids = new ArrayList<>();
        changes.forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    private static ApiResponse ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }
}
