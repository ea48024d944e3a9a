package dev.backcast.query.forecasts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the milestones a plan's forecast is calibrated on: reached milestones of other plans that were closed, or
 * past their target date, at the moment asked about, recorded by then, with a planned lead time to compare with.
 * Example data only ever calibrates example data. The plan's own portfolio is the class when it holds enough of them,
 * else the whole organisation.
 */
@Component
public class ReferenceClasses {

    /** Fewer reference milestones than this give percentiles that say more about chance than about the record. */
    public static final int MINIMUM_SIZE = 30;

    private static final String ELIGIBLE = """
            SELECT rm.plan_id, rm.actual_days::float8 / rm.planned_lead_days AS ratio, rm.reached_on, pv.portfolio
              FROM reference_milestone rm
              JOIN reference_plan rp ON rp.plan_id = rm.plan_id
              JOIN plan_view pv ON pv.plan_id = rm.plan_id
             WHERE rm.plan_id <> ? AND rp.demo = ? AND rm.actual_days IS NOT NULL AND rm.planned_lead_days > 0
               AND rm.planned_at <= ? AND rm.reached_recorded_at <= ?
               AND (rp.closed_at <= ? OR pv.target_date < ?)""";

    private final JdbcTemplate jdbc;

    public ReferenceClasses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param portfolio  the portfolio it was drawn from, or null for the whole organisation
     * @param ratios     each milestone's actual days ÷ planned lead time
     * @param moves      the due-date and target-date moves of the class's plans by reason category, up to the moment
     */
    public record ReferenceClass(int size, String portfolio, LocalDate firstReached, LocalDate lastReached,
                                 double[] ratios, Map<String, Long> moves) {
    }

    public ReferenceClass of(UUID planId, boolean demo, String portfolio, Instant asOf, LocalDate asOfDay) {
        Object[] eligible = {planId, demo, Timestamp.from(asOf), Timestamp.from(asOf), Timestamp.from(asOf),
                Date.valueOf(asOfDay)};
        String scope = null;
        if (portfolio != null) {
            Integer inPortfolio = jdbc.queryForObject("SELECT count(*) FROM (" + ELIGIBLE + ") e WHERE portfolio = ?",
                    Integer.class, append(eligible, portfolio));
            scope = inPortfolio != null && inPortfolio >= MINIMUM_SIZE ? portfolio : null;
        }
        String where = scope == null ? "" : " WHERE portfolio = ?";
        Object[] arguments = scope == null ? eligible : append(eligible, scope);
        List<Double> ratios = new ArrayList<>();
        LocalDate[] period = new LocalDate[2];
        jdbc.query("SELECT ratio, reached_on FROM (" + ELIGIBLE + ") e" + where + " ORDER BY plan_id, ratio", row -> {
            ratios.add(row.getDouble("ratio"));
            LocalDate reached = row.getObject("reached_on", LocalDate.class);
            period[0] = period[0] == null || reached.isBefore(period[0]) ? reached : period[0];
            period[1] = period[1] == null || reached.isAfter(period[1]) ? reached : period[1];
        }, arguments);
        Map<String, Long> moves = new LinkedHashMap<>();
        jdbc.query("""
                SELECT coalesce(m.reason_category, 'NONE') AS category, count(*) AS moves FROM portfolio_move m
                 WHERE m.recorded_at <= ? AND m.plan_id IN (SELECT plan_id FROM (""" + ELIGIBLE + ") e" + where + """
                 ) GROUP BY 1 ORDER BY 2 DESC, 1""",
                row -> {
                    moves.put(row.getString("category"), row.getLong("moves"));
                }, append(new Object[] {Timestamp.from(asOf)}, arguments));
        return new ReferenceClass(ratios.size(), scope, period[0], period[1],
                ratios.stream().mapToDouble(Double::doubleValue).toArray(), moves);
    }

    private static Object[] append(Object[] arguments, Object... more) {
        Object[] all = new Object[arguments.length + more.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(more, 0, all, arguments.length, more.length);
        return all;
    }
}
