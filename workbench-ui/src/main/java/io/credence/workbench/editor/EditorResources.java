package io.credence.workbench.editor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Serves the editor's static bundle ({@code /drl-editor/*}: the web component and the editor and
 * review screens' stylesheet) to anyone: it is the project's open-source front-end code. Vaadin's
 * security configuration refuses paths it does not know, so without this chain the browser gets 403
 * for them. Ordered before the workbench chain, which matches every request.
 */
@Configuration
class EditorResources {

    @Bean
    @Order(1)
    SecurityFilterChain editorBundle(HttpSecurity http) throws Exception {
        return http.securityMatcher("/drl-editor/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .build();
    }
}
