package dev.backcast.server.security.tokens;

import dev.backcast.server.security.ProblemResponses;
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
 * so removing a user or a role takes effect at once. A revoked or unknown token is 401; a token with scope "read" may
 * only GET and HEAD. Calendar feeds ({@code .ics}) also take a read token as {@code ?token=}, as calendar apps
 * cannot send headers; a full token is refused there, since a link ends up in places a header does not.
 */
public class BearerTokenAuthentication extends OncePerRequestFilter {

    public static final String BEARER = "Bearer ";
    public static final String CALENDAR_TOKEN = "token";

    private final ApiTokens tokens;
    private final UserDetailsService users;
    private final AuthenticationEntryPoint unauthenticated;
    private final SignInThrottle throttle;
    private final ProblemResponses problems;

    public BearerTokenAuthentication(ApiTokens tokens, UserDetailsService users, ProblemResponses problems,
                                     SignInThrottle throttle) {
        this.tokens = tokens;
        this.users = users;
        this.unauthenticated = problems.unauthenticated();
        this.problems = problems;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean inHeader = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        String inLink = calendarLink(request) ? request.getParameter(CALENDAR_TOKEN) : null;
        if (!inHeader && inLink == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Holder> holder = tokens.holderOf(inHeader ? header.substring(BEARER.length()).strip()
                : inLink.strip());
        Optional<UserDetails> owner = holder.flatMap(found -> user(found.owner()));
        if (owner.isEmpty() || (!inHeader && holder.get().scope() != ApiTokens.Scope.READ)) {
            throttle.failed(request.getRemoteAddr(), SignInThrottle.TOKEN_USER);
            SecurityContextHolder.clearContext();
            if (inHeader) {
                unauthenticated.commence(request, response, new BadCredentialsException("Unknown or revoked API token"));
            } else {
                problems.calendarTokenRefused(request, response);
            }
            return;
        }
        throttle.succeeded(request.getRemoteAddr(), SignInThrottle.TOKEN_USER);
        if (holder.get().scope() == ApiTokens.Scope.READ && !reading(request)) {
            problems.readOnlyToken(request, response);
            return;
        }
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

    private static boolean reading(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    /** A calendar feed asked for with a token in its link. */
    public static boolean calendarLink(HttpServletRequest request) {
        return reading(request) && request.getRequestURI().endsWith(".ics")
                && request.getParameter(CALENDAR_TOKEN) != null;
    }

    private Optional<UserDetails> user(String name) {
        try {
            return Optional.of(users.loadUserByUsername(name));
        } catch (UsernameNotFoundException removed) {
            return Optional.empty();
        }
    }
}
