package io.credence.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.Credentials;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API reads JSON, and multipart only where the contract takes a file: anything else is a 415 with
 * a problem body, and a decision request sent as text is not decided.
 */
class ContentTypesIT extends FullStackTest {

    @LocalServerPort
    private int port;

    @ParameterizedTest(name = "a decision request sent as {0} is refused with 415 and not decided")
    @ValueSource(
            strings = {
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/xml",
                "text/csv",
                "multipart/form-data; boundary=x",
                "application/octet-stream",
                "none",
                "garbage///"
            })
    void a_decision_request_that_is_not_json_is_refused_with_415_and_not_decided(String type) throws IOException {
        ObjectNode application = application();

        RawHttp.Response response = send("POST", "/api/v1/decisions", LOAN_SYSTEM, type, application.toString());

        assertThat(response.status()).as(response.text()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = Json.read(response.text());
        assertThat(problem.path("status").asInt()).isEqualTo(415);
        assertThat(problem.path("detail").asString()).contains("application/json");
        assertThat(get(
                                "/api/v1/decisions?applicationId="
                                        + application.path("applicationId").asString(),
                                ANALYST)
                        .json())
                .isEmpty();
    }

    @ParameterizedTest(name = "a decision request sent as {0} is decided")
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "APPLICATION/JSON"})
    void json_with_or_without_a_charset_is_decided(String type) throws IOException {
        RawHttp.Response response = send(
                "POST", "/api/v1/decisions", LOAN_SYSTEM, type, application().toString());

        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    @Test
    void every_json_endpoint_refuses_text_with_415() throws IOException {
        assertThat(send("POST", "/api/v1/markets/XC/versions", ANALYST, "text/plain", "{}")
                        .status())
                .isEqualTo(415);
        assertThat(send(
                                "POST",
                                "/api/v1/markets/IN/versions/1/try",
                                ANALYST,
                                "text/plain",
                                application().toString())
                        .status())
                .isEqualTo(415);
        assertThat(send("POST", "/api/v1/scorecards/evaluate", ANALYST, "text/xml", "<PMML/>")
                        .status())
                .isEqualTo(415);
        assertThat(send("POST", "/api/v1/api-keys", ADMIN, "text/plain", "{\"name\": \"x\"}")
                        .status())
                .isEqualTo(415);
        assertThat(send("PUT", "/api/v1/users/nobody/enabled", ADMIN, "text/plain", "{\"enabled\": true}")
                        .status())
                .isEqualTo(415);
    }

    @Test
    void multipart_stays_accepted_where_the_contract_takes_a_file_and_nowhere_else() throws IOException {
        String boundary = "credence-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"candidateVersion\": 1}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\napplicant.age\n34\n\r\n--" + boundary + "--\r\n";
        String type = "multipart/form-data; boundary=" + boundary;

        RawHttp.Response upload = send("POST", "/api/v1/markets/IN/simulations", ANALYST, type, body);
        RawHttp.Response elsewhere = send("POST", "/api/v1/markets/IN/versions/validate", ANALYST, type, body);

        assertThat(upload.status()).as(upload.text()).isNotEqualTo(415).isLessThan(500);
        assertThat(elsewhere.status()).as(elsewhere.text()).isEqualTo(415);
    }

    @Test
    void a_post_without_a_body_needs_no_content_type() throws IOException {
        RawHttp.Response response = send("POST", "/api/v1/markets/ZZ/versions/1/submit", ANALYST, "none", null);

        assertThat(response.status()).as(response.text()).isEqualTo(404);
    }

    private ObjectNode application() {
        ObjectNode application = Fixtures.json(getClass(), "prime-applicant.json");
        application.put("applicationId", "CT-" + UUID.randomUUID());
        return application;
    }

    private RawHttp.Response send(String method, String path, Credentials who, String type, String body)
            throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(who.header(), who.value());
        if (!type.equals("none")) headers.put("Content-Type", type);
        return RawHttp.send(
                port,
                method,
                path.getBytes(StandardCharsets.ISO_8859_1),
                headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                false);
    }
}
