package dev.backcast.query.forecasts;

import dev.backcast.plan.forecasting.ReferenceRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the record forecasts are calibrated on: reached milestones of plans that were closed, or past their target
 * date, at the moment asked about, recorded by then, with a planned lead time to compare with. Example data only ever
 * calibrates example data.
 */
@Component
public class ReferenceRecords {

    private static final String ELIGIBLE = """
            SELECT rm.plan_id, rm.actual_days::float8 / rm.planned_lead_days AS ratio, rm.reached_on, pv.portfolio
              FROM reference_milestone rm
              JOIN reference_plan rp ON rp.plan_id = rm.plan_id
              JOIN plan_view pv ON pv.plan_id = rm.plan_id
             WHERE rp.demo = ? AND rm.actual_days IS NOT NULL AND rm.planned_lead_days > 0
               AND rm.planned_at <= ? AND rm.reached_recorded_at <= ?
               AND (rp.closed_at <= ? OR pv.target_date < ?)""";

    private final JdbcTemplate jdbc;

    public ReferenceRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many reference milestones {@link #load} would read, without reading them. */
    public int size(boolean demo, Instant moment, LocalDate day) {
        Integer size = jdbc.queryForObject("SELECT count(*) FROM (" + ELIGIBLE + ") e", Integer.class,
                eligible(demo, moment, day));
        return size == null ? 0 : size;
    }

    private static Object[] eligible(boolean demo, Instant moment, LocalDate day) {
        return new Object[] {demo, Timestamp.from(moment), Timestamp.from(moment), Timestamp.from(moment),
                Date.valueOf(day)};
    }

    /**
     * The record as it stood at {@code moment}, whose day is {@code day}: example data's when {@code demo}, else the
     * organisation's.
     */
    public ReferenceRecord load(boolean demo, Instant moment, LocalDate day) {
        Object[] eligible = eligible(demo, moment, day);
        List<ReferenceRecord.Observation> observations = jdbc.query(ELIGIBLE + " ORDER BY rm.plan_id, ratio",
                (row, number) -> new ReferenceRecord.Observation(row.getObject("plan_id", UUID.class),
                        row.getString("portfolio"), row.getDouble("ratio"), row.getObject("reached_on", LocalDate.class)),
                eligible);
        Map<UUID, Map<String, Long>> moves = new HashMap<>();
        Object[] arguments = new Object[eligible.length + 1];
        arguments[0] = Timestamp.from(moment);
        System.arraycopy(eligible, 0, arguments, 1, eligible.length);
        jdbc.query("""
                SELECT m.plan_id, coalesce(m.reason_category, 'NONE') AS category, count(*) AS moves
                  FROM portfolio_move m
                 WHERE m.recorded_at <= ? AND m.plan_id IN (SELECT plan_id FROM (""" + ELIGIBLE + """
                 ) e) GROUP BY 1, 2""",
                row -> {
                    moves.computeIfAbsent(row.getObject("plan_id", UUID.class), plan -> new HashMap<>())
                            .put(row.getString("category"), row.getLong("moves"));
                }, arguments);
        return new ReferenceRecord(day, List.copyOf(observations), moves);
    }
}
