package io.credence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem bodies written straight to the servlet response, for the answers given outside
 * Spring MVC (filters, the container): the same shape as ApiExceptionHandler's.
 */
final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    static String json(int status, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", sanitize(detail));
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

    private static final Pattern STACK_FRAME =
            Pattern.compile("(?m)^\\s*(?:at [\\w$.<>/]+\\(.*\\)|\\.\\.\\. \\d+ more)\\s*$");
    private static final Pattern BOUND_AS = Pattern.compile("\\s*\\(bound as `[^`]*`\\)");
    /**
     * A qualified Java name under a library's or the platform's root package: what follows the last dot
     * is kept. Not inside a host name or a URL ({@code www.dmg.org/PMML-4_4} stays as it is).
     */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.$/:\\\\-])"
                    + "(?:java|javax|jakarta|jdk|sun|com|org|net|io|tools|kotlin|scala|ch|de)(?:\\.[A-Za-z_$][\\w$]*)*\\.([A-Za-z_$][\\w$]*)");
    /** A throwable's simple name, with the colon that introduces its message. */
    private static final Pattern THROWABLE =
            Pattern.compile("\\b[A-Za-z_$][\\w$]*(?:Exception|Error|Throwable)\\b(?:\\s*:\\s*)?");

    private static final Pattern LIBRARY = Pattern.compile("(?i)\\bjpmml(?:-[a-z]+)*\\b|\\bjackson\\b");

    /**
     * An error message as the API may show it: the human part kept (which element, field, line and
     * column), the machinery taken out. Every message that reaches an error body passes through here:
     * libraries (jpmml, Jackson, Drools) word theirs for Java programmers, naming their classes, their
     * exceptions and their own names, which tell a client nothing and an attacker which versions run.
     */
    static String sanitize(String message) {
        if (message == null) return null;
        String text = STACK_FRAME.matcher(message).replaceAll("");
        text = text.replace("Caused by:", "");
        text = BOUND_AS.matcher(text).replaceAll("");
        text = QUALIFIED.matcher(text).replaceAll(match -> {
            String simple = match.group(1);
            return Matcher.quoteReplacement(Character.isUpperCase(simple.charAt(0)) ? simple : "");
        });
        text = THROWABLE.matcher(text).replaceAll("");
        text = LIBRARY.matcher(text)
                .replaceAll(match ->
                        match.group().toLowerCase(java.util.Locale.ROOT).contains("pmml")
                                ? "the PMML evaluator"
                                : "the JSON parser");
        text = text.replaceAll("[ \\t]*\\R[ \\t]*", " ")
                .replaceAll(" {2,}", " ")
                .strip();
        while (text.startsWith(":")) text = text.substring(1).strip();
        return text.isEmpty() ? "The input is not valid." : text;
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
