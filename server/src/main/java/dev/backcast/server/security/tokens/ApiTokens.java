package dev.backcast.server.security.tokens;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API tokens: random, shown once, kept only as a SHA-256 hash, revocable, with their last use. */
@Repository
public class ApiTokens {

    /** How often the last use of a token is written: every request would make every read a write. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
    private static final String PREFIX = "bc_";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a token may do: everything its owner may, or only read (GET and HEAD). */
    public enum Scope {
        ALL, READ;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Scope of(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * A token as its owner sees it; {@code token} is present only in the answer that created it.
     *
     * @param scope "all" or "read"
     */
    public record ApiToken(UUID tokenId, String name, String scope, Instant createdAt, Instant lastUsedAt,
                           Instant revokedAt, String token) {
    }

    /** Whose a valid token is, and what it may do. */
    public record Holder(String owner, Scope scope) {
    }

    public ApiToken create(String owner, String name, Scope scope) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID tokenId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.update("""
                        INSERT INTO api_token (token_id, owner, name, token_hash, created_at, scope)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                tokenId, owner, name, hash(token), Timestamp.from(now), scope.value());
        return new ApiToken(tokenId, name, scope.value(), now, null, null, token);
    }

    public List<ApiToken> of(String owner) {
        return jdbc.query("""
                        SELECT token_id, name, scope, created_at, last_used_at, revoked_at FROM api_token
                         WHERE owner = ? ORDER BY created_at""",
                (rows, row) -> new ApiToken(rows.getObject("token_id", UUID.class), rows.getString("name"),
                        rows.getString("scope"), instant(rows.getTimestamp("created_at")), instant(rows.getTimestamp("last_used_at")),
                        instant(rows.getTimestamp("revoked_at")), null), owner);
    }

    /** @return whether the owner had such a token that was still valid */
    public boolean revoke(String owner, UUID tokenId) {
        return jdbc.update("UPDATE api_token SET revoked_at = ? WHERE token_id = ? AND owner = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), tokenId, owner) == 1;
    }

    /** The holder of a valid token, found by its hash: a wrong token costs the same one lookup as a right one. */
    public Optional<Holder> holderOf(String token) {
        Instant now = clock.instant();
        List<Holder> holders = jdbc.query("""
                        SELECT token_id, owner, scope, last_used_at FROM api_token
                         WHERE token_hash = ? AND revoked_at IS NULL""",
                (rows, row) -> {
                    Instant lastUsed = instant(rows.getTimestamp("last_used_at"));
                    if (lastUsed == null || lastUsed.isBefore(now.minus(LAST_USE_RESOLUTION))) {
                        jdbc.update("UPDATE api_token SET last_used_at = ? WHERE token_id = ?", Timestamp.from(now),
                                rows.getObject("token_id", UUID.class));
                    }
                    return new Holder(rows.getString("owner"), Scope.of(rows.getString("scope")));
                }, hash(token));
        return holders.stream().findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
