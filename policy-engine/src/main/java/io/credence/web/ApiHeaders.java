package io.credence.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every API answer. An API answer is JSON that no browser should render,
 * frame or follow links from, so the content security policy allows nothing at all. Spring Security
 * writes them on the answers of its API chain; {@link ApiBoundaryFilter} and {@link ProblemReportValve}
 * also write them on the errors that happen before that chain runs.
 */
public final class ApiHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    public static final String REFERRER_POLICY = "no-referrer";

    private ApiHeaders() {}

    static void write(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }

    static boolean isApi(String requestUri) {
        return requestUri != null && (requestUri.equals("/api") || requestUri.startsWith("/api/"));
    }
}
