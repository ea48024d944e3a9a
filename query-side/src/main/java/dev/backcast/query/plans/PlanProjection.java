package dev.backcast.query.plans;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.scheduling.Schedule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Projects every plan event into the current plan and its revision history, folding with {@link PlanState#evolve}
 * like the aggregate does. Runs in the tracking "plans" processor: a batch's read-model changes and its token commit
 * together. Whatever can refuse an event (the fold, every read model's part of it) is worked out before the batch
 * keeps any of it, so a refused event goes to the dead-letter queue without leaving half a change in the batch's
 * transaction, and a retry finds the plan where the event left off.
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
        PlanView view = batch.viewOf(planId, views);
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
        FoldedEvent folded = new FoldedEvent(before, event, after, message,
                LocalDate.ofInstant(message.getTimestamp(), clock.getZone()), batch.lastFolded().get(planId));
        List<PlanReadModel.Recorded> recorded = readModels.stream().filter(model -> model.keeps(after))
                .map(model -> model.record(folded)).toList();
        String checkpoint = after.revision() % checkpointInterval == 0 ? json.write(after) : null;
        view = view == null ? new PlanView(planId, message.getTimestamp(), author) : view;
        view.update(after, message.getTimestamp(), author);
        batch.add(view, folded);
        recorded.forEach(PlanReadModel.Recorded::keep);
        if (checkpoint != null) {
            batch.checkpoints().add(new PlanCheckpoint(planId, after.revision(), view.createdAt(), view.createdBy(),
                    message.getTimestamp(), author, checkpoint));
        }
    }

    /**
     * The plans a batch changed, the last event folded into each, and the time-travel checkpoints its events reached.
     *
     * @param stored the stored plans of every plan the batch has events of, read in one query when the batch's events
     *               are known in advance; null when they are not
     */
    private record Batch(Map<UUID, PlanView> views, Map<UUID, FoldedEvent> lastFolded, Map<UUID, PlanView> stored,
                         List<PlanCheckpoint> checkpoints) {

        /** The plan as the batch left it so far, or as it is stored; null for a plan not projected yet. */
        PlanView viewOf(UUID planId, PlanViewRepository repository) {
            if (views.containsKey(planId)) {
                return views.get(planId);
            }
            return stored != null ? stored.get(planId) : repository.findById(planId).orElse(null);
        }

        void add(PlanView view, FoldedEvent folded) {
            views.put(view.planId(), view);
            lastFolded.put(view.planId(), folded);
        }
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(new LinkedHashMap<>(), new LinkedHashMap<>(), storedPlansOf(unitOfWork),
                    new ArrayList<>());
            unitOfWork.onPrepareCommit(committing -> write(batch));
            return batch;
        });
    }

    /**
     * A processor's batch knows its events from the start, so the plans they are of are read in one query rather
     * than one per plan: a rebuild would otherwise look up every plan on its own, only to find it absent.
     */
    private Map<UUID, PlanView> storedPlansOf(UnitOfWork<?> unitOfWork) {
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching)) {
            return null;
        }
        Set<UUID> planIds = new HashSet<>();
        for (Message<?> message : batching.getMessages()) {
            if (message instanceof DomainEventMessage<?> event) {
                try {
                    planIds.add(UUID.fromString(event.getAggregateIdentifier()));
                } catch (IllegalArgumentException notAPlan) {
                    return null;
                }
            }
        }
        Map<UUID, PlanView> stored = new HashMap<>();
        views.findAllById(planIds).forEach(view -> stored.put(view.planId(), view));
        return stored;
    }

    /**
     * A plan's JSON, the figures plan lists sort on, the time-travel checkpoints and every other read model are
     * written once per batch, not once per event: a batch of a long plan's events would otherwise serialize and
     * schedule the whole plan for each of them. A plan new in the batch is persisted only now, complete, as persisting
     * takes the row it will insert. The plans are written before the other read models, as the daily refresh locks
     * them: each plan's rows are locked in one order.
     */
    private void write(Batch batch) {
        LocalDate today = LocalDate.now(clock);
        List<PlanReadModel.ScheduledPlan> touched = new ArrayList<>(batch.views().size());
        batch.views().forEach((planId, view) -> {
            FoldedEvent last = batch.lastFolded().get(planId);
            // A closed branch can no longer change and its last event closed it: its figures are as of that day,
            // whenever they are written (live, after midnight, in a rebuild), and the day's refresh leaves them.
            LocalDate asOf = view.folded().isClosedBranch() ? last.recordedOn() : today;
            PlanReadModel.ScheduledPlan scheduled = new PlanReadModel.ScheduledPlan(view.folded(),
                    last.scheduleAfterAsOf(asOf));
            storeStateAndFigures(view, scheduled.schedule(), asOf);
            if (view.isNew()) {
                views.save(view);
            }
            touched.add(scheduled);
        });
        checkpoints.saveAll(batch.checkpoints());
        views.flush();
        readModels.forEach(model -> model.write(PlanReadModel.keptBy(model, touched)));
    }

    private void storeStateAndFigures(PlanView view, Schedule schedule, LocalDate day) {
        view.storeState(json.write(view.folded()));
        view.storeFigures(PlanDocuments.GoalOutlook.of(view.folded(), schedule), day);
    }

    @ResetHandler
    public void forgetEverything() {
        readModels.forEach(PlanReadModel::forgetEverything);
        checkpoints.deleteAllInBatch();
        views.deleteAllInBatch();
    }
}
