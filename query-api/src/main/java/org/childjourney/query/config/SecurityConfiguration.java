package org.childjourney.query.config;

import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.childjourney.core.access.KeycloakClaims;
import org.childjourney.core.access.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The query API is an OAuth2 resource server for Keycloak's {@code journey} realm. It only authenticates here:
 * which reader may read what is the access policy's decision, taken and recorded in the query handlers, so that
 * refusals for a missing role are in the disclosure log like every other refusal.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Metrics say how busy the record is and where it fails: for administrators, and for monitoring systems (the
     * {@code metrics} role, which reads nothing else), only.
     */
    private static AuthorizationDecision metricsReader(Supplier<Authentication> authentication,
            RequestAuthorizationContext request) {
        return new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
                && KeycloakClaims.roles(token.getToken().getClaims()).stream()
                        .anyMatch(role -> role == Role.ADMIN || role == Role.METRICS));
    }

    private static final byte[] UNAUTHORIZED = ("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"A valid bearer token from the journey realm is required.\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Bean
    SecurityFilterChain querySecurity(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(UNAUTHORIZED);
        };
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/prometheus").access(SecurityConfiguration::metricsReader)
                        .requestMatchers("/api/v1/**").authenticated()
                        .anyRequest().denyAll())
                // The review bundle is HTML on the API too: the pages' policy on it (not on Swagger UI's own page).
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                PathPatternRequestMatcher.withDefaults().matcher("/api/v1/journeys/*/review-bundle"),
                                new ContentSecurityPolicyHeaderWriter(PageSecurityConfiguration.POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }).authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized))
                .build();
    }
}
