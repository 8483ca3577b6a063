package io.credence.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The API's edge, before Spring Security and Spring MVC: problem bodies and security headers for
 * whatever fails there, and request body limits. Both filters run ahead of the security filter chain,
 * so an oversized body is refused before anyone reads it, whoever sends it.
 */
@Configuration
class ApiBoundaryConfig {

    @Bean
    FilterRegistrationBean<ApiBoundaryFilter> apiBoundaryFilter() {
        var registration = new FilterRegistrationBean<>(new ApiBoundaryFilter());
        // Every URL, and the filter itself picks /api/ by the URI as sent: "/api/v1/users/changes/../../../../x"
        // leaves /api/* once the container normalises it, yet its refusal must still be the API's JSON.
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // Right after Spring's character encoding filter, ahead of everything that may fail.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${credence.http.max-body-size:1MB}") DataSize defaultLimit,
            @Value("${credence.http.max-policy-body-size:4MB}") DataSize policyLimit) {
        var registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(defaultLimit.toBytes(), policyLimit.toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /**
     * Replaces the host's error report valve (Spring Boot's, without server details) with one that
     * answers refused API requests in JSON.
     */
    @Bean
    ProblemReportValveCustomizer problemReportValve() {
        return new ProblemReportValveCustomizer();
    }

    /** Ordered last, so that it runs after Spring Boot has added its own valve, and removes it. */
    static final class ProblemReportValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (!(context.getParent() instanceof StandardHost host)) return;
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) host.getPipeline().removeValve(valve);
                }
                host.getPipeline().addValve(new ProblemReportValve());
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
