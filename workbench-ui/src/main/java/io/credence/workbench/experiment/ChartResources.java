package io.credence.workbench.experiment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Serves the charts bundle ({@code /charts/*}: the {@code <credence-chart>} web component and the
 * experiment screens' stylesheet) to anyone, as the editor's bundle is: Vaadin's security
 * configuration refuses paths it does not know. Ordered before the workbench chain, which matches
 * every request.
 */
@Configuration
class ChartResources {

    @Bean
    @Order(1)
    SecurityFilterChain chartsBundle(HttpSecurity http) throws Exception {
        return http.securityMatcher("/charts/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .build();
    }
}
