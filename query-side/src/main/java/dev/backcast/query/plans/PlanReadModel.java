package dev.backcast.query.plans;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.scheduling.Schedule;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;

/**
 * A read model kept beside the current plans by the same projection, in the same transaction: told of every event
 * with the plan before and after it, of the plans whose figures must be brought to a new day, and of a rebuild.
 */
public interface PlanReadModel {

    void record(PlanState before, PlanEvent event, PlanState after, DomainEventMessage<?> message);

    /** The plans' figures that depend on today, brought to the day the plans are scheduled as of. */
    void bringTo(List<ScheduledPlan> plans);

    /** A plan and its schedule as of the day its figures are brought to, computed once for every read model. */
    record ScheduledPlan(PlanState plan, Schedule schedule) {
    }

    void forgetEverything();
}
