package dev.backcast.query.plans;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.query.web.BadQuery;
import dev.backcast.query.web.ProjectionBehind;
import dev.backcast.query.web.UnknownPlan;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads one plan: as the projection holds it now, or as it stood at a revision or an instant. */
@Component
public class PlanReader {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final int CACHED_DOCUMENTS = 1_000;

    private final PlanViewRepository views;
    private final PlanCheckpointRepository checkpoints;
    private final PlanStateJson json;
    private final ProjectionProgress progress;
    private final EventStore eventStore;
    private final Clock clock;
    private final Duration readYourWritesTimeout;
    /**
     * A document depends only on the plan's revision and on the day it is read (slack and forecasts count from
     * today), so scheduling it again for every read of an unchanged plan is wasted work.
     */
    private final Cache<CurrentDocument, PlanDocument> currentDocuments =
            Caffeine.newBuilder().maximumSize(CACHED_DOCUMENTS).build();

    public PlanReader(PlanViewRepository views, PlanCheckpointRepository checkpoints, PlanStateJson json,
                      ProjectionProgress progress, EventStore eventStore, Clock clock,
                      @Value("${backcast.read-your-writes-timeout:5s}") Duration readYourWritesTimeout) {
        this.views = views;
        this.checkpoints = checkpoints;
        this.json = json;
        this.progress = progress;
        this.eventStore = eventStore;
        this.clock = clock;
        this.readYourWritesTimeout = readYourWritesTimeout;
    }

    /** A plan at one revision, with who created it and who made that revision. */
    public record PlanAt(PlanState state, PlanDocuments.Provenance provenance, LocalDate recordedOn) {
    }

    private record CurrentDocument(UUID planId, long revision, LocalDate today) {
    }

    @Transactional(readOnly = true)
    public PlanDocument current(UUID planId) {
        PlanView view = replayed(planId);
        return currentDocuments.get(new CurrentDocument(planId, view.revision(), LocalDate.now(clock)),
                key -> PlanDocuments.of(json.stateOf(view), key.today(), new PlanDocuments.Provenance(
                        view.createdAt(), view.createdBy(), view.lastChangedAt(), view.lastChangedBy())));
    }

    public PlanDocument atRevision(UUID planId, long revision) {
        PlanAt plan = at(planId, revision);
        return PlanDocuments.of(plan.state(), plan.recordedOn(), plan.provenance());
    }

    public PlanDocument asOf(UUID planId, Instant instant) {
        PlanAt plan = at(planId, instant);
        return PlanDocuments.of(plan.state(), LocalDate.ofInstant(instant, clock.getZone()), plan.provenance());
    }

    /** The plan as it stood at an instant; 404 when it did not exist yet. */
    public PlanAt at(UUID planId, Instant instant) {
        PlanAt plan = fold(planId, event -> !event.getTimestamp().isAfter(instant),
                checkpoints.findFirstByPlanIdAndRecordedAtLessThanEqualOrderByRevisionDesc(planId, instant));
        if (plan == null) {
            throw new UnknownPlan("Plan " + planId + " did not exist yet at " + instant
                    + "; ask about a moment after it was created");
        }
        return plan;
    }

    /** The plan as the projection holds it now. */
    @Transactional(readOnly = true)
    public PlanState currentState(UUID planId) {
        return json.stateOf(replayed(planId));
    }

    private PlanView replayed(UUID planId) {
        PlanView view = views.findById(planId).orElseThrow(() -> unknownOrBehind(planId));
        if (progress.rebuilding() && view.revision() < head(planId)) {
            throw new ProjectionBehind("The read models are being rebuilt and this plan has not been replayed up to "
                    + "its latest revision yet; try again shortly");
        }
        return view;
    }

    /** Refuses to answer from read models that are being rebuilt: they would look complete but not be. */
    public void requireNoRebuild() {
        if (progress.rebuilding()) {
            throw new ProjectionBehind("The read models are being rebuilt from the event store; try again shortly");
        }
    }

