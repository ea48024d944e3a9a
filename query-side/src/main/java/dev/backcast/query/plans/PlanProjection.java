package dev.backcast.query.plans;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.query.history.RevisionRecorder;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Projects every plan event into the current plan and its revision history, folding with {@link PlanState#evolve}
 * like the aggregate does. Runs in the pooled "plans" processor: a batch's read-model changes and its token commit
 * together.
 */
@Component
@ProcessingGroup(PlanProjection.PROCESSOR)
public class PlanProjection {

    public static final String PROCESSOR = "plans";

    private final PlanViewRepository views;
    private final PlanStateJson json;
    private final RevisionRecorder revisions;

    public PlanProjection(PlanViewRepository views, PlanStateJson json, RevisionRecorder revisions) {
        this.views = views;
        this.json = json;
        this.revisions = revisions;
    }

    @EventHandler
    public void on(PlanEvent event, DomainEventMessage<?> message) {
        UUID planId = event.planId();
        PlanView view = views.findById(planId).orElse(null);
        PlanState before = view == null ? PlanState.initial() : json.stateOf(view);
        long revision = message.getSequenceNumber() + 1;
        if (revision <= before.revision()) {
            return;
        }
        if (revision != before.revision() + 1) {
            throw new IllegalStateException("Plan " + planId + " is projected up to revision " + before.revision()
                    + " but the next event is revision " + revision);
        }
        PlanState after = before.evolve(event);
        String author = (String) message.getMetaData().get("author");
        if (view == null) {
            view = new PlanView(planId, message.getTimestamp(), author);
        }
        view.update(after, json.write(after), message.getTimestamp(), author);
        views.save(view);
        revisions.record(before, event, after, message);
    }

    @ResetHandler
    public void forgetEverything() {
        revisions.forgetEverything();
        views.deleteAllInBatch();
    }
}
