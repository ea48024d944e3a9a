package dev.backcast.query.plans;

import dev.backcast.plan.PlanStatus;
import dev.backcast.query.web.SqlSort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plan lists filtered, sorted and paged by PostgreSQL on the summary columns of the read model and counted from the
 * tally of plans (by the matching rows when searched by title), so a page costs the same for a hundred plans as for
 * ten thousand. Ties are broken by plan id.
 */
@Component
public class PlanList {

    /** Sort keys and their columns; ascending puts plans without a forecast last, descending first. */
    static final Map<String, String> SORTS = Map.of(
            "title", "lower(title) COLLATE \"C\"",
            "targetDate", "target_date",
            "forecastGoalDate", "forecast_goal_date",
            "lateByDays", "late_by_days",
            "lastChangedAt", "last_changed_at");

    private static final RowMapper<PlanSummary> SUMMARY = (row, number) -> new PlanSummary(
            row.getObject("plan_id", UUID.class), row.getString("title"), row.getString("portfolio"),
            PlanStatus.valueOf(row.getString("status")), row.getObject("target_date", LocalDate.class),
            row.getObject("forecast_goal_date", LocalDate.class), row.getInt("late_by_days"), row.getLong("revision"),
            row.getTimestamp("last_changed_at").toInstant(), row.getString("last_changed_by"));

    private final JdbcTemplate jdbc;

    public PlanList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a list asks for; null filters match every plan. */
    public record Filter(String portfolio, PlanStatus status, Boolean late, String titleContains) {
    }

    public PlanPage page(Filter filter, String sort, int page, int size) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        long total = searched(filter) ? jdbc.queryForObject("SELECT count(*) FROM plan_view" + where, Long.class,
                arguments.toArray()) : tallied(filter);
        arguments.add(size);
        arguments.add((long) page * size);
        List<PlanSummary> items = jdbc.query("""
                SELECT plan_id, title, portfolio, status, target_date, forecast_goal_date, late_by_days, revision,
                       last_changed_at, last_changed_by
                  FROM plan_view""" + where + " ORDER BY " + SqlSort.orderBy(sort, SORTS, "plan_id")
                + " LIMIT ? OFFSET ?", SUMMARY,
                arguments.toArray());
        return new PlanPage(items, page, size, total, figuresAsOf(filter));
    }

    /** The oldest day the lateness and forecast of the open plans listed are as of; null when none is open. */
    private LocalDate figuresAsOf(Filter filter) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        Date day = jdbc.queryForObject("SELECT min(figures_as_of) FROM plan_view" + where
                + " AND status IN ('DRAFT', 'ACTIVE')", Date.class,
                arguments.toArray());
        return day == null ? null : day.toLocalDate();
    }

    private static boolean searched(Filter filter) {
        return filter.titleContains() != null && !filter.titleContains().isBlank();
    }

    /**
     * The number of plans a list without a title search holds, from the tally of plans per portfolio, status and
     * lateness: counting them costs what the number of those keys costs, not the number of plans.
     */
    private long tallied(Filter filter) {
        List<Object> arguments = new ArrayList<>();
        List<String> conditions = portfolioAndStatus(filter, arguments);
        if (filter.late() != null) {
            conditions.add(filter.late() ? "late = 1" : "late = 0");
        }
        Long plans = jdbc.queryForObject("SELECT coalesce(sum(plans), 0) FROM plan_tally WHERE "
                + String.join(" AND ", conditions), Long.class, arguments.toArray());
        return plans == null ? 0 : plans;
    }

    private static String where(Filter filter, List<Object> arguments) {
        List<String> conditions = portfolioAndStatus(filter, arguments);
        conditions.add("branch_of IS NULL");
        if (filter.late() != null) {
            conditions.add(filter.late() ? "late_by_days > 0" : "late_by_days = 0");
        }
        if (searched(filter)) {
            conditions.add("strpos(lower(title), lower(?)) > 0");
            arguments.add(filter.titleContains().strip());
        }
        return " WHERE " + String.join(" AND ", conditions);
    }

    /** The conditions on the columns plan_view and plan_tally share, with their arguments added in order. */
    private static List<String> portfolioAndStatus(Filter filter, List<Object> arguments) {
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        if (filter.portfolio() != null) {
            conditions.add("portfolio = ?");
            arguments.add(filter.portfolio());
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            arguments.add(filter.status().name());
        }
        return conditions;
    }
}
