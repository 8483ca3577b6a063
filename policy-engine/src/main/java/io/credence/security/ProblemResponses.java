package io.credence.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** 401 and 403 as JSON problem bodies, like every other API error. */
final class ProblemResponses {

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Credence\"");
            write(
                    response,
                    401,
                    "Unauthorized",
                    e instanceof CredentialsExpiredException
                            ? e.getMessage()
                            : "Authentication required: HTTP Basic for people, X-Api-Key for loan systems.");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(
                response,
                403,
                "Forbidden",
                e instanceof CsrfException
                        ? "A call riding on a session cookie must carry the session's CSRF token."
                        : "Your role may not do this.");
    }

    private static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }
}
