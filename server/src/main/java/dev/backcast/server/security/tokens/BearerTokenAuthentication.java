package dev.backcast.server.security.tokens;

import dev.backcast.server.security.SignInThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Signs a request in with {@code Authorization: Bearer <token>}: the token's owner, with the roles the owner has now,
 * so removing a user or a role takes effect at once. A revoked or unknown token is 401.
 */
public class BearerTokenAuthentication extends OncePerRequestFilter {

    public static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final UserDetailsService users;
    private final AuthenticationEntryPoint unauthenticated;
    private final SignInThrottle throttle;

    public BearerTokenAuthentication(ApiTokens tokens, UserDetailsService users,
                                     AuthenticationEntryPoint unauthenticated, SignInThrottle throttle) {
        this.tokens = tokens;
        this.users = users;
        this.unauthenticated = unauthenticated;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserDetails> owner = tokens.ownerOf(header.substring(BEARER.length()).strip()).flatMap(this::user);
        if (owner.isEmpty()) {
            throttle.failed(request.getRemoteAddr(), SignInThrottle.TOKEN_USER);
            SecurityContextHolder.clearContext();
            unauthenticated.commence(request, response, new BadCredentialsException("Unknown or revoked API token"));
            return;
        }
        throttle.succeeded(request.getRemoteAddr(), SignInThrottle.TOKEN_USER);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner.get().getUsername(), null,
                owner.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<UserDetails> user(String name) {
        try {
            return Optional.of(users.loadUserByUsername(name));
        } catch (UsernameNotFoundException removed) {
            return Optional.empty();
        }
    }
}
