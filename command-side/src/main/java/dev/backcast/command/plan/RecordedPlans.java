package dev.backcast.command.plan;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** A plan as its recorded events leave it, for decisions that are answered without being recorded. */
@Component
public class RecordedPlans {

    private final EventStore eventStore;

    public RecordedPlans(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** @throws AggregateNotFoundException when no plan has this id, answered 404 like a write to it */
    public PlanState current(UUID planId) {
        // From the first event, never from a snapshot: a snapshot's payload is the aggregate, not an event to fold.
        DomainEventStream events = eventStore.readEvents(planId.toString(), 0);
        PlanState.Fold fold = new PlanState.Fold(PlanState.initial());
        while (events.hasNext()) {
            fold.apply((PlanEvent) events.next().getPayload());
        }
        PlanState plan = fold.state();
        if (!plan.exists()) {
            throw new AggregateNotFoundException(planId.toString(), "There is no plan with id " + planId);
        }
        return plan;
    }
}
