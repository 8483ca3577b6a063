package io.credence.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The API's edge: security headers on every answer, whoever produced it; request bodies capped whether
 * their length is declared or not; parser limits and malformed requests answered 4xx with a problem
 * body; and no error, wherever it happens, showing a stack trace or the server's internals.
 */
class ApiHardeningIT extends FullStackTest {

    @LocalServerPort
    private int port;

    @ParameterizedTest(name = "{0} {1} as {2} ({3}) carries the API security headers")
    @CsvSource({
        "GET,  /api/v1/markets,                        analyst,   200",
        "GET,  /api/v1/markets,                        anonymous, 401",
        "POST, /api/v1/users,                          reviewer,  403",
        "GET,  /api/v1/markets/XH/versions/abc,        analyst,   400",
        "GET,  /api/v1/markets/XH/versions/../x,       analyst,   400",
        "GET,  /api/v1/markets/XH%00/versions,         analyst,   400",
        "GET,  /api/v1/nothing-here,                   analyst,   404"
    })
    void every_api_answer_carries_the_security_headers(String method, String path, String who, int status)
            throws IOException {
        RawHttp.Response response = raw(method, path, who, null, Map.of());

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Strict-Transport-Security"))
                .as("plain HTTP gets no HSTS")
                .isNull();
        if (status >= 400) assertProblem(response, status);
    }

