package dev.backcast.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/** The read models' processors: where they stand, the events they could not handle, and rebuilding them. */
@RestController
@Tag(name = "Administration", description = "Projection status and rebuilds (role ADMIN)")
public class ProjectionsController {

    private static final int MAX_DEAD_LETTER_SEQUENCES = 100;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final ReplayPace pace;
    private final ProjectionRebuilds rebuilds;

    public ProjectionsController(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                                 ReplayPace pace, ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.pace = pace;
    }

    @GetMapping("/api/admin/projections")
    @Operation(summary = "Every projection's position, lag and rebuild progress")
    public List<ProjectionStatus> projections() {
        long head = head();
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .map(processor -> status(processor, head))
                .toList();
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    @Operation(summary = "Rebuild a projection from the event store", description = "Empties its read model and "
            + "replays every event; the server keeps answering, and plans not yet replayed answer 503 until they "
            + "are. Follow the progress with GET /api/admin/projections.")
    public ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        return ResponseEntity.accepted().body(status(rebuilds.rebuild(name), head()));
    }

    @PostMapping("/api/admin/projections/{name}/dead-letters/{planId}/retry")
    @Operation(summary = "Handle a plan's parked events again", description = "After a fix, processes the plan's "
            + "dead letters in order; answers whether they were all handled, and the projection's status.")
    public RetryOutcome retry(@PathVariable String name, @PathVariable UUID planId) {
        StreamingEventProcessor processor = processor(name);
        parked(name, planId);
        boolean handled = processing.sequencedDeadLetterProcessor(name).orElseThrow()
                .process(letter -> planOf(letter).equals(planId.toString()));
        return new RetryOutcome(planId.toString(), handled, status(processor, head()));
    }

    @PostMapping("/api/admin/projections/{name}/dead-letters/{planId}/discard")
    @Operation(summary = "Give up on a plan's parked events", description = "Removes them from the queue; the plan's "
            + "read model stays at the revision before the first of them until a rebuild, which parks again whatever "
            + "still fails.")
    public ProjectionStatus discard(@PathVariable String name, @PathVariable UUID planId) {
        StreamingEventProcessor processor = processor(name);
        SequencedDeadLetterQueue<EventMessage<?>> queue = parked(name, planId);
        queue.deadLetterSequence(planId.toString()).forEach(queue::evict);
        return status(processor, head());
    }

    /** Whether retrying a plan's parked events handled them all. */
    public record RetryOutcome(String planId, boolean handled, ProjectionStatus projection) {
    }

    private StreamingEventProcessor processor(String name) {
        return rebuilds.processor(name);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> parked(String name, UUID planId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Projection '" + name
                        + "' has no dead-letter queue"));
        if (!queue.contains(planId.toString())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Projection '" + name + "' has no parked events "
                    + "of plan " + planId);
        }
        return queue;
    }

    private List<ProjectionStatus.DeadLetters> deadLetters(String name) {
        List<ProjectionStatus.DeadLetters> parked = new ArrayList<>();
        processing.deadLetterQueue(name).ifPresent(queue -> {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                if (parked.size() == MAX_DEAD_LETTER_SEQUENCES) {
                    break;
                }
                Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
                if (!letters.hasNext()) {
                    continue;
                }
                DeadLetter<? extends EventMessage<?>> first = letters.next();
                long events = 1;
                for (; letters.hasNext(); letters.next()) {
                    events++;
                }
                EventMessage<?> message = first.message();
                long revision = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() + 1 : 0;
                parked.add(new ProjectionStatus.DeadLetters(planOf(first), events, revision, message.getIdentifier(),
                        message.getPayloadType().getSimpleName(),
                        first.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null),
                        first.enqueuedAt(), first.lastTouched()));
            }
        });
        return parked;
    }

    private List<ProjectionStatus.Claim> claims(String name) {
        return jdbc.query("SELECT segment, owner FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (rows, row) -> new ProjectionStatus.Claim(rows.getInt("segment"), rows.getString("owner")), name);
    }

    private static String planOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    private ProjectionStatus status(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        List<ProjectionStatus.Segment> segmentStatus = segments.values().stream()
                .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                .map(status -> new ProjectionStatus.Segment(status.getSegment().getSegmentId(),
                        position(status.getTrackingToken()), status.isCaughtUp(), status.isReplaying(),
                        status.isErrorState() ? String.valueOf(status.getError()) : null))
                .toList();
        long position = segmentStatus.stream().mapToLong(ProjectionStatus.Segment::position).min().orElse(-1);
        boolean replaying = processor.isReplaying();
        long resetAt = segments.values().stream().map(EventTrackerStatus::getResetPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max().orElse(head);
        Double progress = !replaying ? null : resetAt <= 0 ? 1.0
                : Math.min(1.0, Math.max(0, position) / (double) resetAt);
        ReplayPace.Pace rebuildPace = pace.of(processor.getName(), replaying, position, resetAt);
        return new ProjectionStatus(processor.getName(), processor.isRunning(), position, head,
                Math.max(0, head - position), replaying, progress, rebuildPace.eventsPerSecond(),
                rebuildPace.secondsLeft(), segmentStatus, deadLetters(processor.getName()),
                claims(processor.getName()));
    }

    private long head() {
        return position(eventStore.createHeadToken());
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
