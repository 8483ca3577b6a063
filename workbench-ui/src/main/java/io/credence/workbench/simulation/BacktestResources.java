package io.credence.workbench.simulation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Serves the backtest screens' stylesheet ({@code /backtest-screens/*}) to anyone: Vaadin's security
 * configuration refuses static paths it does not know, so without this chain the browser gets 403.
 * Ordered before the workbench chain, which matches every request.
 */
@Configuration
class BacktestResources {

    @Bean
    @Order(1)
    SecurityFilterChain backtestScreenStyles(HttpSecurity http) throws Exception {
        return http.securityMatcher("/backtest-screens/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .build();
    }
}
