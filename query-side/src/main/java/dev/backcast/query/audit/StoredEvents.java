package dev.backcast.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The event table read row by row, as stored, through a database cursor: a store of millions of events is never
 * held in memory at once.
 */
@Repository
public class StoredEvents {

    private static final int FETCH_SIZE = 500;
    /** A whole-store verification reads every event once; it must not be cut off like an ordinary request. */
    private static final Duration VERIFICATION_TIMEOUT = Duration.ofHours(6);
    private static final String COLUMNS = "aggregate_identifier, sequence_number, event_identifier, type, "
            + "payload_type, payload_revision, payload, meta_data, time_stamp, chain_hash";
    private static final RowMapper<StoredEvent> ROW = (rows, row) -> new StoredEvent(
            rows.getString("aggregate_identifier"), rows.getLong("sequence_number"),
            rows.getString("event_identifier"), rows.getString("type"), rows.getString("payload_type"),
            rows.getString("payload_revision"), rows.getBytes("payload"), rows.getBytes("meta_data"),
            rows.getString("time_stamp"), rows.getBytes("chain_hash"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public StoredEvents(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setTimeout((int) VERIFICATION_TIMEOUT.toSeconds());
    }

    /** Reads one plan's events up to {@code lastRevision}, in revision order. */
    public <T> T ofPlan(String planId, long lastRevision, Function<Iterator<StoredEvent>, T> reader) {
        return readOnly.execute(status -> {
            try (Stream<StoredEvent> events = jdbc.queryForStream("SELECT " + COLUMNS + " FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND sequence_number < ? ORDER BY sequence_number", ROW, planId,
                    lastRevision)) {
                return reader.apply(events.iterator());
            }
        });
    }

    public boolean exists(String planId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ?)", Boolean.class,
                planId));
    }

    /**
     * Reads every plan's events, plan after plan, each in revision order; {@code reader} gets one plan at a time.
     *
     * @return how many events were read
     */
    public long eachPlan(PlanVisitor reader) {
        return readOnly.execute(status -> {
            try (Stream<StoredEvent> events = jdbc.queryForStream("SELECT " + COLUMNS + " FROM domain_event_entry "
                    + "ORDER BY aggregate_identifier, sequence_number", ROW)) {
                Peeking all = new Peeking(events.iterator());
                while (all.hasNext()) {
                    String planId = all.peek().planId();
                    OnePlan plan = new OnePlan(all, planId);
                    reader.read(planId, plan);
                    plan.skipRest();
                }
                return all.taken;
            }
        });
    }

    /** Every plan's head revision and the chain hash recorded there, ordered by plan id. */
    public List<SealStatement.SealedPlan> heads() {
        return readOnly.execute(status -> jdbc.query("""
                        SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, sequence_number, chain_hash
                          FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number DESC""",
                (rows, row) -> new SealStatement.SealedPlan(rows.getString("aggregate_identifier"),
                        rows.getLong("sequence_number") + 1, EventChain.hex(rows.getBytes("chain_hash")))));
    }

    @FunctionalInterface
    public interface PlanVisitor {
        void read(String planId, Iterator<StoredEvent> events);
    }

    private static final class Peeking implements Iterator<StoredEvent> {
        private final Iterator<StoredEvent> source;
        private StoredEvent next;
        private long taken;

        Peeking(Iterator<StoredEvent> source) {
            this.source = source;
        }

        StoredEvent peek() {
            if (next == null && source.hasNext()) {
                next = source.next();
            }
            return next;
        }

        @Override
        public boolean hasNext() {
            return peek() != null;
        }

        @Override
        public StoredEvent next() {
            StoredEvent event = peek();
            if (event == null) {
                throw new NoSuchElementException();
            }
            next = null;
            taken++;
            return event;
        }
    }

    /** The events of one plan within the ordered stream of all: ends where the next plan begins. */
    private static final class OnePlan implements Iterator<StoredEvent> {
        private final Peeking all;
        private final String planId;

        OnePlan(Peeking all, String planId) {
            this.all = all;
            this.planId = planId;
        }

        @Override
        public boolean hasNext() {
            return all.hasNext() && all.peek().planId().equals(planId);
        }

        @Override
        public StoredEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return all.next();
        }

        void skipRest() {
            while (hasNext()) {
                next();
            }
        }
    }
}
