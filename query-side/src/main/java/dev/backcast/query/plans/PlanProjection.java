package dev.backcast.query.plans;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.scheduling.Schedule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects every plan event into the current plan and its revision history, folding with {@link PlanState#evolve}
 * like the aggregate does. Runs in the tracking "plans" processor: a batch's read-model changes and its token commit
 * together. Whatever can refuse an event is checked before anything is written, so a refused event goes to the
 * dead-letter queue without leaving half a change in the batch's transaction.
 */
@Component
@ProcessingGroup(PlanProjection.PROCESSOR)
public class PlanProjection {

    public static final String PROCESSOR = "plans";
    private static final String BATCH = PlanProjection.class.getName() + ".batch";

    private final PlanViewRepository views;
    private final PlanStateJson json;
    private final PlanCheckpointRepository checkpoints;
    private final int checkpointInterval;
    private final Clock clock;
    private final List<PlanReadModel> readModels;

    public PlanProjection(PlanViewRepository views, PlanStateJson json, PlanCheckpointRepository checkpoints,
                          @Value("${backcast.time-travel-checkpoint-interval:250}") int checkpointInterval,
                          Clock clock, List<PlanReadModel> readModels) {
        this.clock = clock;
        this.readModels = readModels;
        this.views = views;
        this.json = json;
        this.checkpoints = checkpoints;
        this.checkpointInterval = checkpointInterval;
    }

    @EventHandler
    public void on(PlanEvent event, DomainEventMessage<?> message) {
        UUID planId = event.planId();
        if (planId == null || !planId.toString().equals(message.getAggregateIdentifier())) {
            throw new IllegalStateException("Event " + message.getIdentifier() + " is recorded as revision "
                    + (message.getSequenceNumber() + 1) + " of plan " + message.getAggregateIdentifier()
                    + " but names plan " + planId);
        }
        Batch batch = batch();
        PlanView view = batch.views().containsKey(planId) ? batch.views().get(planId)
                : views.findById(planId).orElse(null);
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
        view = view == null ? new PlanView(planId, message.getTimestamp(), author) : view;
        view.update(after, message.getTimestamp(), author);
        FoldedEvent folded = new FoldedEvent(before, event, after, message,
                LocalDate.ofInstant(message.getTimestamp(), clock.getZone()), batch.lastFolded().get(planId));
        batch.add(view, folded);
        if (view.stateJson() == null) {
            storeStateAndFigures(view, folded.scheduleAfterAsOf(LocalDate.now(clock)), LocalDate.now(clock));
        }
        views.save(view);
        readModels.stream().filter(model -> model.keeps(after)).forEach(model -> model.record(folded));
        if (after.revision() % checkpointInterval == 0) {
            checkpoints.save(new PlanCheckpoint(planId, after.revision(), view.createdAt(), view.createdBy(),
                    message.getTimestamp(), author, json.write(after)));
        }
    }

    /** The plans a batch changed, and the last event folded into each. */
    private record Batch(Map<UUID, PlanView> views, Map<UUID, FoldedEvent> lastFolded) {

        void add(PlanView view, FoldedEvent folded) {
            views.put(view.planId(), view);
            lastFolded.put(view.planId(), folded);
        }
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(new LinkedHashMap<>(), new LinkedHashMap<>());
            unitOfWork.onPrepareCommit(committing -> write(batch));
            return batch;
        });
    }

    /**
     * A plan's JSON, the figures plan lists sort on and every other read model are written once per batch, not once
     * per event: a batch of a long plan's events would otherwise serialize and schedule the whole plan for each of
     * them. The plans are written before the other read models, as the daily refresh locks them: each plan's rows
     * are locked in one order.
     */
    private void write(Batch batch) {
        LocalDate today = LocalDate.now(clock);
        List<PlanReadModel.ScheduledPlan> touched = new ArrayList<>(batch.views().size());
        batch.views().forEach((planId, view) -> {
            PlanReadModel.ScheduledPlan scheduled = new PlanReadModel.ScheduledPlan(view.folded(),
                    batch.lastFolded().get(planId).scheduleAfterAsOf(today));
            storeStateAndFigures(view, scheduled.schedule(), today);
            touched.add(scheduled);
        });
        views.flush();
        readModels.forEach(model -> model.write(PlanReadModel.keptBy(model, touched)));
    }

    private void storeStateAndFigures(PlanView view, Schedule schedule, LocalDate today) {
        view.storeState(json.write(view.folded()));
        view.storeFigures(PlanDocuments.GoalOutlook.of(view.folded(), schedule), today);
    }

    @ResetHandler
    public void forgetEverything() {
        readModels.forEach(PlanReadModel::forgetEverything);
        checkpoints.deleteAllInBatch();
        views.deleteAllInBatch();
    }
}
