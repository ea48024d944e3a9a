package dev.backcast.command.refinements;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.RefinePlan;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.MilestoneSchedule;
import dev.backcast.plan.scheduling.Schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a refinement would do to a plan's dates, decided and scheduled exactly as recording it would, without
 * recording anything. A refinement the plan refuses is refused here with the same rejection.
 *
 * @param revision   the plan's current revision, the one the refinement was decided against
 * @param eventCount how many events recording the refinement would append
 * @param milestones every milestone there before or after, from the goal backward: latest due date first, by the due
 *                   date after the refinement, or before it for a removed milestone
 */
public record RefinementPreview(UUID planId, long revision, int eventCount, DateChange targetDate,
                                DateChange mustStartBy, DateChange forecastGoalDate,
                                List<MilestoneEffect> milestones) {

    public RefinementPreview {
        milestones = List.copyOf(milestones);
    }

    /** A date before and after the refinement; null on a side where it does not exist. */
    public record DateChange(LocalDate before, LocalDate after) {
    }

    /**
     * What the refinement does to one milestone; a date is null on the side where the milestone does not exist.
     * {@code MOVED} is about the due date: a milestone whose start-by or forecast alone changes is {@code UNCHANGED},
     * and its dates show the difference.
     */
    public record MilestoneEffect(UUID milestoneId, String name, Effect effect, LocalDate dueBefore,
                                  LocalDate dueAfter, LocalDate startByBefore, LocalDate startByAfter,
                                  LocalDate forecastBefore, LocalDate forecastAfter) {
    }

    public enum Effect {
        ADDED, REMOVED, MOVED, UNCHANGED
    }

    /**
     * @param today the day the refinement would be decided on and the forecasts are computed for
     * @throws dev.backcast.command.plan.PlanRejection       when the refinement as a whole is refused
     * @throws dev.backcast.command.plan.RefinementRejected  when one of its changes is refused
     */
    public static RefinementPreview of(PlanState plan, RefinePlan refinement, LocalDate today) {
        List<PlanEvent> events = RefinementDecisions.decide(plan, refinement, today);
        PlanState refined = plan;
        for (PlanEvent event : events) {
            refined = refined.evolve(event);
        }
        Schedule before = BackwardScheduler.schedule(plan, today);
        Schedule after = BackwardScheduler.schedule(refined, today);
        return new RefinementPreview(plan.planId(), plan.revision(), events.size(),
                new DateChange(before.targetDate(), after.targetDate()),
                new DateChange(before.mustStartBy(), after.mustStartBy()),
                new DateChange(before.forecastGoalDate(), after.forecastGoalDate()),
                milestones(plan, before, refined, after));
    }

    private static List<MilestoneEffect> milestones(PlanState plan, Schedule before, PlanState refined,
                                                    Schedule after) {
        List<MilestoneEffect> effects = new ArrayList<>();
        after.milestones().forEach((id, now) -> effects.add(effect(id, refined.milestones().get(id).name(),
                before.milestones().get(id), now)));
        before.milestones().forEach((id, was) -> {
            if (!after.milestones().containsKey(id)) {
                effects.add(effect(id, plan.milestones().get(id).name(), was, null));
            }
        });
        effects.sort(Comparator.comparing(RefinementPreview::listedDue).reversed()
                .thenComparing(MilestoneEffect::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return effects;
    }

    private static LocalDate listedDue(MilestoneEffect effect) {
        return effect.dueAfter() != null ? effect.dueAfter() : effect.dueBefore();
    }

    private static MilestoneEffect effect(UUID milestoneId, String name, MilestoneSchedule was,
                                          MilestoneSchedule now) {
        Effect effect = was == null ? Effect.ADDED
                : now == null ? Effect.REMOVED
                : was.due().equals(now.due()) ? Effect.UNCHANGED
                : Effect.MOVED;
        return new MilestoneEffect(milestoneId, name, effect, date(was, MilestoneSchedule::due),
                date(now, MilestoneSchedule::due), date(was, MilestoneSchedule::startBy),
                date(now, MilestoneSchedule::startBy), date(was, MilestoneSchedule::forecast),
                date(now, MilestoneSchedule::forecast));
    }

    private static LocalDate date(MilestoneSchedule schedule, Function<MilestoneSchedule, LocalDate> date) {
        return schedule == null ? null : date.apply(schedule);
    }
}
