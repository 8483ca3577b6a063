package io.credence.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiResponse;
import io.credence.support.Credentials;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The role matrix, RoleMatrixIT/matrix.csv, played over HTTP: every endpoint as every caller, anonymous,
 * a loan system's API key, an analyst, a reviewer and an admin. The matrix must also name every
 * operation the OpenAPI document lists, so an endpoint added without deciding who may call it fails here.
 */
class RoleMatrixIT extends FullStackTest {

    private static final List<String> CALLERS = List.of("anonymous", "api-key", "analyst", "reviewer", "admin");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    record Row(String method, String path, String body, List<String> expected) {

        @Override
        public String toString() {
            return method + " " + path + (body.equals("-") ? "" : " with " + body);
        }
    }

    static Stream<Row> matrix() {
        return rows().stream();
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : Fixtures.text(RoleMatrixIT.class, "matrix.csv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = Arrays.stream(line.split(",")).map(String::trim).toArray(String[]::new);
            if (cells.length != 3 + CALLERS.size()) throw new IllegalStateException("malformed matrix row: " + line);
            rows.add(new Row(cells[0], cells[1], cells[2], List.of(cells).subList(3, cells.length)));
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void every_caller_is_refused_or_admitted_as_the_matrix_says(Row row) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            ApiResponse response = send(row, credentials(CALLERS.get(i)));
            String expected = row.expected().get(i);
            boolean right = switch (expected) {
                case "ok" -> response.status() != 401 && response.status() != 403 && response.status() < 500;
                case "401", "403" -> response.status() == Integer.parseInt(expected);
                default -> throw new IllegalStateException("unknown expectation " + expected + " in " + row);
            };
            if (!right) wrong.add(CALLERS.get(i) + ": expected " + expected + ", got " + response);
        }
        assertThat(wrong).as("%s", row).isEmpty();
    }

    @Test
    void the_matrix_names_every_operation_the_api_documents() {
        List<Row> rows = rows();
        List<String> missing = new ArrayList<>();
        get("/v3/api-docs", NOBODY).json().get("paths").properties().forEach(path -> {
            Pattern template = Pattern.compile(path.getKey().replaceAll("\\{[^/]+}", "[^/]+"));
            path.getValue().properties().forEach(operation -> {
                String method = operation.getKey().toUpperCase();
                boolean covered = rows.stream()
                        .anyMatch(row -> row.method().equals(method)
                                && template.matcher(row.path().split("\\?")[0]).matches());
                if (!covered) missing.add(method + " " + path.getKey());
            });
        });
        assertThat(missing)
                .as("operations without a row in RoleMatrixIT/matrix.csv")
                .isEmpty();

        Map<String, Integer> cells = new TreeMap<>();
        rows.forEach(row -> row.expected().forEach(cell -> cells.merge(cell, 1, Integer::sum)));
        System.out.printf(
                "RoleMatrixIT: %d rows x %d callers = %d calls; %s%n",
                rows.size(), CALLERS.size(), rows.size() * CALLERS.size(), cells);
    }

    private static Credentials credentials(String caller) {
        return switch (caller) {
            case "anonymous" -> NOBODY;
            case "api-key" -> LOAN_SYSTEM;
            case "analyst" -> ANALYST;
            case "reviewer" -> REVIEWER;
            case "admin" -> ADMIN;
            default -> throw new IllegalArgumentException(caller);
        };
    }

    private ApiResponse send(Row row, Credentials credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + row.path()))
                .timeout(Duration.ofSeconds(60));
        if (credentials.header() != null) request.header(credentials.header(), credentials.value());
        if (row.body().equals("-")) {
            request.method(row.method(), HttpRequest.BodyPublishers.noBody());
        } else if (row.body().endsWith(".multipart")) {
            String body = Fixtures.text(RoleMatrixIT.class, row.body())
                    .replace("\r\n", "\n")
                    .replace("\n", "\r\n");
            request.header("Content-Type", "multipart/form-data; boundary=credence-matrix")
                    .method(row.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.header("Content-Type", row.body().endsWith(".csv") ? "text/csv" : "application/json")
                    .method(
                            row.method(),
                            HttpRequest.BodyPublishers.ofString(Fixtures.text(RoleMatrixIT.class, row.body())));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
