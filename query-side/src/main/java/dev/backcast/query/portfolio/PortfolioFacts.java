package dev.backcast.query.portfolio;

import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.PlanStatus;
import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.scheduling.MilestoneSchedule;
import dev.backcast.plan.scheduling.Schedule;
import dev.backcast.plan.scheduling.SchedulingCalendar;
import dev.backcast.query.plans.FoldedEvent;
import dev.backcast.query.plans.PlanDocuments;
import dev.backcast.query.plans.PlanReadModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps what the portfolio roll-up aggregates in SQL, with the timeline's definitions ({@code PlanTimeline}): a
 * milestone's first planned due date is its due date at approval, or right after it was added later; a move is a
 * revision after approval that changed a due date or the target date; slip is the outcome (reached, else forecast)
 * minus the approved due date in the plan's calendar. Each plan touched by a batch of events is written once, when
 * the batch commits.
 */
@Component
public class PortfolioFacts implements PlanReadModel {

    private static final String BATCH = PortfolioFacts.class.getName() + ".batch";
    private static final String APPROVED = "approved";

    private final JdbcTemplate jdbc;

    public PortfolioFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What is known of one milestone over the whole history, removed ones included. */
    private static final class Tracked {
        private LocalDate firstPlannedDue;
        private LocalDate reachedOn;
        private boolean removed;

        private Tracked copy() {
            Tracked copy = new Tracked();
            copy.firstPlannedDue = firstPlannedDue;
            copy.reachedOn = reachedOn;
            copy.removed = removed;
            return copy;
        }
    }

    /** One plan's facts while a batch is folded; an event changes a copy, kept once the whole event is recorded. */
    private static final class Facts {
        private final Map<UUID, Tracked> milestones = new LinkedHashMap<>();
        private LocalDate firstPlannedTarget;

        private Tracked milestone(UUID id) {
            return milestones.computeIfAbsent(id, key -> new Tracked());
        }

        private Facts copy() {
            Facts copy = new Facts();
            milestones.forEach((id, tracked) -> copy.milestones.put(id, tracked.copy()));
            copy.firstPlannedTarget = firstPlannedTarget;
            return copy;
        }
    }

    private record Move(UUID planId, long revision, UUID subjectId, boolean targetDate, Instant recordedAt, int days,
                        String reasonCategory) {
    }

    private record Batch(Map<UUID, Facts> plans, List<Move> moves) {
    }

    @Override
    public boolean keeps(PlanState plan) {
        return !plan.isBranch();
    }

    @Override
    public Recorded record(FoldedEvent folded) {
        PlanState before = folded.before();
        PlanState after = folded.after();
        Batch batch = batch();
        Facts kept = batch.plans().get(after.planId());
        // Nothing is stored of a plan before its first event, so there is nothing to look up.
        Facts facts = kept != null ? kept.copy() : before.exists() ? load(after.planId()) : new Facts();
        List<Move> moves = new ArrayList<>();
        if (folded.event() instanceof PlanApproved) {
            facts.firstPlannedTarget = after.targetDate();
            folded.scheduleAfter().milestones()
                    .forEach((id, scheduled) -> facts.milestone(id).firstPlannedDue = scheduled.due());
        } else if (approved(before)) {
            recordMoves(moves, facts, folded);
        }
        for (Milestone milestone : after.milestones().values()) {
            facts.milestone(milestone.id()).reachedOn = milestone.reachedOn();
        }
        before.milestones().keySet().stream().filter(id -> !after.milestones().containsKey(id))
                .forEach(id -> facts.milestone(id).removed = true);
        return () -> {
            batch.plans().put(after.planId(), facts);
            batch.moves().addAll(moves);
        };
    }

    /** Approved once, the plan never returns to DRAFT; the state before a plan's first event has no status. */
    private static boolean approved(PlanState plan) {
        return plan.status() != null && plan.status() != PlanStatus.DRAFT;
    }

