package dev.backcast.query.forecasts;

import dev.backcast.plan.GoalAchieved;
import dev.backcast.plan.PlanAbandoned;
import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.PlanStatus;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.query.plans.FoldedEvent;
import dev.backcast.query.plans.PlanReadModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
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
 * Keeps the organisation's record that calibrated forecasts draw on: each milestone's first plan (its lead time and
 * start-by when the plan was approved, or when it was added later, as the portfolio counts first planned due dates)
 * and, once reached, the days it really took from when it could start: its planned start-by, or its last
 * predecessor's reaching when that came later, so that a simulation which starts each milestone after its
 * predecessors does not count a predecessor's slip twice.
 */
@Component
public class ReferenceMilestones implements PlanReadModel {

    static final String DEMO = "demo";
    private static final String BATCH = ReferenceMilestones.class.getName() + ".batch";

    private final JdbcTemplate jdbc;

    public ReferenceMilestones(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final class Tracked {
        private Instant plannedAt;
        private int plannedLeadDays;
        private LocalDate plannedStartBy;
        private LocalDate reachedOn;
        private Instant reachedRecordedAt;
        private Integer actualDays;

        private Tracked copy() {
            Tracked copy = new Tracked();
            copy.plannedAt = plannedAt;
            copy.plannedLeadDays = plannedLeadDays;
            copy.plannedStartBy = plannedStartBy;
            copy.reachedOn = reachedOn;
            copy.reachedRecordedAt = reachedRecordedAt;
            copy.actualDays = actualDays;
            return copy;
        }
    }

    /** One plan's facts while a batch is folded; an event changes a copy, kept once the whole event is recorded. */
    private static final class Facts {
        private final Map<UUID, Tracked> milestones = new LinkedHashMap<>();
        private boolean demo;
        private Instant closedAt;

        private Facts copy() {
            Facts copy = new Facts();
            milestones.forEach((id, tracked) -> copy.milestones.put(id, tracked.copy()));
            copy.demo = demo;
            copy.closedAt = closedAt;
            return copy;
        }
    }

    @Override
    public boolean keeps(PlanState plan) {
        return !plan.isBranch();
    }

    @Override
    public Recorded record(FoldedEvent folded) {
        PlanState before = folded.before();
        PlanState after = folded.after();
        Instant recordedAt = folded.message().getTimestamp();
        Map<UUID, Facts> batch = batch();
        Facts kept = batch.get(after.planId());
        // Nothing is stored of a plan before its first event, so there is nothing to look up.
        Facts facts = kept != null ? kept.copy() : before.exists() ? load(after.planId()) : new Facts();
        facts.demo |= folded.message().getMetaData().containsKey(DEMO);
        if (folded.event() instanceof PlanApproved || approved(before)) {
            folded.scheduleAfter().milestones().forEach((id, scheduled) -> {
                Tracked tracked = facts.milestones.computeIfAbsent(id, key -> new Tracked());
                if (tracked.plannedAt == null) {
                    tracked.plannedAt = recordedAt;
                    tracked.plannedLeadDays = scheduled.leadTimeDays();
                    tracked.plannedStartBy = scheduled.startBy();
                }
            });
        }
        for (Milestone milestone : after.milestones().values()) {
            Tracked tracked = facts.milestones.get(milestone.id());
            if (tracked != null && !java.util.Objects.equals(tracked.reachedOn, milestone.reachedOn())) {
                reached(tracked, milestone, after, recordedAt);
            }
        }
        if (folded.event() instanceof GoalAchieved || folded.event() instanceof PlanAbandoned) {
            facts.closedAt = recordedAt;
        }
        return () -> batch.put(after.planId(), facts);
    }

    private static void reached(Tracked tracked, Milestone milestone, PlanState plan, Instant recordedAt) {
        tracked.reachedOn = milestone.reachedOn();
        tracked.reachedRecordedAt = milestone.reached() ? recordedAt : null;
        tracked.actualDays = null;
        if (milestone.reached()) {
            LocalDate couldStart = tracked.plannedStartBy;
            for (UUID predecessor : milestone.predecessors()) {
                LocalDate predecessorReached = plan.milestones().get(predecessor).reachedOn();
                if (predecessorReached != null && predecessorReached.isAfter(couldStart)) {
                    couldStart = predecessorReached;
                }
            }
            tracked.actualDays = Math.max(0, plan.calendar().daysBetween(couldStart, milestone.reachedOn()));
        }
    }

    /** Approved once, the plan never returns to DRAFT; the state before a plan's first event has no status. */
    private static boolean approved(PlanState plan) {
        return plan.status() != null && plan.status() != PlanStatus.DRAFT;
    }

    private Map<UUID, Facts> batch() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(BATCH, key -> new LinkedHashMap<>());
    }

