package dev.backcast.server.security;

import dev.backcast.server.database.EmbeddedPostgresEnvironment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import dev.backcast.server.security.tokens.ApiTokens;
import dev.backcast.server.security.tokens.BearerTokenAuthentication;

import java.util.List;

/** HTTP Basic and API tokens for scripts, a login form and session for browsers, users and the roles' rights. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Scripts and API clients: every request carries its credentials (HTTP Basic or an API token), nothing is kept
     * between requests, and without a session there is no cross-site request to forge.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiClients(HttpSecurity http, ProblemResponses problems, ApiTokens tokens,
                                   UserDetailsService users, SignInThrottle throttle) throws Exception {
        return http
                .securityMatcher(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null
                        || BearerTokenAuthentication.calendarLink(request))
                .addFilterBefore(new SignInThrottling(throttle, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenAuthentication(tokens, users, problems, throttle),
                        BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::securityHeaders)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(SecurityConfiguration::rights)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }

    /**
     * People in a browser: a login form and a session cookie, with every change guarded by a CSRF token that the
     * page sends back from the XSRF-TOKEN cookie. The API answers them with the same problems as scripts.
     */
    @Bean
    @Order(2)
    SecurityFilterChain browsers(HttpSecurity http, ProblemResponses problems, SignInThrottle throttle)
            throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        // Without a session an API call carries no ambient credentials to forge; it is simply unauthenticated (401).
        RequestMatcher forgeable = request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                && (request.getSession(false) != null || !api.matches(request));
        return http
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(forgeable)
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieRefresh(), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInThrottling(throttle, problems), UsernamePasswordAuthenticationFilter.class)
                .headers(SecurityConfiguration::securityHeaders)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .authorizeHttpRequests(SecurityConfiguration::rights)
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/plans"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems.unauthenticated(), api)
                        .defaultAccessDeniedHandlerFor(problems.forbidden(), api)
                        .defaultAccessDeniedHandlerFor(deniedPage(), request -> !api.matches(request)))
                .build();
    }

    /** A page a person may not open says so in the page's own layout, with the server's 403. */
    private static AccessDeniedHandler deniedPage() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage("/denied");
        return handler;
    }

    /**
     * Beside Spring Security's defaults (no sniffing, no framing, no caching of answers): no page of Backcast may be
     * framed by another site, pages run only the scripts Backcast serves itself (so text a planner typed can never
     * run as a script), and links out do not carry Backcast's addresses. Charts set inline styles, hence
     * 'unsafe-inline' for styles only.
     */
    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    private static void rights(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/error", "/login", "/denied").permitAll()
                .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.svg").permitAll()
                .requestMatchers("/admin", "/admin/**").hasRole(Roles.ADMIN)
                .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                .requestMatchers("/api/audit", "/api/audit/**", "/api/plans/*/audit", "/api/plans/*/audit/**",
                        "/api/plans/*/branches/*/audit", "/api/plans/*/branches/*/audit/**")
                .hasAnyRole(Roles.ADMIN, Roles.AUDITOR)
                .requestMatchers("/api/tokens", "/api/tokens/**").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Roles.VIEWER)
                .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(Roles.VIEWER)
                .requestMatchers("/api/**").hasRole(Roles.PLANNER)
                .anyRequest().authenticated();
    }

    /** The firewall's refusals are problems too, not the servlet container's error page. */
    @Bean
    RequestRejectedHandler requestRejected(ProblemResponses problems) {
        return (request, response, rejected) -> problems.rejected(request, response);
    }

    /** Planners, auditors and admins can read whatever viewers can. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_PLANNER > ROLE_VIEWER
                ROLE_AUDITOR > ROLE_VIEWER
                ROLE_ADMIN > ROLE_VIEWER
                """);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    UserDetailsService users(@Value("${backcast.users}") String configuredUsers,
                             @Value("${" + EmbeddedPostgresEnvironment.ACTIVE + ":false}") boolean embeddedDatabase,
                             PasswordEncoder passwordEncoder) {
        List<ConfiguredUser> users = ConfiguredUser.parseAll(configuredUsers);
        if (!embeddedDatabase) {
            users.stream().filter(ConfiguredUser::hasDemoPassword).findFirst().ifPresent(user -> {
                throw new IllegalStateException("Refusing to start: user '" + user.name() + "' has the demo "
                        + "password while a real database is configured. Set BACKCAST_USERS with real passwords "
                        + "(name:password:ROLE, passwords preferably as {bcrypt} hashes)");
            });
        }
        return new InMemoryUserDetailsManager(users.stream()
                .map(user -> User.withUsername(user.name())
                        .password(user.password().startsWith("{") ? user.password()
                                : passwordEncoder.encode(user.password()))
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList());
    }
}
