package io.credence.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.ApplicationProcess;
import io.credence.support.Credentials;
import io.credence.support.Json;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prod profile, each case in a JVM of its own on an empty data directory: it never creates the
 * demo users, and it refuses to start, saying what to set, rather than run a service nobody can use.
 */
class ProdProfileIT {

    private static final String PROD = "--spring.profiles.active=prod";
    private static final String ADMIN_PASSWORD = "prod-admin-password-0123";
    private static final String API_KEY = "prod-loan-system-key-0123456789";
    private static final Duration START = Duration.ofMinutes(5);

    @TempDir
    Path dataDir;

    @Test
    void prod_refuses_to_start_without_users_and_says_to_set_the_admin_password() {
        try (ApplicationProcess app = ApplicationProcess.start(dataDir, PROD, "--credence.api-key=" + API_KEY)) {
            assertThat(app.awaitExit(START)).isNotZero();
            assertThat(app.log())
                    .contains("No users are configured and the demo profile is off: set CREDENCE_ADMIN_PASSWORD");
        }
    }

    @Test
    void prod_refuses_to_start_without_an_api_key_and_says_to_set_one() {
        try (ApplicationProcess app =
                ApplicationProcess.start(dataDir, PROD, "--credence.admin.password=" + ADMIN_PASSWORD)) {
            assertThat(app.awaitExit(START)).isNotZero();
            assertThat(app.log()).contains("No API key is configured: set CREDENCE_API_KEY");
        }
    }

    @Test
    void prod_refuses_an_admin_password_shorter_than_twelve_characters() {
        try (ApplicationProcess app = ApplicationProcess.start(
                dataDir, PROD, "--credence.admin.password=short", "--credence.api-key=" + API_KEY)) {
            assertThat(app.awaitExit(START)).isNotZero();
            assertThat(app.log()).contains("CREDENCE_ADMIN_PASSWORD must be at least 12 characters.");
        }
    }

    @Test
    void prod_with_an_admin_password_and_a_key_starts_with_the_admin_and_no_demo_user() {
        try (ApplicationProcess app = ApplicationProcess.start(
                dataDir,
                PROD,
                "--credence.admin.password=" + ADMIN_PASSWORD,
                "--credence.api-key=" + API_KEY,
                "--credence.demo.password=demo-password-that-must-not-work")) {
            app.awaitHealthy(START);
            Credentials admin = Credentials.basic("admin", ADMIN_PASSWORD);

            ApiResponse users = app.call("GET", "/api/v1/users", admin, null);
            assertThat(users.status()).as("%s", users).isEqualTo(200);
            assertThat(Json.texts(users.json(), "username")).containsExactly("admin");
            assertThat(users.json().get(0).path("roles").toString()).contains("ADMIN");

            for (String demoUser : new String[] {"analyst", "analyst2", "reviewer", "reviewer2", "admin"}) {
                ApiResponse refused = app.call(
                        "GET",
                        "/api/v1/markets",
                        Credentials.basic(demoUser, "demo-password-that-must-not-work"),
                        null);
                assertThat(refused.status())
                        .as("%s with the demo password", demoUser)
                        .isEqualTo(401);
            }
            assertThat(app.call("POST", "/api/v1/decisions", Credentials.apiKey(API_KEY), "{}")
                            .status())
                    .as("the configured key is a loan system's")
                    .isEqualTo(400);
            assertThat(app.log()).doesNotContain(ADMIN_PASSWORD).doesNotContain(API_KEY);
        }
    }
}
