package org.childjourney.query.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import org.childjourney.core.access.RequestRates;
import org.childjourney.query.security.TooManyRequests;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Holds each authenticated caller to their allowance ({@link RequestRates}) before any handler reads or records
 * anything: over it, {@link TooManyRequests} ({@code 429} with {@code Retry-After}).
 */
@Configuration(proxyBeanMethods = false)
class RequestRateConfiguration implements WebMvcConfigurer {

    private final RequestRates rates;

    RequestRateConfiguration(QueryProperties properties, Clock clock) {
        this.rates = new RequestRates(properties.requestsPerSecond(), properties.requestBurst(), clock);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Principal caller = request.getUserPrincipal();
                long wait = caller == null ? 0 : rates.admit(caller.getName());
                if (wait > 0) {
                    throw new TooManyRequests(wait);
                }
                return true;
            }
        }).addPathPatterns("/api/**", "/find", "/journeys/**", "/hub/**", "/audit/**");
    }
}
