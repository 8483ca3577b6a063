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
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The API's role matrix in one table. People use HTTP Basic or their workbench session; loan systems
 * use X-Api-Key. CSRF protection stays on for calls riding on a session cookie, the only credential
 * a browser adds by itself; calls without a session or with their own credentials skip it, so a
 * call without credentials gets its 401 rather than a CSRF 403.
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
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/v1/decisions").hasRole(LOAN_SYSTEM)
                        .requestMatchers(GET, "/api/v1/ping").hasAnyRole(LOAN_SYSTEM, ANALYST, REVIEWER, ADMIN)
                        // Activity across markets is for people; a loan system reads only the decisions it asked for.
                        .requestMatchers(GET, "/api/v1/decisions/activity").hasAnyRole(ANALYST, REVIEWER, ADMIN)
                        .requestMatchers(GET, "/api/v1/decisions/*").hasAnyRole(LOAN_SYSTEM, ANALYST, REVIEWER, ADMIN)
                        .requestMatchers(POST, "/api/v1/decisions/*/replay").hasAnyRole(LOAN_SYSTEM, ANALYST, REVIEWER, ADMIN)
                        .requestMatchers(POST, "/api/v1/markets/*/versions", "/api/v1/markets/*/versions/*/submit",
                                "/api/v1/markets/*/versions/validate", "/api/v1/markets/*/versions/*/test-cases",
                                "/api/v1/markets/*/versions/*/test-cases/*/duplicate")
                        .hasRole(ANALYST)
                        .requestMatchers(PUT, "/api/v1/markets/*/versions/*/**").hasRole(ANALYST)
                        .requestMatchers(DELETE, "/api/v1/markets/*/versions/*/**").hasRole(ANALYST)
                        .requestMatchers(POST, "/api/v1/markets/*/versions/*/approve", "/api/v1/markets/*/versions/*/reject")
                        .hasRole(REVIEWER)
                        .requestMatchers(POST, "/api/v1/markets/*/versions/*/deploy", "/api/v1/markets/*/rollback")
                        .hasRole(ADMIN)
                        .requestMatchers(POST, "/api/v1/markets/*/experiments", "/api/v1/markets/*/experiments/**")
                        .hasRole(REVIEWER)
                        .requestMatchers(POST, "/api/v1/markets/*/simulations", "/api/v1/markets/*/versions/*/try")
                        .hasAnyRole(ANALYST, REVIEWER)
                        .requestMatchers(POST, "/api/v1/scorecards/evaluate").hasAnyRole(ANALYST, REVIEWER)
                        .requestMatchers("/api/v1/api-keys/**", "/api/v1/users/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/**").hasAnyRole(ANALYST, REVIEWER, ADMIN)
                        .requestMatchers("/api/v1/fraud-lists/**").hasRole(ADMIN)
                        .anyRequest().denyAll())
                // Spring Security's defaults (nosniff, X-Frame-Options DENY, no-store caching, HSTS on secure
                // requests: behind a TLS proxy, server.forward-headers-strategy makes them secure), plus a
                // content security policy that lets a browser do nothing with an API answer.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ApiHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request ->
                        request.getRequestedSessionId() == null
                                || request.getHeader("Authorization") != null
                                || request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, unauthorized), BasicAuthenticationFilter.class);
        return http.build();
    }
}
