package dev.backcast.server.security;

import dev.backcast.server.database.EmbeddedPostgresEnvironment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import dev.backcast.server.security.tokens.ApiTokens;
import dev.backcast.server.security.tokens.BearerTokenAuthentication;

import java.util.List;

/** HTTP Basic for the API, users from configuration, and the roles' rights. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, ApiTokens tokens,
                            UserDetailsService users) throws Exception {
        return http
                .addFilterBefore(new BearerTokenAuthentication(tokens, users, problems.unauthenticated()),
                        BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/audit", "/api/audit/**", "/api/plans/*/audit", "/api/plans/*/audit/**")
                        .hasAnyRole(Roles.ADMIN, Roles.AUDITOR)
                        .requestMatchers("/api/tokens", "/api/tokens/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Roles.VIEWER)
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(Roles.VIEWER)
                        .requestMatchers("/api/**").hasRole(Roles.PLANNER)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .build();
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
