package io.credence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem bodies written straight to the servlet response, for the answers given outside
 * Spring MVC (filters, the container): the same shape as ApiExceptionHandler's.
 */
final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    static String json(int status, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) body.put("instance", instance);
        return JSON.writeValueAsString(body);
    }

    /** Writes the problem, replacing whatever was buffered; the response must not be committed yet. */
    static void write(HttpServletResponse response, int status, String detail, String instance) throws IOException {
        response.resetBuffer();
        ApiHeaders.write(response);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json(status, detail, instance).getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    /** What the API says for a bare status code, when whoever set it gave no reason of its own. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request was rejected: its URL, headers or body are malformed or not allowed.";
            case 401 -> "Authentication required: HTTP Basic for people, X-Api-Key for loan systems.";
            case 403 -> "Your role may not do this.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 408 -> "The request took too long to arrive.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request URL is too long.";
            case 415 -> "Content type not supported; send application/json.";
            case 431 -> "The request headers are too large.";
            case 501 -> "The request uses a method or transfer encoding this server does not implement.";
            case 505 -> "This HTTP version is not supported.";
            default -> status >= 500 ? "Unexpected error; it has been logged." : title(status) + ".";
        };
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }
}
