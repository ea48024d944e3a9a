package dev.backcast.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Slows down guessing: after a few failed sign-ins of one user from one client, further attempts for that user from
 * that client are refused for a while, twice as long after each further failure, up to a limit; a success forgets
 * the failures. Keyed by client and user, so one user's mistyped password does not lock out a colleague behind the
 * same address.
 */
@Component
public class SignInThrottle {

    /** API tokens name no user: their failures from one client count together. */
    public static final String TOKEN_USER = "(API token)";
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int freeFailures;
    private final Duration longestWait;
    private final Cache<String, Failures> failures = Caffeine.newBuilder().expireAfterWrite(FORGET_AFTER)
            .maximumSize(100_000).build();

    public SignInThrottle(@Value("${backcast.sign-in.free-failures}") int freeFailures,
                          @Value("${backcast.sign-in.longest-wait}") Duration longestWait) {
        this.freeFailures = freeFailures;
        this.longestWait = longestWait;
    }

    private record Failures(int count, long refusedUntilNanos) {
    }

    /** Seconds the client must wait before signing in as this user again, if it must. */
    public OptionalLong waitFor(String client, String user) {
        Failures recorded = failures.getIfPresent(key(client, user));
        if (recorded == null) {
            return OptionalLong.empty();
        }
        long remaining = recorded.refusedUntilNanos() - System.nanoTime();
        return remaining > 0 ? OptionalLong.of((remaining + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND)
                : OptionalLong.empty();
    }

    public void failed(String client, String user) {
        failures.asMap().compute(key(client, user), (key, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            long wait = 0;
            if (count > freeFailures) {
                int doublings = Math.min(count - freeFailures - 1, 30);
                wait = Math.min(Duration.ofSeconds(1L << doublings).toNanos(), longestWait.toNanos());
            }
            return new Failures(count, System.nanoTime() + wait);
        });
    }

    public void succeeded(String client, String user) {
        failures.invalidate(key(client, user));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        if (failure.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            failed(details.getRemoteAddress(), failure.getAuthentication().getName());
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        if (success.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            succeeded(details.getRemoteAddress(), success.getAuthentication().getName());
        }
    }

    private static String key(String client, String user) {
        return client + "\n" + user;
    }
}
