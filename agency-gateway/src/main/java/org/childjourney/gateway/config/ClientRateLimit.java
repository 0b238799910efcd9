package org.childjourney.gateway.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.childjourney.core.access.RequestRates;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each authenticated client's requests, held to its allowance ({@link RequestRates}): over it, {@code 429} with
 * {@code Retry-After}, before anything of the request is read or recorded. Runs once the bearer token is checked
 * and the request knows its principal, so that the allowance is the client's, named by its token.
 */
class ClientRateLimit extends OncePerRequestFilter {

    private final RequestRates rates;

    ClientRateLimit(RequestRates rates) {
        this.rates = rates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal client = request.getUserPrincipal();
        long wait = client == null ? 0 : rates.admit(client.getName());
        if (wait > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
            SecurityConfiguration.problem(response, HttpStatus.TOO_MANY_REQUESTS,
                    "This client has sent more requests than it may; nothing was recorded. Send it again after the "
                            + "Retry-After interval.");
            return;
        }
        chain.doFilter(request, response);
    }
}
