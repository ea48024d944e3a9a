package dev.backcast.query.plans;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.Schedule;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.LocalDate;

/**
 * One event folded into a plan: the plan before and after it, and both scheduled as of the day the event was
 * recorded. A schedule is computed when a read model first asks for it and then shared: by every read model, between
 * one event's plan after and the next event's plan before, which are the same plan, and between the plan before and
 * after an event that left everything a schedule reads alone (a question, a risk, a metric).
 */
public final class FoldedEvent {

    private final PlanState before;
    private final PlanEvent event;
    private final PlanState after;
    private final DomainEventMessage<?> message;
    private final LocalDate recordedOn;
    private FoldedEvent previous;
    private Schedule scheduleBefore;
    private Schedule scheduleAfter;

    /** @param previous the plan's event folded just before this one in the same batch, or null */
    FoldedEvent(PlanState before, PlanEvent event, PlanState after, DomainEventMessage<?> message,
                LocalDate recordedOn, FoldedEvent previous) {
        this.before = before;
        this.event = event;
        this.after = after;
        this.message = message;
        this.recordedOn = recordedOn;
        this.previous = previous != null && previous.after == before && previous.recordedOn.equals(recordedOn)
                ? previous : null;
    }

    public PlanState before() {
        return before;
    }

    public PlanEvent event() {
        return event;
    }

    public PlanState after() {
        return after;
    }

    public DomainEventMessage<?> message() {
        return message;
    }

    public Schedule scheduleBefore() {
        if (scheduleBefore == null) {
            scheduleBefore = previous != null ? previous.scheduleAfter() : BackwardScheduler.schedule(before,
                    recordedOn);
            previous = null;
        }
        return scheduleBefore;
    }

    public Schedule scheduleAfter() {
        if (scheduleAfter == null) {
            scheduleAfter = BackwardScheduler.schedulesAlike(before, after) ? scheduleBefore()
                    : BackwardScheduler.schedule(after, recordedOn);
        }
        return scheduleAfter;
    }

    /** The day, in the configured zone, the event was recorded on. */
    LocalDate recordedOn() {
        return recordedOn;
    }

    /** The plan after the event scheduled as of {@code day}, computed again only for another day. */
    Schedule scheduleAfterAsOf(LocalDate day) {
        return day.equals(recordedOn) ? scheduleAfter() : BackwardScheduler.schedule(after, day);
    }
}
