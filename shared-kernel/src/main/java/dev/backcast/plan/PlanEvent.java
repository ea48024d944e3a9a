package dev.backcast.plan;

import java.util.UUID;

/** A decision recorded about one plan; its meaning is applied in exactly one place, {@link PlanState#evolve}. */
public interface PlanEvent {

    UUID planId();

    /** Why the decision was made; null where the decision did not have to say. */
    Reason reason();
}