    @Test
    void hsts_is_sent_when_a_trusted_proxy_says_the_request_came_over_tls() throws IOException {
        RawHttp.Response response =
                raw("GET", "/api/v1/markets", "analyst", null, Map.of("X-Forwarded-Proto", "https"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Strict-Transport-Security"))
                .contains("max-age=31536000")
                .contains("includeSubDomains");
    }

    @ParameterizedTest(name = "{0} {1} with {2} bytes, chunked={3}: {4}")
    @CsvSource({
        "POST, /api/v1/fraud-lists/XH,      1100000, false, 413",
        "POST, /api/v1/fraud-lists/XH,      1100000, true,  413",
        "POST, /api/v1/markets/XH/versions, 1100000, true,  400",
        "POST, /api/v1/markets/XH/versions, 4500000, true,  413",
        "POST, /api/v1/decisions,           270000,  false, 413",
        "POST, /api/v1/decisions,           270000,  true,  413",
        "PUT,  /api/v1/users/nobody/enabled, 1100000, true, 413"
    })
    void a_body_over_its_limit_is_refused_with_413_whether_declared_or_chunked(
            String method, String path, int size, boolean chunked, int status) throws IOException {
        String who = path.contains("/versions") ? "analyst" : path.contains("decisions") ? "loan system" : "admin";
        byte[] body = ("{\"note\": \"" + "n".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(credentials(who));
        headers.put("Content-Type", "application/json");

        RawHttp.Response response =
                RawHttp.send(port, method, path.getBytes(StandardCharsets.ISO_8859_1), headers, body, chunked);

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertProblem(response, status);
        if (status == 413)
            assertThat(problem(response).path("detail").asString())
                    .startsWith("The request body is larger than the limit");
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_before_the_body_is_read() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(credentials("admin"));
        headers.put("Content-Type", "application/json");
        headers.put("Content-Length", "50000000");

        RawHttp.Response response = RawHttp.send(
                port, "POST", "/api/v1/api-keys".getBytes(StandardCharsets.ISO_8859_1), headers, new byte[0], false);

        assertThat(response.status()).isEqualTo(413);
        assertThat(problem(response).path("detail").asString())
                .isEqualTo("The request body is larger than the limit of 1 MiB.");
    }

    @ParameterizedTest(name = "{0} is refused with 400, not 500")
    @CsvSource(
            delimiter = '|',
            value = {
                "nesting 2000 deep                   | /api/v1/markets/XH/versions | analyst     | DEEP",
                "a number of 2000 digits             | /api/v1/markets/XH/versions | analyst     | {\"basedOn\": LONG}",
                "a field of the wrong type           | /api/v1/markets/XH/versions | analyst     | {\"basedOn\": \"three\"}",
                "an unknown enum value               | /api/v1/markets/XH/experiments | reviewer | {\"challengerVersion\": 2, \"trafficPercent\": 10, \"mode\": \"SIDEWAYS\"}",
                "a lone surrogate and a NUL          | /api/v1/fraud-lists/XH      | admin       | {\"list\": \"\\ud800\\u0000\", \"entry\": \"\\u202e\\u200b\"}",
                "a decision nested 2000 deep         | /api/v1/decisions           | loan system | DEEP",
                "a decision with 1e309 as its amount | /api/v1/decisions           | loan system | AMOUNT",
                "a decision with NaN as its amount   | /api/v1/decisions           | loan system | NAN"
            })
    void parser_limits_and_odd_input_are_refused_with_400_not_500(String what, String path, String who, String body)
            throws IOException {
        String decision =
                Fixtures.text(getClass(), "prime-applicant.json").replace("\"market\": \"IN\"", "\"market\": \"XH\"");
        String text = switch (body) {
            case "DEEP" -> "[".repeat(2000) + "]".repeat(2000);
            case "AMOUNT" -> decision.replace("\"amount\": 300000", "\"amount\": 1e309");
            case "NAN" -> decision.replace("\"amount\": 300000", "\"amount\": NaN");
            default -> body.replace("LONG", "9".repeat(2000));
        };
        Map<String, String> headers = new LinkedHashMap<>(credentials(who));
        headers.put("Content-Type", "application/json");

        RawHttp.Response response = RawHttp.send(
                port,
                "POST",
                path.getBytes(StandardCharsets.ISO_8859_1),
                headers,
                text.getBytes(StandardCharsets.UTF_8),
                false);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertProblem(response, 400);
    }

    @ParameterizedTest(name = "{0}: a problem body without internals")
    @CsvSource(
            delimiter = '|',
            value = {
                "the firewall refuses a traversal            | GET  | /api/v1/markets/%2e%2e/versions      | analyst     | 400 |",
                "Tomcat refuses an encoded NUL               | GET  | /api/v1/decisions/a%00b              | analyst     | 400 |",
                "Tomcat refuses a climb above the root       | GET  | /api/v1/%2e%2e/%2e%2e/%2e%2e/x       | analyst     | 400 |",
                "a request line Tomcat cannot parse          | GET  | /api/v1/markets/<x>                  | analyst     | 400 |",
                "a multipart type without a multipart body   | POST | /api/v1/markets/XH/simulations       | analyst     | 400 | multipart/form-data",
                "a multipart body where JSON is expected     | POST | /api/v1/decisions                    | loan system | 415 | multipart/form-data",
                "a query string with a bad escape            | GET  | /api/v1/audit?x=%zz                  | analyst     | 400 |",
                "a query string with an empty name           | GET  | /api/v1/audit?=&&=                   | analyst     | 400 |",
                "a wildcard Content-Type                     | POST | /api/v1/api-keys                     | admin       | 415 | */*",
                "a form body where JSON is expected          | PUT  | /api/v1/users/nobody/enabled         | admin       | 415 | form",
                "a malformed Basic header                    | GET  | /api/v1/markets                      | garbled     | 401 |",
                "a transfer encoding Tomcat does not know    | POST | /api/v1/decisions                    | loan system | 501 | gzip"
            })
    void errors_outside_controllers_are_problems_without_internals(
            String what, String method, String path, String who, int status, String extra) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(credentials(who));
        byte[] body = null;
        if ("multipart/form-data".equals(extra)) {
            headers.put("Content-Type", extra);
            body = "not multipart".getBytes(StandardCharsets.UTF_8);
        } else if ("gzip".equals(extra)) {
            headers.put("Transfer-Encoding", "gzip");
        } else if ("*/*".equals(extra)) {
            headers.put("Content-Type", extra);
            body = "{}".getBytes(StandardCharsets.UTF_8);
        } else if ("form".equals(extra)) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            body = "enabled=%zz".getBytes(StandardCharsets.UTF_8);
        }

        RawHttp.Response response =
                RawHttp.send(port, method, path.getBytes(StandardCharsets.ISO_8859_1), headers, body, false);

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertProblem(response, status);
    }

    @Test
    void a_call_riding_on_a_session_cookie_must_carry_a_csrf_token_and_one_with_its_own_credentials_need_not()
            throws IOException {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> cookieOnly =
                Map.of("Cookie", "JSESSIONID=0123456789ABCDEF", "Content-Type", "application/json");
        Map<String, String> cookieAndBasic = new LinkedHashMap<>(cookieOnly);
        cookieAndBasic.putAll(credentials("admin"));

        RawHttp.Response refused = RawHttp.send(
                port, "POST", "/api/v1/api-keys".getBytes(StandardCharsets.ISO_8859_1), cookieOnly, body, false);
        RawHttp.Response admitted = RawHttp.send(
                port, "POST", "/api/v1/api-keys".getBytes(StandardCharsets.ISO_8859_1), cookieAndBasic, body, false);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(problem(refused).path("detail").asString()).contains("CSRF token");
        assertThat(admitted.status())
                .as("Basic credentials are not sent by a browser on its own")
                .isEqualTo(400);
    }

    /** PostgreSQL refuses NUL in text; H2 stores it. Either way the answer is not a 5xx. */
    @ParameterizedTest(name = "a NUL character in {0} {1} is stored or refused, never a 5xx")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET  | /api/v1/decisions?outcome=APPROVE%00 | analyst |",
                "GET  | /api/v1/audit?actor=a%00b             | admin   |",
                "POST | /api/v1/api-keys                      | admin   | {\"name\": \"nul\\u0000name\"}",
                "POST | /api/v1/fraud-lists/XH                | admin   | {\"list\": \"DEVICE\", \"entry\": \"d-nul\\u0000\", \"reason\": \"a\\u0000b\"}"
            })
    void a_nul_character_is_stored_or_refused_but_never_answered_with_a_5xx(
            String method, String path, String who, String body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(credentials(who));
        headers.put("Content-Type", "application/json");

        RawHttp.Response response = RawHttp.send(
                port,
                method,
                path.getBytes(StandardCharsets.ISO_8859_1),
                headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                false);

        assertThat(response.status()).as(response.text()).isLessThan(500);
        if (response.status() >= 400) assertProblem(response, response.status());
    }

    @Test
    void an_accept_header_nobody_can_parse_is_ignored_so_even_an_error_has_its_body() throws IOException {
        RawHttp.Response ok = raw("GET", "/api/v1/markets", "analyst", null, Map.of("Accept", "*/*;q=x"));
        RawHttp.Response missing =
                raw("GET", "/api/v1/markets/XH/experiments/none", "analyst", null, Map.of("Accept", "garbage"));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(missing.status()).isEqualTo(404);
        assertProblem(missing, 404);
    }

    @Test
    void spring_boots_error_page_shows_no_trace_exception_or_message() throws IOException {
        RawHttp.Response response = raw("GET", "/error", "anonymous", null, Map.of());

        assertThat(response.text())
                .doesNotContain("trace")
                .doesNotContain("exception")
                .doesNotContain("message");
    }

    private RawHttp.Response raw(String method, String path, String who, byte[] body, Map<String, String> extra)
            throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(credentials(who));
        headers.putAll(extra);
        return RawHttp.send(port, method, path.getBytes(StandardCharsets.ISO_8859_1), headers, body, false);
    }

    private static Map<String, String> credentials(String who) {
        var credentials = switch (who) {
            case "analyst" -> ANALYST;
            case "reviewer" -> REVIEWER;
            case "admin" -> ADMIN;
            case "loan system" -> LOAN_SYSTEM;
            case "garbled" -> new io.credence.support.Credentials("Authorization", "Basic !!not-base64!!");
            default -> NOBODY;
        };
        return credentials.header() == null ? Map.of() : Map.of(credentials.header(), credentials.value());
    }

    private static JsonNode problem(RawHttp.Response response) {
        return Json.read(response.text());
    }

    private static void assertProblem(RawHttp.Response response, int status) {
        assertThat(response.header("Content-Type")).contains("json");
        JsonNode problem = problem(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(response.text())
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("org.springframework")
                .doesNotContain("org.apache");
    }
}
