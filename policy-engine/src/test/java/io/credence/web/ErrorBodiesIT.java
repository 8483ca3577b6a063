package io.credence.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.Credentials;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.node.ObjectNode;

/**
 * No error body names a library or a Java class: a corpus of malformed bodies is sent to every
 * operation the OpenAPI document lists that takes a body, as every role, plus the PMML documents an
 * analyst or an attacker might paste into the scorecard evaluator, and decision requests that are wrong
 * in every way the parser can see. Every 4xx must be a problem body whose text holds none of the
 * markers below, while still saying what was wrong.
 */
class ErrorBodiesIT extends FullStackTest {

    private static final Pattern INTERNALS = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|org\\.|com\\.|tools\\.jackson|Exception|Throwable|jpmml|(?i:jackson)|\\tat |"
                    + "io\\.credence\\.|\\.java\\b|\\$[A-Z]");

    private static final List<String> MALFORMED = List.of(
            "",
            "{",
            "}",
            "[]",
            "null",
            "\"text\"",
            "42",
            "{\"a\":}",
            "{\"a\": 1,}",
            "{'a': 1}",
            "{\"a\": 1} trailing",
            "{\"a\": 1, \"a\": 2}",
            "[".repeat(3000),
            "{\"n\": " + "9".repeat(3000) + "}",
            "{\"n\": 1e999999}",
            "{\"n\": NaN}",
            "{\"s\": \"\\ud800\"}",
            "{\"s\": \"\\u0000\"}",
            "\u0000\u0001\u0002",
            "{\"name\": {\"nested\": [1, 2, {\"x\": true}]}, \"rows\": 5, \"pmml\": 7, \"artifacts\": \"x\","
                    + " \"enabled\": \"maybe\", \"trafficPercent\": \"ten\", \"mode\": \"SIDEWAYS\", \"roles\": 3,"
                    + " \"candidateVersion\": \"one\", \"basedOn\": [], \"list\": {}, \"password\": false}",
            "{\"artifacts\": {\"approval.drl\": \"rule x when then end\"}}",
            "{\"artifacts\": {\"approval.drl\": \"package p; import java.io.File; rule r when then new File(\\\"/x\\\").delete(); end\"}}",
            "{\"application\": {\"applicant\": 5}}",
            "{\"expectedOutcome\": 3, \"application\": []}");

    /** People with a cheap bcrypt cost, so that thousands of Basic logins do not spend the run hashing. */
    private static final String PASSWORD = "error-bodies-password";

    @LocalServerPort
    private int port;

    private final JdbcTemplate jdbc;

    @Autowired
    ErrorBodiesIT(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @BeforeEach
    void cheapUsers() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (String role : List.of("ANALYST", "REVIEWER", "ADMIN")) {
            String username = "bodies-" + role.toLowerCase();
            if (jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username) == 0) {
                jdbc.update(
                        "insert into app_user (username, password_hash, roles, enabled, created_at) values (?, ?, ?, true, ?)",
                        username,
                        hash,
                        role,
                        java.sql.Timestamp.from(java.time.Instant.now()));
            }
        }
    }

    @Test
    void malformed_bodies_on_every_json_endpoint_as_every_role_get_errors_without_internals() throws IOException {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String[] operation : operationsWithBodies()) {
            String path = concrete(operation[1]);
            for (Map.Entry<String, Credentials> role : roles().entrySet()) {
                for (String body : MALFORMED) {
                    RawHttp.Response response = send(operation[0], path, role.getValue(), body);
                    sent++;
                    check(
                            operation[0] + " " + path + " as " + role.getKey() + " with " + abbreviate(body),
                            response,
                            failures);
                }
            }
        }
        assertThat(sent).isGreaterThan(1000);
        assertThat(failures)
                .as(
                        "%d answers broke a rule, for example:%n%s",
                        failures.size(),
                        String.join("\n", failures.stream().limit(20).toList()))
                .isEmpty();
    }

    @Test
    void pmml_the_evaluator_refuses_is_explained_without_naming_the_library_or_its_classes() throws IOException {
        List<String> failures = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        for (String pmml : Fixtures.text(getClass(), "pmml-corpus.txt").split("(?m)^----\\s*$")) {
            String document = pmml.lines()
                    .filter(line -> !line.startsWith("#"))
                    .reduce("", (a, b) -> a + b + "\n")
                    .strip();
            for (Object cell : List.of("abc", 1.5, true, Map.of("nested", 1), List.of(1, 2), "9".repeat(400))) {
                ObjectNode request = Json.object().put("pmml", document);
                request.putArray("rows").add(Json.MAPPER.valueToTree(Map.of("x", cell)));
                RawHttp.Response response = send("POST", "/api/v1/scorecards/evaluate", ANALYST, request.toString());
                statuses.add(response.status());
                check(
                        "PMML " + abbreviate(document) + " with x = " + abbreviate(String.valueOf(cell)),
                        response,
                        failures);
            }
        }
        assertThat(statuses).contains(422, 400);
        assertThat(failures)
                .as(
                        "%d answers broke a rule, for example:%n%s",
                        failures.size(),
                        String.join("\n", failures.stream().limit(20).toList()))
                .isEmpty();
    }

    @Test
    void a_pmml_parse_error_keeps_its_human_part_the_line_and_what_is_wrong() throws IOException {
        ObjectNode request = Json.object()
                .put(
                        "pmml",
                        "<?xml version=\"1.0\"?>\n<PMML xmlns=\"http://www.dmg.org/PMML-4_4\""
                                + " version=\"4.4\">\n<Header/>\n<DataDictionary>\n<DataField name=\"x\" optype=\"continuous\" "
                                + "dataType=\"double\">\n</DataDictionary>\n</PMML>");
        request.putArray("rows");

        RawHttp.Response response = send("POST", "/api/v1/scorecards/evaluate", ANALYST, request.toString());

        assertThat(response.status()).isEqualTo(422);
        String detail = Json.read(response.text()).path("detail").asString();
        assertThat(detail)
                .startsWith("The PMML does not load: ")
                .contains("DataField")
                .contains("(line 6, column ");
        assertThat(INTERNALS.matcher(detail).find()).as(detail).isFalse();
    }

    @Test
    void a_decision_request_wrong_in_every_field_names_each_without_internals() throws IOException {
        ObjectNode application = Fixtures.json(getClass(), "prime-applicant.json");
        application.put("applicationId", "∞ not an id");
        application.put("product", List.of(1).toString());
        ((ObjectNode) application.get("applicant")).put("age", "java.lang.Integer");
        ((ObjectNode) application.get("applicant")).put("employmentStatus", "org.example.Status");
        ((ObjectNode) application.get("loan")).put("currency", "USD");
        ((ObjectNode) application.get("bureau")).put("score", 99_999);

        RawHttp.Response response = send("POST", "/api/v1/decisions", LOAN_SYSTEM, application.toString());

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(Json.texts(Json.read(response.text()).path("errors"), "field"))
                .containsExactly(
                        "applicationId",
                        "product",
                        "applicant.age",
                        "applicant.employmentStatus",
                        "loan.currency",
                        "bureau.score");
        assertThat(INTERNALS.matcher(response.text()).find())
                .as(response.text())
                .isFalse();
    }

    private static void check(String what, RawHttp.Response response, List<String> failures) {
        String body = response.text();
        if (response.status() >= 500) {
            failures.add(what + ": answered " + response.status() + " " + abbreviate(body));
        } else if (response.status() >= 400) {
            String type = response.header("Content-Type");
            if (type == null || !type.contains("json"))
                failures.add(what + ": a " + response.status() + " that is not JSON");
            else if (Json.read(body).path("detail").asString("").isBlank())
                failures.add(what + ": a problem without a detail");
            var internals = INTERNALS.matcher(body);
            if (internals.find()) failures.add(what + ": shows '" + internals.group() + "' in " + abbreviate(body));
        }
    }

    /** Every operation the OpenAPI document lists that takes a request body. */
    private List<String[]> operationsWithBodies() {
        ApiResponse apiDocs = get("/v3/api-docs", NOBODY);
        assertThat(apiDocs.status()).isEqualTo(200);
        List<String[]> operations = new ArrayList<>();
        apiDocs.json()
                .get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (operation.getValue().has("requestBody")) {
                        operations.add(new String[] {operation.getKey().toUpperCase(), path.getKey()});
                    }
                }));
        assertThat(operations).hasSizeGreaterThan(10);
        return operations;
    }

    /** A documented path with its variables filled: a market of the test's own, version 1, unknown ids. */
    private static String concrete(String template) {
        return template.replace("{market}", "XE")
                .replace("{version}", "1")
                .replace("{username}", "nobody-xe")
                .replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
    }

    private static Map<String, Credentials> roles() {
        Map<String, Credentials> roles = new LinkedHashMap<>();
        roles.put("anonymous", Credentials.NONE);
        roles.put("api key", LOAN_SYSTEM);
        roles.put("analyst", Credentials.basic("bodies-analyst", PASSWORD));
        roles.put("reviewer", Credentials.basic("bodies-reviewer", PASSWORD));
        roles.put("admin", Credentials.basic("bodies-admin", PASSWORD));
        return roles;
    }

    private RawHttp.Response send(String method, String path, Credentials who, String body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (who.header() != null) headers.put(who.header(), who.value());
        headers.put("Content-Type", "application/json");
        return RawHttp.send(
                port,
                method,
                path.getBytes(StandardCharsets.ISO_8859_1),
                headers,
                body.getBytes(StandardCharsets.UTF_8),
                false);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
    }
}
