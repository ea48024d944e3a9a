package dev.backcast.query.plans;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.scheduling.Schedule;

import java.util.List;

/**
 * A read model kept beside the current plans by the same projection, in the same transaction: asked what it makes of
 * every event of a batch as it is folded, asked to write what it kept when the batch commits, told of the plans whose
 * figures must be brought to a new day, and of a rebuild.
 */
public interface PlanReadModel {

    /**
     * Whether the model is told of this plan at all. Models that span plans (the portfolio, the record forecasts
     * are calibrated on) never hear of what-if branches, which must not count as the organisation's plans.
     */
    default boolean keeps(PlanState plan) {
        return true;
    }

    /**
     * What the model makes of one event, found without changing anything the batch writes. The projection keeps the
     * plan's new state and every model's part only once all of them found theirs, so an event that one model cannot
     * record is parked in the dead-letter queue leaving no trace in the plan or any model, and a retry records it
     * whole.
     */
    Recorded record(FoldedEvent folded);

    /** A model's part of one event, kept in the batch by assignments alone: nothing left in it can fail. */
    @FunctionalInterface
    interface Recorded {
        void keep();
    }

    /**
     * Writes what the batch's events gathered, once per batch. Called after the plans themselves are written, so
     * every writer locks a plan's rows in the same order.
     *
     * @param touched every plan the batch changed, as it stands after the batch, scheduled as of today (a merged or
     *                discarded what-if branch as of the day it was closed)
     */
    void write(List<ScheduledPlan> touched);

    /** The plans' figures that depend on today, brought to the day the plans are scheduled as of. */
    void bringTo(List<ScheduledPlan> plans);

    /** A plan and its schedule as of the day its figures are brought to, computed once for every read model. */
    record ScheduledPlan(PlanState plan, Schedule schedule) {
    }

    void forgetEverything();

    /** The plans {@code model} keeps of {@code plans}. */
    static List<ScheduledPlan> keptBy(PlanReadModel model, List<ScheduledPlan> plans) {
        return plans.stream().filter(scheduled -> model.keeps(scheduled.plan())).toList();
    }
}
