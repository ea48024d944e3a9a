package dev.backcast.server.security;

import dev.backcast.server.security.tokens.BearerTokenAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/** Refuses a sign-in attempt (HTTP Basic, an API token or the login form) while its user and client must wait. */
class SignInThrottling extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final ProblemResponses problems;

    SignInThrottling(SignInThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = attemptedUser(request);
        OptionalLong wait = user == null ? OptionalLong.empty() : throttle.waitFor(request.getRemoteAddr(), user);
        if (wait.isPresent()) {
            problems.tooManySignIns(request, response, wait.getAsLong());
            return;
        }
        chain.doFilter(request, response);
    }

    private static String attemptedUser(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = credentials.indexOf(':');
                return colon < 0 ? credentials : credentials.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        if (authorization != null && authorization.regionMatches(true, 0, BearerTokenAuthentication.BEARER, 0,
                BearerTokenAuthentication.BEARER.length()) || BearerTokenAuthentication.calendarLink(request)) {
            return SignInThrottle.TOKEN_USER;
        }
        if ("POST".equals(request.getMethod()) && request.getServletPath().equals("/login")) {
            return request.getParameter("username");
        }
        return null;
    }
}