    /** The plan exactly as it stood at a revision; 400 when the revision does not exist. */
    public PlanAt at(UUID planId, long revision) {
        long head = head(planId);
        if (revision < 1 || revision > head) {
            throw new BadQuery("revision", "revision " + revision + " does not exist: plan " + planId
                    + " has revisions 1 to " + head);
        }
        return fold(planId, event -> event.getSequenceNumber() < revision,
                checkpoints.findFirstByPlanIdAndRevisionLessThanEqualOrderByRevisionDesc(planId, revision));
    }

    public long head(UUID planId) {
        Optional<Long> lastSequence = eventStore.lastSequenceNumberFor(planId.toString());
        return lastSequence.map(sequence -> sequence + 1).orElseThrow(() -> new UnknownPlan(planId));
    }

    /**
     * Waits, up to a bounded time, until the projection holds at least {@code minRevision}, so a client always reads
     * its own writes; never answers with older data.
     */
    public void awaitRevision(UUID planId, long minRevision) {
        if (minRevision < 1) {
            throw new BadQuery("minRevision", "minRevision is a revision, 1 or more");
        }
        long head = head(planId);
        if (minRevision > head) {
            throw new BadQuery("minRevision", "minRevision " + minRevision + " is beyond the plan's latest revision "
                    + head);
        }
        long deadline = System.nanoTime() + readYourWritesTimeout.toNanos();
        while (views.revisionOf(planId).orElse(0L) < minRevision) {
            if (System.nanoTime() > deadline) {
                throw new ProjectionBehind("The plan's read model has not reached revision " + minRevision
                        + " within " + readYourWritesTimeout.toMillis() + " ms; try again shortly");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProjectionBehind("Interrupted while waiting for revision " + minRevision);
            }
        }
    }

    /**
     * Folds the plan's events while {@code include} holds, starting from the checkpoint if there is one, else from the
     * first event; null when {@code include} holds for none.
     */
    private PlanAt fold(UUID planId, Predicate<DomainEventMessage<?>> include, Optional<PlanCheckpoint> checkpoint) {
        DomainEventStream events = eventStore.readEvents(planId.toString(), checkpoint.map(PlanCheckpoint::revision)
                .orElse(0L));
        if (checkpoint.isEmpty() && !events.hasNext()) {
            throw new UnknownPlan(planId);
        }
        PlanState.Fold fold = new PlanState.Fold(checkpoint.map(c -> json.read(c.stateJson())).orElse(PlanState.initial()));
        Instant createdAt = checkpoint.map(PlanCheckpoint::createdAt).orElse(null);
        String createdBy = checkpoint.map(PlanCheckpoint::createdBy).orElse(null);
        Instant lastChangedAt = checkpoint.map(PlanCheckpoint::recordedAt).orElse(null);
        String lastChangedBy = checkpoint.map(PlanCheckpoint::recordedBy).orElse(null);
        while (events.hasNext() && include.test(events.peek())) {
            DomainEventMessage<?> event = events.next();
            fold.apply((PlanEvent) event.getPayload());
            if (createdAt == null) {
                createdAt = event.getTimestamp();
                createdBy = (String) event.getMetaData().get("author");
            }
            lastChangedAt = event.getTimestamp();
            lastChangedBy = (String) event.getMetaData().get("author");
        }
        if (lastChangedAt == null) {
            return null;
        }
        return new PlanAt(fold.state(), new PlanDocuments.Provenance(createdAt, createdBy, lastChangedAt,
                lastChangedBy), LocalDate.ofInstant(lastChangedAt, clock.getZone()));
    }

    private RuntimeException unknownOrBehind(UUID planId) {
        if (eventStore.lastSequenceNumberFor(planId.toString()).isPresent()) {
            return new ProjectionBehind("Plan " + planId + " was just created and is not in the read model yet; "
                    + "try again shortly or pass minRevision");
        }
        return new UnknownPlan(planId);
    }
}