    private Facts load(UUID planId) {
        Facts facts = new Facts();
        jdbc.query("""
                SELECT milestone_id, planned_at, planned_lead_days, planned_start_by, reached_on, reached_recorded_at,
                       actual_days
                  FROM reference_milestone WHERE plan_id = ?""", row -> {
            Tracked tracked = new Tracked();
            tracked.plannedAt = row.getTimestamp("planned_at").toInstant();
            tracked.plannedLeadDays = row.getInt("planned_lead_days");
            tracked.plannedStartBy = row.getObject("planned_start_by", LocalDate.class);
            tracked.reachedOn = row.getObject("reached_on", LocalDate.class);
            Timestamp reachedRecordedAt = row.getTimestamp("reached_recorded_at");
            tracked.reachedRecordedAt = reachedRecordedAt == null ? null : reachedRecordedAt.toInstant();
            tracked.actualDays = row.getObject("actual_days", Integer.class);
            facts.milestones.put(row.getObject("milestone_id", UUID.class), tracked);
        }, planId);
        jdbc.query("SELECT demo, closed_at FROM reference_plan WHERE plan_id = ?", row -> {
            facts.demo = row.getBoolean("demo");
            Timestamp closedAt = row.getTimestamp("closed_at");
            facts.closedAt = closedAt == null ? null : closedAt.toInstant();
        }, planId);
        return facts;
    }

    @Override
    public void write(List<ScheduledPlan> touched) {
        Map<UUID, Facts> batch = batch();
        List<Object[]> milestones = new ArrayList<>();
        List<Object[]> plans = new ArrayList<>();
        for (ScheduledPlan scheduled : touched) {
            UUID planId = scheduled.plan().planId();
            Facts facts = batch.get(planId);
            facts.milestones.forEach((id, tracked) -> milestones.add(new Object[] {planId, id,
                    Timestamp.from(tracked.plannedAt), tracked.plannedLeadDays, Date.valueOf(tracked.plannedStartBy),
                    tracked.reachedOn == null ? null : Date.valueOf(tracked.reachedOn),
                    tracked.reachedRecordedAt == null ? null : Timestamp.from(tracked.reachedRecordedAt),
                    tracked.actualDays}));
            plans.add(new Object[] {planId, facts.demo,
                    facts.closedAt == null ? null : Timestamp.from(facts.closedAt)});
        }
        jdbc.update("DELETE FROM reference_milestone WHERE plan_id = ANY (?)",
                (Object) touched.stream().map(scheduled -> scheduled.plan().planId()).toArray(UUID[]::new));
        jdbc.batchUpdate("""
                INSERT INTO reference_milestone (plan_id, milestone_id, planned_at, planned_lead_days, planned_start_by,
                                                 reached_on, reached_recorded_at, actual_days)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", milestones);
        jdbc.batchUpdate("""
                INSERT INTO reference_plan (plan_id, demo, closed_at) VALUES (?, ?, ?)
                ON CONFLICT (plan_id) DO UPDATE SET demo = excluded.demo, closed_at = excluded.closed_at""", plans);
    }

    @Override
    public void bringTo(List<ScheduledPlan> plans) {
        // What a milestone was planned to take and what it took do not change with the day.
    }

    @Override
    public void forgetEverything() {
        jdbc.update("DELETE FROM reference_milestone");
        jdbc.update("DELETE FROM reference_plan");
    }
}
