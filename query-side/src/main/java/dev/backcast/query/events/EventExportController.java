package dev.backcast.query.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.plan.branches.PlanBranched;
import dev.backcast.query.web.BadQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Every event of every plan in global order, to page through the whole store and resume where one stopped. */
@RestController
@Tag(name = "Events")
public class EventExportController {

    private static final int MAX_LIMIT = 10_000;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Duration settleTime;
    private final Clock clock;

    /**
     * @param settleTime positions are handed out before commit, so a later position can be visible while an earlier
     *                   one is still being written; an export stops at a gap younger than this (the longest a write
     *                   transaction may take), so resuming from the last position never skips an event
     */
    public EventExportController(JdbcTemplate jdbc, ObjectMapper json,
                                 @Value("${backcast.export-settle-time:10s}") Duration settleTime, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.settleTime = settleTime;
        this.clock = clock;
    }

    @GetMapping(value = "/api/events", produces = "application/x-ndjson")
    @Operation(summary = "All events of all plans of record as NDJSON, in global order", description = "What-if "
            + "branches are left out. Each line: position, "
            + "planId, revision, type, recordedAt, author, correlationId, changeSetId, changeSetMessage, demo and the "
            + "event as stored. Resume with after=<the last position read>. A page ends early at an event still "
            + "being written, so no event is ever skipped.")
    public ResponseEntity<StreamingResponseBody> events(@RequestParam(defaultValue = "0") long after,
                                                        @RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadQuery("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (after < 0) {
            throw new BadQuery("after", "after is the last position of an earlier export, or 0 to start at the beginning");
        }
        StreamingResponseBody body = output -> write(after, limit, output);
        return ResponseEntity.ok().contentType(PlanEventsController.NDJSON).body(body);
    }

    /**
     * Writes up to {@code limit} events of plans of record after {@code after}. Events of what-if branches are read
     * and passed over, so their positions are no gaps; a chunk made only of them is followed by the next one.
     */
    private void write(long after, int limit, OutputStream output) throws IOException {
        Instant settled = clock.instant().minus(settleTime);
        try (JsonGenerator generator = json.getFactory().createGenerator(output)) {
            generator.setRootValueSeparator(null);
            Page page = new Page(after, limit);
            while (page.readChunk(generator, settled)) {
                generator.flush();
            }
        }
    }

    /** Where one export page stands: the last position read, what is still to write, whether it must end. */
    private final class Page {

        private long lastRead;
        private int toWrite;

        Page(long after, int limit) {
            this.lastRead = after;
            this.toWrite = limit;
        }

        /** Reads the next chunk of the store; answers whether the page goes on with another. */
        boolean readChunk(JsonGenerator generator, Instant settled) {
            int chunk = toWrite;
            Boolean more = jdbc.query(connection -> {
                var statement = connection.prepareStatement("""
                        SELECT e.global_index, e.aggregate_identifier, e.sequence_number, e.payload_type,
                               e.time_stamp, convert_from(e.payload, 'UTF8') AS payload,
                               convert_from(e.meta_data, 'UTF8') AS meta_data,
                               EXISTS (SELECT 1 FROM domain_event_entry first
                                        WHERE first.aggregate_identifier = e.aggregate_identifier
                                          AND first.sequence_number = 0 AND first.payload_type = ?) AS branch
                          FROM domain_event_entry e
                         WHERE e.global_index > ?
                         ORDER BY e.global_index
                         LIMIT ?""");
                statement.setString(1, PlanBranched.class.getName());
                statement.setLong(2, lastRead);
                statement.setInt(3, chunk);
                statement.setFetchSize(500);
                return statement;
            }, rows -> {
                int read = 0;
                while (rows.next()) {
                    long position = rows.getLong("global_index");
                    if (position != lastRead + 1 && Instant.parse(rows.getString("time_stamp")).isAfter(settled)) {
                        return false;
                    }
                    read++;
                    lastRead = position;
                    if (!rows.getBoolean("branch")) {
                        writeLine(generator, rows, position);
                        toWrite--;
                    }
                }
                return read == chunk && toWrite > 0;
            });
            return Boolean.TRUE.equals(more);
        }
    }

    private void writeLine(JsonGenerator generator, ResultSet rows, long position) throws SQLException {
        try {
            var metaData = json.readTree(rows.getString("meta_data"));
            generator.writeStartObject();
            generator.writeNumberField("position", position);
            generator.writeStringField("planId", rows.getString("aggregate_identifier"));
            generator.writeNumberField("revision", rows.getLong("sequence_number") + 1);
            String type = rows.getString("payload_type");
            generator.writeStringField("type", type.substring(type.lastIndexOf('.') + 1));
            generator.writeStringField("recordedAt", rows.getString("time_stamp"));
            for (String key : PlanEventsController.METADATA) {
                if (metaData.hasNonNull(key)) {
                    generator.writeStringField(key, metaData.get(key).asText());
                }
            }
            generator.writeFieldName("event");
            generator.writeRawValue(rows.getString("payload"));
            generator.writeEndObject();
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new SQLException("Could not write the export", e);
        }
    }
}
