package org.childjourney.gateway.config;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.childjourney.core.access.KeycloakClaims;
import org.childjourney.core.access.RequestRates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;

/**
 * The gateway is an OAuth2 resource server for Keycloak's {@code journey} realm: only agency systems may submit.
 * Refusals are problem+json like every other error, and say nothing about why the token failed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, GatewayProperties properties, Clock clock)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                "A valid bearer token from the journey realm is required.");
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole("admin", "metrics")
                        .requestMatchers("/api/v1/submissions", "/api/v1/submissions:batch", "/api/v1/inbox/**")
                        .hasRole("agency-system")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN,
                                "The caller may not do this.")))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized))
                .addFilterAfter(new ClientRateLimit(new RequestRates(properties.limits().requestsPerSecond(),
                        properties.limits().requestBurst(), clock)), SecurityContextHolderAwareRequestFilter.class)
                .build();
    }

    private static AbstractAuthenticationToken authentication(Jwt jwt) {
        List<SimpleGrantedAuthority> authorities = KeycloakClaims.roles(jwt.getClaims()).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.claim()))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, KeycloakClaims.username(jwt.getClaims(), jwt.getSubject()));
    }

    static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
