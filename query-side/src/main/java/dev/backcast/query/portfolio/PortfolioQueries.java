package dev.backcast.query.portfolio;

import dev.backcast.plan.PlanStatus;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.query.retrospective.Retrospective;
import dev.backcast.query.web.SqlSort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The portfolio roll-up as aggregate queries over the facts the projection keeps ({@link PortfolioFacts}): counts,
 * on-time rate, mean, median (percentile_cont: the mean of the middle two) and 90th percentile (percentile_disc: the
 * nearest rank) of slip, moves by reason and the plans with most slip, with the definitions of {@link PortfolioRollUp}.
 */
@Component
class PortfolioQueries {

    /** Sort keys of the plan table and their columns; ties by plan id. */
    static final Map<String, String> SORTS = Map.of(
            "title", "lower(pv.title) COLLATE \"C\"",
            "status", "pv.status",
            "targetDate", "pv.target_date",
            "forecastGoalDate", "pv.forecast_goal_date",
            "lateByDays", "late_by_days",
            "goalSlipDays", "pp.goal_slip_days");

    private static final String SLIPS_TALLIED = """
            SELECT slip, sum(reached) AS reached, sum(on_time) AS on_time, sum(milestones) AS milestones
              FROM portfolio_slip_tally
             GROUP BY slip""";

    private static final RowMapper<PortfolioRollUp.PlanRow> ROW = (row, number) -> new PortfolioRollUp.PlanRow(
            row.getObject("plan_id", UUID.class), row.getString("title"), row.getString("portfolio"),
            PlanStatus.valueOf(row.getString("status")), row.getObject("target_date", LocalDate.class),
            row.getObject("forecast_goal_date", LocalDate.class), row.getInt("late_by_days"),
            (Integer) row.getObject("goal_slip_days"), row.getLong("reached"), row.getLong("on_time"),
            row.getLong("due_date_moves"), row.getLong("target_date_moves"));

    private static final int ROWS_PER_FETCH = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final Clock clock;

    PortfolioQueries(NamedParameterJdbcTemplate jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(ROWS_PER_FETCH);
        this.cursor = new NamedParameterJdbcTemplate(fetching);
        this.clock = clock;
    }

    /**
     * The portfolio (null for all) and the period (either end may be open) a roll-up is asked for, and the SQL that
     * says so: a condition that is always true is left out, so the whole organisation's figures read the facts
     * without joining the plans.
     */
    record Scope(String portfolio, LocalDate from, LocalDate to) {

        MapSqlParameterSource parameters(Clock clock) {
            return new MapSqlParameterSource("portfolio", portfolio)
                    .addValue("from", from == null ? null : Date.valueOf(from), java.sql.Types.DATE)
                    .addValue("to", to == null ? null : Date.valueOf(to), java.sql.Types.DATE)
                    .addValue("zone", clock.getZone().getId());
        }

        /** The plans of the scope, on plan_view as {@code pv}, for facts tables, which hold no what-if branch. */
        String plans() {
            return portfolio == null ? "TRUE" : "pv.portfolio = :portfolio";
        }

        /** The plans of record of the scope, reading plan_view as {@code pv}, which holds what-if branches too. */
        String plansOfRecord() {
            return "pv.branch_of IS NULL AND " + plans();
        }

        /**
         * The whole organisation over all time, whose slip statistics and moves by reason are summed from the tallies
         * the facts tables keep instead of from every fact.
         */
        boolean tallied() {
            return portfolio == null && from == null && to == null;
        }

        /** The scope's rows of the tally of plans of record. */
        String talliedPlans() {
            return portfolio == null ? "TRUE" : "portfolio = :portfolio";
        }

        /** What a facts table needs to be limited to the scope's plans: nothing for all portfolios. */
        String joinPlans() {
            return portfolio == null ? "" : "JOIN plan_view pv USING (plan_id)";
        }

        /** A day that is known and falls in the period. */
        String inPeriod(String day) {
            return "(" + day + " IS NOT NULL" + (from == null ? "" : " AND " + day + " >= :from")
                    + (to == null ? "" : " AND " + day + " <= :to") + ")";
        }

        /** A move recorded in the period, on the day of the configured zone; every move when no end is given. */
        String movedInPeriod() {
            return from == null && to == null ? "TRUE" : inPeriod("CAST(mv.recorded_at AT TIME ZONE :zone AS DATE)");
        }
    }

