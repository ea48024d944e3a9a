package dev.backcast.query.forecasts;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.forecasting.ReferenceRecord;
import dev.backcast.query.plans.PlanStateJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps each open plan's calibrated forecast (the default runs and seed of the forecast API) as of its revision and
 * today, for the portfolio's ranking by chance of missing the target. A pass counts the reference record, reads it
 * once if any plan is stale, and simulates the stale plans in batches until none is left or its time is up; the
 * next pass goes on from there. A plan that had too little history to calibrate on is looked at again as soon as
 * the record holds another number of milestones, which costs no simulation while the record stays too small; a
 * calibrated forecast waits for the plan or the day to change.
 */
@Component
public class ForecastRefresh {

    private static final int RUNS = Integer.parseInt(ForecastController.DEFAULT_RUNS);
    private static final long SEED = Long.parseLong(ForecastController.DEFAULT_SEED);

    private static final Logger LOG = LoggerFactory.getLogger(ForecastRefresh.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final PlanStateJson json;
    private final ReferenceRecords referenceRecords;
    private final Clock clock;
    private final AtomicReference<Refresh> last = new AtomicReference<>();

    /** One pass: the day it brought forecasts to, how many plans, how long it took, whether any is left. */
    public record Refresh(LocalDate day, int plans, long tookMillis, boolean complete, Instant finishedAt) {
    }

    private record StalePlan(UUID planId, boolean example, String state) {
    }

    public ForecastRefresh(JdbcTemplate jdbc, PlanStateJson json, ReferenceRecords referenceRecords,
                           Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.referenceRecords = referenceRecords;
        this.clock = clock;
    }

    /** Forecasts the open plans whose stored forecast is of another revision or day; null with nothing to do. */
    public synchronized Refresh refreshStale(Duration budget) {
        Instant moment = clock.instant();
        LocalDate day = LocalDate.ofInstant(moment, clock.getZone());
        long started = System.nanoTime();
        int exampleSize = referenceRecords.size(true, moment, day);
        int organisationSize = referenceRecords.size(false, moment, day);
        Map<Boolean, ReferenceRecord> records = new HashMap<>();
        int refreshed = 0;
        boolean complete = false;
        while (!complete && Duration.ofNanos(System.nanoTime() - started).compareTo(budget) < 0) {
            List<StalePlan> stale = jdbc.query("""
                    SELECT pv.plan_id, coalesce(rp.demo, FALSE) AS example, pv.state
                      FROM plan_view pv
                      LEFT JOIN plan_forecast pf ON pf.plan_id = pv.plan_id
                      LEFT JOIN reference_plan rp ON rp.plan_id = pv.plan_id
                     WHERE pv.status IN ('DRAFT', 'ACTIVE') AND pv.branch_of IS NULL
                       AND (pf.plan_id IS NULL OR pf.revision <> pv.revision OR pf.as_of <> ?
                            OR (NOT pf.calibrated AND pf.record_size
                                <> CASE WHEN coalesce(rp.demo, FALSE) THEN ? ELSE ? END))
                     ORDER BY pv.plan_id LIMIT ?""",
                    (row, number) -> new StalePlan(row.getObject("plan_id", UUID.class), row.getBoolean("example"),
                            row.getString("state")), Date.valueOf(day), exampleSize, organisationSize, BATCH);
            for (StalePlan plan : stale) {
                store(plan, records.computeIfAbsent(plan.example(),
                        example -> referenceRecords.load(example, moment, day)), moment);
            }
            refreshed += stale.size();
            complete = stale.size() < BATCH;
        }
        if (refreshed == 0) {
            return null;
        }
        Refresh refresh = new Refresh(day, refreshed, Duration.ofNanos(System.nanoTime() - started).toMillis(),
                complete, clock.instant());
        last.set(refresh);
        if (refreshed >= BATCH || !complete) {
            LOG.info("Calibrated forecasts of {} plans brought to {} in {} ms{}", refreshed, day,
                    refresh.tookMillis(), complete ? "" : "; the rest follow in the next pass");
        } else {
            LOG.debug("Calibrated forecasts of {} plan(s) brought to {} in {} ms", refreshed, day,
                    refresh.tookMillis());
        }
        return refresh;
    }

    /** The last pass that forecast any plan in this process, or null. */
    public Refresh last() {
        return last.get();
    }

    private void store(StalePlan stale, ReferenceRecord record, Instant moment) {
        PlanState plan = json.read(stale.state());
        PlanForecast forecast;
        try {
            forecast = CalibratedForecasts.forecast(plan, record, RUNS, SEED);
        } catch (RuntimeException failed) {
            LOG.warn("The calibrated forecast of plan {} at revision {} failed; it is kept out of the ranking until "
                    + "the plan or the day changes", plan.planId(), plan.revision(), failed);
            forecast = null;
        }
        boolean calibrated = forecast != null && forecast.calibrated();
        jdbc.update("""
                INSERT INTO plan_forecast (plan_id, revision, as_of, computed_at, calibrated, reference_size,
                                           record_size, probability_of_meeting_target, p50, p80, p95)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (plan_id) DO UPDATE SET revision = excluded.revision, as_of = excluded.as_of,
                    computed_at = excluded.computed_at, calibrated = excluded.calibrated,
                    reference_size = excluded.reference_size, record_size = excluded.record_size,
                    probability_of_meeting_target = excluded.probability_of_meeting_target,
                    p50 = excluded.p50, p80 = excluded.p80, p95 = excluded.p95""",
                plan.planId(), plan.revision(), Date.valueOf(record.day()), Timestamp.from(moment), calibrated,
                forecast == null || forecast.referenceClass() == null ? 0 : forecast.referenceClass().size(),
                record.observations().size(),
                calibrated ? forecast.probabilityOfMeetingTarget() : null,
                calibrated ? Date.valueOf(forecast.goal().p50()) : null,
                calibrated ? Date.valueOf(forecast.goal().p80()) : null,
                calibrated ? Date.valueOf(forecast.goal().p95()) : null);
    }
}
