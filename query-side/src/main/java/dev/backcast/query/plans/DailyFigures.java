package dev.backcast.query.plans;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.scheduling.BackwardScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps each open plan's forecast goal date and days late as of today: when the day changes in the configured zone
 * (or a plan has no figures yet), the plans whose figures are of another day are scheduled again, in batches, without
 * reading a single event. A plan that changes meanwhile is left to the projection, which writes its figures anyway.
 * A merged or discarded what-if branch is not open: it can no longer change, and keeps the figures of the day it was
 * closed.
 */
@Component
public class DailyFigures {

    private static final Logger LOG = LoggerFactory.getLogger(DailyFigures.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final PlanStateJson json;
    private final Clock clock;
    private final List<PlanReadModel> readModels;
    private final TransactionTemplate transaction;
    private final AtomicReference<Refresh> last = new AtomicReference<>();

    /** One refresh: the day it brought the figures to, how many plans, how long it took. */
    public record Refresh(LocalDate day, int plans, long tookMillis, Instant finishedAt) {
    }

    public DailyFigures(JdbcTemplate jdbc, PlanStateJson json, Clock clock, List<PlanReadModel> readModels,
                        PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.readModels = readModels;
    }

    /**
     * Brings every plan whose figures are of another day to today, in one transaction per batch with the other read
     * models' figures; answers what it did, or null with nothing to do.
     */
    public synchronized Refresh refreshStale() {
        LocalDate today = LocalDate.now(clock);
        long started = System.nanoTime();
        int refreshed = 0;
        int brought;
        do {
            brought = transaction.execute(status -> bringBatchTo(today));
            refreshed += brought;
        } while (brought > 0);
        if (refreshed == 0) {
            return null;
        }
        Refresh refresh = new Refresh(today, refreshed, Duration.ofNanos(System.nanoTime() - started).toMillis(),
                clock.instant());
        last.set(refresh);
        LOG.info("Forecasts and days late of {} plans brought to {} in {} ms", refreshed, today,
                refresh.tookMillis());
        return refresh;
    }

    /** One batch of stale plans brought to {@code today}; answers how many were, 0 when none was left. */
    private int bringBatchTo(LocalDate today) {
        List<PlanReadModel.ScheduledPlan> plans = jdbc.query("""
                SELECT state FROM plan_view
                 WHERE figures_as_of IS NULL OR (status IN ('DRAFT', 'ACTIVE') AND figures_as_of <> ?
                                                  AND (branch_status IS NULL OR branch_status = 'OPEN'))
                 ORDER BY plan_id LIMIT ?
                   FOR UPDATE SKIP LOCKED""", (row, number) -> {
            PlanState plan = json.read(row.getString("state"));
            return new PlanReadModel.ScheduledPlan(plan, BackwardScheduler.schedule(plan, today));
        }, Date.valueOf(today), BATCH);
        jdbc.batchUpdate("""
                UPDATE plan_view SET forecast_goal_date = ?, late_by_days = ?, figures_as_of = ? WHERE plan_id = ?""",
                plans.stream().map(scheduled -> {
                    PlanDocuments.GoalOutlook outlook = PlanDocuments.GoalOutlook.of(scheduled.plan(),
                            scheduled.schedule());
                    return new Object[] {outlook.forecastGoalDate() == null ? null
                            : Date.valueOf(outlook.forecastGoalDate()), outlook.lateByDays(), Date.valueOf(today),
                            scheduled.plan().planId()};
                }).toList());
        readModels.forEach(model -> model.bringTo(PlanReadModel.keptBy(model, plans)));
        return plans.size();
    }

    /** The last refresh that changed anything in this process, or null. */
    public Refresh last() {
        return last.get();
    }
}