    /** Every status with its plans, none left out, from the tally of plans; the plans of the scope are their sum. */
    Map<PlanStatus, Long> countsByStatus(Scope scope) {
        Map<PlanStatus, Long> counts = new EnumMap<>(PlanStatus.class);
        for (PlanStatus status : PlanStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.query("SELECT status, sum(plans) AS plans FROM plan_tally WHERE " + scope.talliedPlans()
                        + " GROUP BY status", scope.parameters(clock), (RowCallbackHandler) row ->
                        counts.put(PlanStatus.valueOf(row.getString("status")), row.getLong("plans")));
        return counts;
    }

    /** The plans forecast to miss their target, the latest first, at most {@code count} of them. */
    Listed<PortfolioRollUp.PlanAtRisk> atRisk(Scope scope, int count) {
        Long total = jdbc.queryForObject("""
                SELECT coalesce(sum(plans), 0) FROM plan_tally
                 WHERE %s AND status IN ('DRAFT', 'ACTIVE') AND late = 1""".formatted(scope.talliedPlans()),
                scope.parameters(clock), Long.class);
        List<PortfolioRollUp.PlanAtRisk> first = jdbc.query("""
                SELECT plan_id, title, late_by_days FROM plan_view pv
                 WHERE %s AND status IN ('DRAFT', 'ACTIVE') AND late_by_days > 0
                 ORDER BY late_by_days DESC, plan_id
                 LIMIT :count""".formatted(scope.plansOfRecord()), scope.parameters(clock).addValue("count", count),
                (row, number) -> new PortfolioRollUp.PlanAtRisk(row.getObject("plan_id", UUID.class),
                        row.getString("title"), row.getInt("late_by_days")));
        return new Listed<>(total == null ? 0 : total, first);
    }

    /**
     * The open plans with a calibrated forecast, and those it gives some chance of missing their target, the likeliest
     * first, at most {@code count} of them; each forecast is as of the day the refresh last brought it to.
     */
    Forecasts likelyToMiss(Scope scope, int count) {
        List<RankedForecast> ranked = jdbc.query("""
                SELECT pv.plan_id, pv.title, pv.target_date, pf.probability_of_meeting_target, pf.p80, pf.as_of,
                       count(*) OVER () AS calibrated,
                       count(*) FILTER (WHERE pf.probability_of_meeting_target < 1) OVER () AS likely
                  FROM plan_forecast pf JOIN plan_view pv ON pv.plan_id = pf.plan_id
                 WHERE %s AND pv.status IN ('DRAFT', 'ACTIVE') AND pf.calibrated
                 ORDER BY pf.probability_of_meeting_target, pv.plan_id
                 LIMIT :count""".formatted(scope.plansOfRecord()), scope.parameters(clock).addValue("count", count),
                (row, number) -> {
                    Double meeting = row.getObject("probability_of_meeting_target", Double.class);
                    PortfolioRollUp.PlanLikelyToMiss likely = meeting == null || meeting >= 1 ? null
                            : new PortfolioRollUp.PlanLikelyToMiss(row.getObject("plan_id", UUID.class),
                            row.getString("title"), 1 - meeting, row.getObject("target_date", LocalDate.class),
                            row.getObject("p80", LocalDate.class), row.getObject("as_of", LocalDate.class));
                    return new RankedForecast(likely, row.getLong("calibrated"), row.getLong("likely"));
                });
        if (ranked.isEmpty()) {
            return new Forecasts(0, new Listed<>(0, List.of()));
        }
        return new Forecasts(ranked.get(0).calibrated(), new Listed<>(ranked.get(0).likely(),
                ranked.stream().map(RankedForecast::plan).filter(Objects::nonNull).toList()));
    }

    /** @param calibrated the open plans with a calibrated forecast, whatever its chance of meeting the target */
    record Forecasts(long calibrated, Listed<PortfolioRollUp.PlanLikelyToMiss> likelyToMiss) {
    }

    /** @param plan null when the forecast gives the plan no chance of missing its target */
    private record RankedForecast(PortfolioRollUp.PlanLikelyToMiss plan, long calibrated, long likely) {
    }

    /**
     * The first plans of a ranking and how many plans it holds in all: an organisation's list would otherwise run to
     * thousands of names.
     */
    record Listed<T>(long total, List<T> first) {
    }

    /** A row and the number of rows there were before the list was cut. */
    private record Counted<T>(T row, long total) {

        static <T> Listed<T> listed(List<Counted<T>> rows) {
            return new Listed<>(rows.isEmpty() ? 0 : rows.get(0).total(),
                    rows.stream().map(Counted::row).toList());
        }
    }

    /** Milestones reached in the period and on time, and the slip of those whose outcome falls in it. */
    record MilestoneFigures(long reached, long onTime, PortfolioRollUp.Slip slip) {
    }

    /**
     * One pass over the milestones of the approved plans: they are counted per slip first, with the milestones
     * reached in the period and on time among them, and the statistics are taken over those few rows. Slips are whole
     * days, so this gives exactly the definitions of {@code avg}, {@code percentile_cont(0.5)} (rows floor and ceil
     * of 0.5 × (n − 1), interpolated) and {@code percentile_disc(0.9)} (the first row at or past 0.9 × n): sorting
     * every milestone's slip twice, and reading the milestones once for the counts and once for the slip, cost
     * several times more. For the whole organisation over all time the per-slip counts are the tallies' sums, which
     * cost what the number of distinct slips costs rather than the number of milestones.
     */
    MilestoneFigures milestones(Scope scope) {
        return jdbc.queryForObject("""
                WITH per_slip AS (%s),
                slips AS (
                    SELECT slip, milestones FROM per_slip WHERE milestones > 0),
                cumulative AS (
                    SELECT slip, milestones, sum(milestones) OVER (ORDER BY slip) AS up_to,
                           sum(milestones) OVER () AS total
                      FROM slips)
                SELECT (SELECT coalesce(sum(reached), 0) FROM per_slip) AS reached,
                       (SELECT coalesce(sum(on_time), 0) FROM per_slip) AS on_time,
                       coalesce(max(total), 0) AS slipped,
                       sum(slip * milestones)::numeric / max(total) AS mean,
                       min(slip) FILTER (WHERE up_to > floor(0.5 * (total - 1))) AS median_low,
                       min(slip) FILTER (WHERE up_to > ceil(0.5 * (total - 1))) AS median_high,
                       max(0.5 * (total - 1) - floor(0.5 * (total - 1))) AS median_fraction,
                       min(slip) FILTER (WHERE up_to >= ceil(0.9 * total::float8)) AS p90
                  FROM cumulative""".formatted(scope.tallied() ? SLIPS_TALLIED : milestonesPerSlip(scope)),
                scope.parameters(clock), (row, number) -> new MilestoneFigures(row.getLong("reached"),
                        row.getLong("on_time"), slip(row)));
    }

    /**
     * Each milestone counted as {@code portfolio_slip_counts} defines reached, on time and counted in the slip
     * statistics (the definition the tallies sum), reached in the period or with its outcome in it.
     */
    private static String milestonesPerSlip(Scope scope) {
        return """
                SELECT c.slip,
                       coalesce(sum(c.reached) FILTER (WHERE %1$s), 0) AS reached,
                       coalesce(sum(c.on_time) FILTER (WHERE %1$s), 0) AS on_time,
                       coalesce(sum(c.milestones) FILTER (WHERE %2$s), 0) AS milestones
                  FROM portfolio_milestone m %3$s, portfolio_slip_counts(m, 1) c
                 WHERE %4$s
                 GROUP BY 1""".formatted(scope.inPeriod("m.reached_on"),
                scope.inPeriod("coalesce(m.reached_on, m.forecast)"), scope.joinPlans(), scope.plans());
    }

    private static PortfolioRollUp.Slip slip(java.sql.ResultSet row) throws java.sql.SQLException {
        int slippedCount = row.getInt("slipped");
        if (slippedCount == 0) {
            return new PortfolioRollUp.Slip(0, null, null, null);
        }
        double low = row.getInt("median_low");
        double median = low + (row.getInt("median_high") - low) * row.getDouble("median_fraction");
        return new PortfolioRollUp.Slip(slippedCount, Math.round(row.getDouble("mean") * 100) / 100.0, median,
                row.getInt("p90"));
    }

    /** Moves of due dates in the period by reason; a move recorded without a reason counts as OTHER. */
    Map<ReasonCategory, Retrospective.Moves> dueDateMovesByReason(Scope scope) {
        Map<ReasonCategory, Retrospective.Moves> moves = new EnumMap<>(ReasonCategory.class);
        String byReason = scope.tallied() ? """
                SELECT reason_category AS category, sum(moves) AS moves, sum(days) AS days
                  FROM portfolio_move_tally
                 GROUP BY 1
                HAVING sum(moves) > 0""" : """
                SELECT coalesce(mv.reason_category, 'OTHER') AS category, count(*) AS moves, sum(mv.days) AS days
                  FROM portfolio_move mv %s
                 WHERE %s AND NOT mv.target_date AND %s
                 GROUP BY 1""".formatted(scope.joinPlans(), scope.plans(), scope.movedInPeriod());
        jdbc.query(byReason, scope.parameters(clock),
                (RowCallbackHandler) row -> moves.put(ReasonCategory.valueOf(row.getString("category")),
                        new Retrospective.Moves(row.getLong("moves"), row.getLong("days"))));
        return moves;
    }

    /** The plans whose target date moved in the period, the most moved first, at most {@code count} of them. */
    Listed<PortfolioRollUp.TargetDateMoves> targetDateMoves(Scope scope, int count) {
        List<Counted<PortfolioRollUp.TargetDateMoves>> listed = jdbc.query("""
                SELECT pv.plan_id, pv.title, count(*) AS moves, sum(mv.days) AS days, count(*) OVER () AS total
                  FROM portfolio_move mv JOIN plan_view pv USING (plan_id)
                 WHERE %s AND mv.target_date AND %s
                 GROUP BY pv.plan_id, pv.title
                 ORDER BY sum(abs(mv.days)) DESC, count(*) DESC, pv.plan_id
                 LIMIT :count""".formatted(scope.plansOfRecord(), scope.movedInPeriod()),
                scope.parameters(clock).addValue("count", count),
                (row, number) -> new Counted<>(new PortfolioRollUp.TargetDateMoves(row.getObject("plan_id", UUID.class),
                        row.getString("title"), row.getLong("moves"), row.getLong("days")), row.getLong("total")));
        return Counted.listed(listed);
    }

    List<PortfolioRollUp.PlanSlip> mostSlipped(Scope scope, int count) {
        return jdbc.query("""
                SELECT pv.plan_id, pv.title, pp.goal_slip_days
                  FROM plan_view pv JOIN portfolio_plan pp USING (plan_id)
                 WHERE %s AND pp.goal_slip_days IS NOT NULL
                 ORDER BY pp.goal_slip_days DESC, pv.title COLLATE "C", pv.plan_id
                 LIMIT :count""".formatted(scope.plansOfRecord()), scope.parameters(clock).addValue("count", count),
                (row, number) -> new PortfolioRollUp.PlanSlip(row.getObject("plan_id", UUID.class),
                        row.getString("title"), row.getInt("goal_slip_days")));
    }

    /** One page of the plan table. */
    List<PortfolioRollUp.PlanRow> rows(Scope scope, String sort, int page, int size) {
        return jdbc.query(rowsQuery(scope, SqlSort.orderBy(sort, SORTS, "pv.plan_id"), "LIMIT :size OFFSET :offset"),
                scope.parameters(clock).addValue("size", size).addValue("offset", (long) page * size), ROW);
    }

    /** Every row of the plan table, fetched from a cursor a few hundred at a time; call it in a transaction. */
    void eachRow(Scope scope, RowCallbackHandler handler) {
        cursor.query(rowsQuery(scope, "pv.plan_id", ""), scope.parameters(clock), handler);
    }

    static PortfolioRollUp.PlanRow row(java.sql.ResultSet row) throws java.sql.SQLException {
        return ROW.mapRow(row, 0);
    }

    /**
     * The plan table: the plans of the page are chosen and ordered first, so the per-plan counts are computed for
     * them only, each plan's milestone facts and moves read once.
     */
    private static String rowsQuery(Scope scope, String order, String page) {
        return """
                WITH listed AS (
                    SELECT pv.plan_id, pv.title, pv.portfolio, pv.status, pv.target_date, pv.forecast_goal_date,
                           CASE WHEN pv.status IN ('DRAFT', 'ACTIVE') THEN pv.late_by_days ELSE 0 END AS late_by_days,
                           pp.goal_slip_days, row_number() OVER (ORDER BY %4$s) AS position
                      FROM plan_view pv LEFT JOIN portfolio_plan pp USING (plan_id)
                     WHERE %3$s
                     ORDER BY %4$s %5$s)
                SELECT listed.*, milestones.reached, milestones.on_time, moves.due_date_moves, moves.target_date_moves
                  FROM listed
                 CROSS JOIN LATERAL (
                       SELECT coalesce(sum(c.reached), 0) AS reached, coalesce(sum(c.on_time), 0) AS on_time
                         FROM portfolio_milestone m, portfolio_slip_counts(m, 1) c
                        WHERE m.plan_id = listed.plan_id AND %1$s) milestones
                 CROSS JOIN LATERAL (
                       SELECT count(*) FILTER (WHERE NOT mv.target_date) AS due_date_moves,
                              count(*) FILTER (WHERE mv.target_date) AS target_date_moves
                         FROM portfolio_move mv
                        WHERE mv.plan_id = listed.plan_id AND %2$s) moves
                 ORDER BY listed.position""".formatted(scope.inPeriod("m.reached_on"), scope.movedInPeriod(),
                scope.plansOfRecord(), order, page);
    }
}
