package io.credence.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.credence.web.ApiHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The API's role matrix in one table. People use HTTP Basic or their workbench session; loan systems
 * use X-Api-Key.
 *
 * <p>The chain is stateless: it reads the workbench's session when a request presents one, but never
 * creates a session (an anonymous 401, an API-key decision and a Basic call all leave none behind), and
 * saves no request to replay after a login.
 *
 * <p>CSRF protection stays on for calls riding on a session cookie, the only credential a browser adds
 * by itself. A call is exempt only when its own header authenticates it: X-Api-Key (the key filter
 * authenticates by it or answers 401) or HTTP Basic (whatever the session held is set aside, so the
 * Basic credentials are checked and are what the call runs as, or it is a 401). Any other
 * Authorization header exempts nothing. A call with no session cookie has no ambient credential to
 * abuse and skips the check too, so a call without credentials gets its 401 rather than a CSRF 403.
 */
@Configuration
@EnableWebSecurity
class ApiSecurityConfig {

    private static final String ANALYST = Role.ANALYST.name();
    private static final String REVIEWER = Role.REVIEWER.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String LOAN_SYSTEM = Role.LOAN_SYSTEM.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys apiKeys) throws Exception {
        var unauthorized = ProblemResponses.unauthorized();
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(ADMIN)
                        .requestMatchers(POST, "/api/v1/decisions")
                        .hasRole(LOAN_SYSTEM)
                        .requestMatchers(POST, "/api/v1/outcomes")
                        .hasAnyRole(LOAN_SYSTEM, ADMIN)
                        .requestMatchers(GET, "/api/v1/ping")
                        .hasAnyRole(LOAN_SYSTEM, ANALYST, REVIEWER, ADMIN)
                        // Activity across markets is for people; a loan system reads only the decisions it asked for.
                        .requestMatchers(
                                GET,
                                "/api/v1/decisions/activity",
                                "/api/v1/decisions/search",
                                "/api/v1/decisions/export",
                                "/api/v1/decisions/*/contributions")
                        .hasAnyRole(ANALYST, REVIEWER, ADMIN)
                        .requestMatchers(GET, "/api/v1/decisions/*")
                        .hasAnyRole(LOAN_SYSTEM, ANALYST, REVIEWER, ADMIN)
                        .requestMatchers(POST, "/api/v1/decisions/*/replay")
                        .hasAnyRole(LOAN_SYSTEM, ANALYST, REVIEWER, ADMIN)
                        .requestMatchers(
                                POST,
                                "/api/v1/markets/*/versions",
                                "/api/v1/markets/*/versions/*/submit",
                                "/api/v1/markets/*/versions/*/discard",
                                "/api/v1/markets/*/versions/validate",
                                "/api/v1/markets/*/versions/*/test-cases",
                                "/api/v1/markets/*/versions/*/test-cases/*/duplicate",
                                "/api/v1/markets/*/versions/*/test-cases.csv")
                        .hasRole(ANALYST)
                        .requestMatchers(PUT, "/api/v1/markets/*/versions/*/**")
                        .hasRole(ANALYST)
                        .requestMatchers(DELETE, "/api/v1/markets/*/versions/*/**")
                        .hasRole(ANALYST)
                        .requestMatchers(
                                POST, "/api/v1/markets/*/versions/*/approve", "/api/v1/markets/*/versions/*/reject")
                        .hasRole(REVIEWER)
                        // The review's conversation: reviewers, and the author answering (the service checks
                        // authorship).
                        .requestMatchers(POST, "/api/v1/markets/*/versions/*/comments")
                        .hasAnyRole(ANALYST, REVIEWER)
                        // Promoting a challenger is a deployment, so an admin's like any other.
                        .requestMatchers(
                                POST,
                                "/api/v1/markets/*/versions/*/deploy",
                                "/api/v1/markets/*/rollback",
                                "/api/v1/markets/*/experiments/*/promote")
                        .hasRole(ADMIN)
                        .requestMatchers(POST, "/api/v1/markets/*/experiments", "/api/v1/markets/*/experiments/**")
                        .hasRole(REVIEWER)
                        .requestMatchers(
                                POST,
                                "/api/v1/markets/*/simulations",
                                "/api/v1/markets/*/versions/*/try",
                                "/api/v1/markets/*/simulations/reports")
                        .hasAnyRole(ANALYST, REVIEWER)
                        .requestMatchers(GET, "/api/v1/markets/*/simulations/spec")
                        .hasAnyRole(ANALYST, REVIEWER)
                        .requestMatchers(POST, "/api/v1/scorecards/evaluate")
                        .hasAnyRole(ANALYST, REVIEWER)
                        .requestMatchers("/api/v1/api-keys/**", "/api/v1/users/**")
                        .hasRole(ADMIN)
                        .requestMatchers(GET, "/api/**")
                        .hasAnyRole(ANALYST, REVIEWER, ADMIN)
                        .requestMatchers("/api/v1/fraud-lists/**")
                        .hasRole(ADMIN)
                        .anyRequest()
                        .denyAll())
                // Spring Security's defaults (nosniff, X-Frame-Options DENY, no-store caching, HSTS on secure
                // requests: behind a TLS proxy, server.forward-headers-strategy makes them secure), plus a
                // content security policy that lets a browser do nothing with an API answer.
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(ApiHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex ->
                        ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(ProblemResponses.forbidden()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(new ExistingSessionCsrfTokenRepository())
                        .ignoringRequestMatchers(
                                request -> request.getRequestedSessionId() == null || OwnCredentials.present(request)))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, unauthorized), BasicAuthenticationFilter.class)
                .addFilterBefore(new OwnCredentials(), ApiKeyAuthenticationFilter.class);
        return http.build();
    }
}
