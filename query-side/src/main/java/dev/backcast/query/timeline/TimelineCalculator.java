package dev.backcast.query.timeline;

import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.MilestoneSchedule;
import dev.backcast.plan.scheduling.Schedule;
import dev.backcast.plan.scheduling.SchedulingCalendar;
import dev.backcast.query.plans.PlanDocuments;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Walks a plan's history once, scheduling the plan after every revision, and collects what planned-against-actual
 * needs: first planned due dates, every later move of a due date or the target date, and who moved it why.
 */
final class TimelineCalculator {

    private final ZoneId zone;
    private final PlanState.Fold fold = new PlanState.Fold(PlanState.initial());
    private final Map<UUID, Tracked> milestones = new LinkedHashMap<>();
    private final List<PlanTimeline.Move> targetMoves = new ArrayList<>();
    private PlanState current = PlanState.initial();
    private Schedule schedule;
    private boolean approved;
    private LocalDate firstPlannedTarget;

    TimelineCalculator(ZoneId zone) {
        this.zone = zone;
    }

    /** What is known of one milestone over the whole history, removed ones included. */
    private static final class Tracked {
        private String name;
        private LocalDate firstPlannedDue;
        private LocalDate lastDue;
        private LocalDate reachedOn;
        private boolean removed;
        private final List<PlanTimeline.Move> moves = new ArrayList<>();
    }

    void apply(DomainEventMessage<?> message) {
        PlanEvent event = (PlanEvent) message.getPayload();
        PlanState before = current;
        Schedule scheduleBefore = schedule;
        current = fold.apply(event).state();
        schedule = BackwardScheduler.schedule(current, LocalDate.ofInstant(message.getTimestamp(), zone));
        if (event instanceof PlanApproved) {
            approved = true;
            firstPlannedTarget = current.targetDate();
            schedule.milestones().forEach((id, scheduled) -> tracked(id).firstPlannedDue = scheduled.due());
        } else if (approved) {
            recordMoves(message, event, before, scheduleBefore);
        }
        for (Milestone milestone : current.milestones().values()) {
            Tracked tracked = tracked(milestone.id());
            tracked.name = milestone.name();
            tracked.reachedOn = milestone.reachedOn();
            tracked.lastDue = schedule.milestones().get(milestone.id()).due();
        }
        before.milestones().keySet().stream().filter(id -> !current.milestones().containsKey(id))
                .forEach(id -> tracked(id).removed = true);
    }

    private void recordMoves(DomainEventMessage<?> message, PlanEvent event, PlanState before, Schedule scheduleBefore) {
        SchedulingCalendar calendar = current.calendar();
        ReasonCategory category = event.reason() == null ? null : event.reason().category();
        String note = event.reason() == null ? null : event.reason().note();
        String author = (String) message.getMetaData().get("author");
        long revision = current.revision();
        if (!current.targetDate().equals(before.targetDate())) {
            targetMoves.add(new PlanTimeline.Move(revision, message.getTimestamp(), author, before.targetDate(),
                    current.targetDate(), calendar.daysBetween(before.targetDate(), current.targetDate()), category,
                    note));
        }
        schedule.milestones().forEach((id, scheduled) -> {
            MilestoneSchedule previous = scheduleBefore.milestones().get(id);
            if (previous == null) {
                tracked(id).firstPlannedDue = scheduled.due();
            } else if (!previous.due().equals(scheduled.due())) {
                tracked(id).moves.add(new PlanTimeline.Move(revision, message.getTimestamp(), author, previous.due(),
                        scheduled.due(), calendar.daysBetween(previous.due(), scheduled.due()), category, note));
            }
        });
    }

    private Tracked tracked(UUID milestoneId) {
        return milestones.computeIfAbsent(milestoneId, id -> new Tracked());
    }

    PlanTimeline result(LocalDate asOf, String baselineName) {
        Schedule now = BackwardScheduler.schedule(current, asOf);
        SchedulingCalendar calendar = current.calendar();
        Baseline approvedBaseline = current.baselines().get("approved");
        Baseline chosen = baselineName == null ? null : current.baselines().get(baselineName);
        List<PlanTimeline.MilestoneLine> lines = new ArrayList<>();
        List<UUID> order = new ArrayList<>(now.milestones().keySet());
        milestones.keySet().stream().filter(id -> !now.milestones().containsKey(id)).forEach(order::add);
        for (UUID id : order) {
            Tracked tracked = milestones.get(id);
            MilestoneSchedule scheduled = now.milestones().get(id);
            LocalDate outcome = tracked.reachedOn != null ? tracked.reachedOn
                    : scheduled == null ? null : scheduled.forecast();
            Map<String, LocalDate> baselineDue = new LinkedHashMap<>();
            current.baselines().forEach((name, baseline) -> {
                if (baseline.dueDates().containsKey(id)) {
                    baselineDue.put(name, baseline.dueDates().get(id));
                }
            });
            lines.add(new PlanTimeline.MilestoneLine(id, tracked.name, tracked.removed, tracked.firstPlannedDue,
                    baselineDue, scheduled == null ? null : scheduled.due(), scheduled == null ? null : scheduled.forecast(),
                    tracked.reachedOn, slip(calendar, tracked.firstPlannedDue, outcome),
                    slip(calendar, approvedBaseline == null ? null : approvedBaseline.dueDates().get(id), outcome),
                    slip(calendar, chosen == null ? null : chosen.dueDates().get(id), outcome),
                    tracked.moves.size(), List.copyOf(tracked.moves)));
        }
        PlanDocuments.GoalOutlook outlook = PlanDocuments.GoalOutlook.of(current, now);
        LocalDate goalOutcome = outlook.forecastGoalDate();
        Map<String, LocalDate> baselineTarget = new LinkedHashMap<>();
        current.baselines().forEach((name, baseline) -> baselineTarget.put(name, baseline.targetDate()));
        PlanTimeline.GoalLine goal = new PlanTimeline.GoalLine(firstPlannedTarget, baselineTarget,
                current.targetDate(), goalOutcome, outlook.lateByDays(), current.achievedOn(),
                slip(calendar, firstPlannedTarget, goalOutcome),
                slip(calendar, approvedBaseline == null ? null : approvedBaseline.targetDate(), goalOutcome),
                slip(calendar, chosen == null ? null : chosen.targetDate(), goalOutcome),
                targetMoves.size(), List.copyOf(targetMoves));
        return new PlanTimeline(current.planId(), current.revision(), asOf, baselineName, lines, goal);
    }

    private static Integer slip(SchedulingCalendar calendar, LocalDate planned, LocalDate outcome) {
        return planned == null || outcome == null ? null : calendar.daysBetween(planned, outcome);
    }
}
