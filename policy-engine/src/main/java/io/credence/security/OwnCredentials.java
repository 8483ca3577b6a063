package io.credence.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that brings its own credentials (X-Api-Key, or an HTTP Basic Authorization header) is
 * authenticated by them alone: the security context a session cookie loaded is set aside before the
 * key and Basic filters run, so those credentials are checked even when the session's user has the same
 * name, and a wrong one is a 401. Such a request is what CSRF protection may exempt; an Authorization
 * header of any other scheme is not a credential here and exempts nothing.
 */
final class OwnCredentials extends OncePerRequestFilter {

    static boolean present(HttpServletRequest request) {
        if (request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null) return true;
        String authorization = request.getHeader("Authorization");
        return authorization != null
                && authorization.strip().toLowerCase(Locale.ROOT).startsWith("basic ");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (present(request)) {
            // Only this request's holder: the session, if any, keeps the workbench's login untouched.
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
