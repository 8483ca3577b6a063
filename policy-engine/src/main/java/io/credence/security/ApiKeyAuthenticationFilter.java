package io.credence.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates loan systems by their {@code X-Api-Key} header; a wrong or expired key is a 401 at once. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiKeys apiKeys;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, AuthenticationEntryPoint entryPoint) {
        this.apiKeys = apiKeys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        var apiKey = apiKeys.authenticate(key);
        if (apiKey.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("invalid API key"));
            return;
        }
        LocalDate today = apiKeys.today();
        if (apiKey.get().expiredOn(today)) {
            // The caller holds the secret, so telling it the key expired (rather than is unknown) gives
            // nothing away and saves its operators a search.
            SecurityContextHolder.clearContext();
            entryPoint.commence(
                    request,
                    response,
                    new CredentialsExpiredException("This API key expired on "
                            + apiKey.get().expiresOn() + " (UTC); ask an admin for a new one."));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                new ApiKeyPrincipal(
                        apiKey.get().id(), apiKey.get().name(), apiKey.get().markets()),
                null,
                List.of(new SimpleGrantedAuthority(Role.LOAN_SYSTEM.authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
