package dev.backcast.command.web.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/** Idempotency keys and the answers they were given, per user, kept in PostgreSQL. */
@Repository
public class IdempotencyStore {

    private final JdbcTemplate jdbc;

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredResponse> find(String principal, String key) {
        return jdbc.query("""
                        SELECT request_hash, status, location, revision, response::text AS response
                          FROM idempotency_key WHERE principal = ? AND idempotency_key = ?""",
                (rs, row) -> new StoredResponse(rs.getString("request_hash"), rs.getInt("status"),
                        rs.getString("location"), rs.getLong("revision"), rs.getString("response")),
                principal, key).stream().findFirst();
    }

    /** Records the answer; joins the transaction the command's events are appended in. */
    public void record(String principal, String key, String requestHash, UUID planId, int status, String location,
                       long revision, String response) {
        jdbc.update("""
                        INSERT INTO idempotency_key
                            (principal, idempotency_key, request_hash, plan_id, status, location, revision, response)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                principal, key, requestHash, planId, status, location, revision, response);
    }
}
