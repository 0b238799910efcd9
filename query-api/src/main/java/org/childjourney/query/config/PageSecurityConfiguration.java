package org.childjourney.query.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.childjourney.query.security.SignedIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages' sign-in: Keycloak's authorization code flow with PKCE for the realm's public {@code journey-web} client,
 * a session per signed-in practitioner, CSRF tokens on every form, and sign-out at Keycloak too. A page reads with
 * the access token of the sign-in, verified by the API's own decoder ({@link SignedIn}): the pages have no way to
 * read that the API lacks. The API keeps its own stateless chain ({@link SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration implements WebMvcConfigurer {

    static final String KEYCLOAK = "keycloak";

    /** What a page may load and who may frame it: this service alone, and nobody. */
    static final String POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

    /** Where the pages and what they need live; everything else is the API's. */
    private static final String[] PAGES = {"/", "/find", "/journeys/**", "/hub/**", "/audit/**", "/sign-out",
        "/signed-out", "/oauth2/**", "/login/**", "/static/**", "/assets/**", "/webjars/**"};

    private static final String GOVUK_ASSETS = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/";

    private final OAuth2AuthorizedClientManager signIns;
    private final JwtDecoder decoder;

    PageSecurityConfiguration(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients, JwtDecoder decoder) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode()
                .refreshToken().build());
        this.signIns = manager;
        this.decoder = decoder;
    }

    @Bean
    @Order(1)
    SecurityFilterChain pageSecurity(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        return http
                .securityMatcher(PAGES)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/signed-out", "/static/**", "/assets/**", "/webjars/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + KEYCLOAK))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(signedOut))
                .headers(headers -> headers
                        .contentSecurityPolicy(policy -> policy.policyDirectives(POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    /**
     * The {@code journey-web} client, found from the realm's discovery document when first needed, not at start: the
     * query API starts (and answers its API) while Keycloak is still starting.
     */
    @Bean
    static ClientRegistrationRepository pageSignIn(
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${childjourney.query.web-client-id:journey-web}") String clientId) {
        AtomicReference<ClientRegistration> found = new AtomicReference<>();
        return registrationId -> {
            if (!KEYCLOAK.equals(registrationId)) {
                return null;
            }
            ClientRegistration registration = found.get();
            if (registration == null) {
                registration = ClientRegistrations.fromIssuerLocation(issuer).registrationId(KEYCLOAK)
                        .clientId(clientId).clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid").build();
                found.set(registration);
            }
            return registration;
        };
    }

    @Bean
    static OAuth2AuthorizedClientRepository pageSignIns() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // GOV.UK Frontend's stylesheet asks for its images at /assets/; the pages' own script and style are under
        // /static/, inside the pages' filter chain (everything else is the API's, which denies unknown paths).
        registry.addResourceHandler("/assets/images/**").addResourceLocations(GOVUK_ASSETS + "images/");
        registry.addResourceHandler("/static/**").addResourceLocations("classpath:/static/");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SignedInToken());
    }

    /** Resolves a {@link SignedIn} {@code Jwt}: the sign-in's access token, renewed when expired, then verified. */
    private final class SignedInToken implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.hasParameterAnnotation(SignedIn.class) && parameter.getParameterType() == Jwt.class;
        }

        @Override
        public Jwt resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) {
            HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
            Principal principal = request.getUserPrincipal();
            if (!(principal instanceof Authentication signedIn)) {
                throw new ClientAuthorizationRequiredException(KEYCLOAK);
            }
            OAuth2AuthorizedClient client;
            try {
                client = signIns.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(KEYCLOAK)
                        .principal(signedIn)
                        .attribute(HttpServletRequest.class.getName(), servletRequest)
                        .attribute(HttpServletResponse.class.getName(),
                                request.getNativeResponse(HttpServletResponse.class))
                        .build());
            } catch (ClientAuthorizationException expired) {
                // The refresh token has expired or Keycloak ended the session: sign in again.
                throw new ClientAuthorizationRequiredException(KEYCLOAK);
            }
            if (client == null) {
                throw new ClientAuthorizationRequiredException(KEYCLOAK);
            }
            return decoder.decode(client.getAccessToken().getTokenValue());
        }
    }
}