    private static void recordMoves(List<Move> moves, Facts facts, FoldedEvent folded) {
        PlanState before = folded.before();
        PlanState after = folded.after();
        Instant recordedAt = folded.message().getTimestamp();
        SchedulingCalendar calendar = after.calendar();
        String category = folded.event().reason() == null ? null : folded.event().reason().category().name();
        if (!after.targetDate().equals(before.targetDate())) {
            moves.add(new Move(after.planId(), after.revision(), after.planId(), true, recordedAt,
                    calendar.daysBetween(before.targetDate(), after.targetDate()), category));
        }
        Schedule scheduleBefore = folded.scheduleBefore();
        folded.scheduleAfter().milestones().forEach((id, scheduled) -> {
            MilestoneSchedule previous = scheduleBefore.milestones().get(id);
            if (previous == null) {
                facts.milestone(id).firstPlannedDue = scheduled.due();
            } else if (!previous.due().equals(scheduled.due())) {
                moves.add(new Move(after.planId(), after.revision(), id, false, recordedAt,
                        calendar.daysBetween(previous.due(), scheduled.due()), category));
            }
        });
    }

    private Batch batch() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(BATCH,
                key -> new Batch(new LinkedHashMap<>(), new ArrayList<>()));
    }

    private Facts load(UUID planId) {
        Facts facts = new Facts();
        jdbc.query("""
                SELECT milestone_id, first_planned_due, reached_on, removed FROM portfolio_milestone
                 WHERE plan_id = ?""", row -> {
            Tracked tracked = facts.milestone(row.getObject("milestone_id", UUID.class));
            tracked.firstPlannedDue = row.getObject("first_planned_due", LocalDate.class);
            tracked.reachedOn = row.getObject("reached_on", LocalDate.class);
            tracked.removed = row.getBoolean("removed");
        }, planId);
        jdbc.query("SELECT first_planned_target FROM portfolio_plan WHERE plan_id = ?",
                row -> {
                    facts.firstPlannedTarget = row.getObject("first_planned_target", LocalDate.class);
                }, planId);
        return facts;
    }

    @Override
    public void write(List<ScheduledPlan> touched) {
        Batch batch = batch();
        List<Object[]> milestones = new ArrayList<>();
        List<Object[]> plans = new ArrayList<>();
        for (ScheduledPlan scheduled : touched) {
            PlanState plan = scheduled.plan();
            Facts facts = batch.plans().get(plan.planId());
            facts.milestones.forEach((id, tracked) -> milestones.add(milestoneRow(plan, scheduled.schedule(), id,
                    tracked)));
            plans.add(new Object[] {plan.planId(), date(facts.firstPlannedTarget),
                    goalSlip(plan, scheduled.schedule(), facts.firstPlannedTarget)});
        }
        // A plan's facts only ever gain milestones (removed ones stay, marked), so each is upserted; a row that did
        // not change is left as it was, which spares the table a dead row version and the tallies a difference of 0.
        jdbc.batchUpdate("""
                INSERT INTO portfolio_milestone AS m (plan_id, milestone_id, first_planned_due, approved_due,
                                                      current_due, forecast, reached_on, removed, slip_against_approved)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (plan_id, milestone_id) DO UPDATE
                   SET first_planned_due = excluded.first_planned_due, approved_due = excluded.approved_due,
                       current_due = excluded.current_due, forecast = excluded.forecast,
                       reached_on = excluded.reached_on, removed = excluded.removed,
                       slip_against_approved = excluded.slip_against_approved
                 WHERE (m.first_planned_due, m.approved_due, m.current_due, m.forecast, m.reached_on, m.removed,
                        m.slip_against_approved)
                       IS DISTINCT FROM (excluded.first_planned_due, excluded.approved_due, excluded.current_due,
                                         excluded.forecast, excluded.reached_on, excluded.removed,
                                         excluded.slip_against_approved)""", milestones);
        jdbc.batchUpdate("""
                INSERT INTO portfolio_plan (plan_id, first_planned_target, goal_slip_days) VALUES (?, ?, ?)
                ON CONFLICT (plan_id) DO UPDATE SET first_planned_target = excluded.first_planned_target,
                                                    goal_slip_days = excluded.goal_slip_days""", plans);
        jdbc.batchUpdate("""
                INSERT INTO portfolio_move (plan_id, revision, subject_id, target_date, recorded_at, days, reason_category)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", batch.moves().stream().map(move -> new Object[] {move.planId(),
                move.revision(), move.subjectId(), move.targetDate(), Timestamp.from(move.recordedAt()), move.days(),
                move.reasonCategory()}).toList());
    }

    @Override
    public void bringTo(List<ScheduledPlan> plans) {
        Map<UUID, LocalDate> firstTargets = new LinkedHashMap<>();
        jdbc.query("SELECT plan_id, first_planned_target FROM portfolio_plan WHERE plan_id = ANY (?)",
                row -> {
                    firstTargets.put(row.getObject("plan_id", UUID.class),
                            row.getObject("first_planned_target", LocalDate.class));
                }, (Object) plans.stream().map(scheduled -> scheduled.plan().planId()).toArray(UUID[]::new));
        List<UUID> planIds = new ArrayList<>();
        List<UUID> milestoneIds = new ArrayList<>();
        List<Date> forecasts = new ArrayList<>();
        List<Integer> slips = new ArrayList<>();
        List<Object[]> goals = new ArrayList<>();
        for (ScheduledPlan scheduledPlan : plans) {
            PlanState plan = scheduledPlan.plan();
            Schedule schedule = scheduledPlan.schedule();
            schedule.milestones().forEach((id, scheduled) -> {
                planIds.add(plan.planId());
                milestoneIds.add(id);
                forecasts.add(date(scheduled.forecast()));
                slips.add(slipAgainstApproved(plan, id, plan.milestones().get(id).reachedOn(), scheduled));
            });
            goals.add(new Object[] {goalSlip(plan, schedule, firstTargets.get(plan.planId())), plan.planId()});
        }
        // One statement for the whole batch, changing only the rows whose figures moved: the tallies' trigger then
        // runs once, and the rows that stay as they were are not rewritten.
        jdbc.update(connection -> {
            PreparedStatement update = connection.prepareStatement("""
                    UPDATE portfolio_milestone m SET forecast = u.forecast, slip_against_approved = u.slip
                      FROM unnest(?, ?, ?, ?) AS u (plan_id, milestone_id, forecast, slip)
                     WHERE m.plan_id = u.plan_id AND m.milestone_id = u.milestone_id
                       AND (m.forecast, m.slip_against_approved) IS DISTINCT FROM (u.forecast, u.slip)""");
            update.setArray(1, connection.createArrayOf("uuid", planIds.toArray()));
            update.setArray(2, connection.createArrayOf("uuid", milestoneIds.toArray()));
            update.setArray(3, connection.createArrayOf("date", forecasts.toArray()));
            update.setArray(4, connection.createArrayOf("int4", slips.toArray()));
            return update;
        });
        jdbc.batchUpdate("UPDATE portfolio_plan SET goal_slip_days = ? WHERE plan_id = ?", goals);
    }

    private static Object[] milestoneRow(PlanState plan, Schedule schedule, UUID id, Tracked tracked) {
        MilestoneSchedule scheduled = schedule.milestones().get(id);
        return new Object[] {plan.planId(), id, date(tracked.firstPlannedDue), date(approvedDue(plan, id)),
                date(scheduled == null ? null : scheduled.due()), date(scheduled == null ? null : scheduled.forecast()),
                date(tracked.reachedOn), tracked.removed, slipAgainstApproved(plan, id, tracked.reachedOn, scheduled)};
    }

    /** The outcome (reached, else forecast; none for a removed milestone not reached) against the approved due date. */
    private static Integer slipAgainstApproved(PlanState plan, UUID id, LocalDate reachedOn,
                                               MilestoneSchedule scheduled) {
        LocalDate outcome = reachedOn != null ? reachedOn : scheduled == null ? null : scheduled.forecast();
        return slip(plan.calendar(), approvedDue(plan, id), outcome);
    }

    private static LocalDate approvedDue(PlanState plan, UUID id) {
        Baseline approved = plan.baselines().get(APPROVED);
        return approved == null ? null : approved.dueDates().get(id);
    }

    private static Integer goalSlip(PlanState plan, Schedule schedule, LocalDate firstPlannedTarget) {
        LocalDate goalOutcome = PlanDocuments.GoalOutlook.of(plan, schedule).forecastGoalDate();
        return slip(plan.calendar(), firstPlannedTarget, goalOutcome);
    }

    private static Integer slip(SchedulingCalendar calendar, LocalDate planned, LocalDate outcome) {
        return planned == null || outcome == null ? null : calendar.daysBetween(planned, outcome);
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    @Override
    public void forgetEverything() {
        jdbc.update("DELETE FROM portfolio_move");
        jdbc.update("DELETE FROM portfolio_plan");
        jdbc.update("DELETE FROM portfolio_milestone");
    }
}
