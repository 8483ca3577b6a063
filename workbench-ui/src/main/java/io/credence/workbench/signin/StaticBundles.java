package io.credence.workbench.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Serves the workbench's own static bundles to anyone: the {@code <drl-editor>} and
 * {@code <credence-chart>} web components and the screens' stylesheets, all open-source front-end
 * code. Vaadin's security configuration refuses paths it does not know, so without this chain the
 * browser gets 403 for them. Ordered before the workbench chain, which matches every request; a new
 * bundle folder is added to the list here.
 */
@Configuration
class StaticBundles {

    static final String[] PATHS = {"/drl-editor/**", "/charts/**", "/backtest-screens/**"};

    @Bean
    @Order(1)
    SecurityFilterChain staticBundleChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(PATHS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .build();
    }
}
