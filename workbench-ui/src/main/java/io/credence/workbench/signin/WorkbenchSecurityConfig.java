package io.credence.workbench.signin;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security for everything the API chain does not match ({@code /api/**}, {@code /actuator/**} and
 * {@code /v3/api-docs/**} are matched first, by the engine's chain at order 1). People sign in with
 * the login form; the session they get also authenticates their API calls, because both chains
 * read the same HTTP session. CSRF protection stays on: Vaadin's configurer only exempts its own
 * internal requests, which carry their own token.
 */
@Configuration
class WorkbenchSecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain workbenchSecurity(HttpSecurity http) throws Exception {
        // Spring Boot's error page must render for anyone, or an error would turn into a login redirect;
        // the workbench's stylesheet is needed by the sign-in page too.
        http.authorizeHttpRequests(
                auth -> auth.requestMatchers("/error", "/workbench.css").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }
}
