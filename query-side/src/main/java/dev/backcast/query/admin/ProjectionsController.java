package dev.backcast.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The read models' processors: where they stand, and rebuilding one from the event store. */
@RestController
@Tag(name = "Administration", description = "Projection status and rebuilds (role ADMIN)")
public class ProjectionsController {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionsController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @GetMapping("/api/admin/projections")
    @Operation(summary = "Every projection's position, lag and rebuild progress")
    public List<ProjectionStatus> projections() {
        long head = position(eventStore.createHeadToken());
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
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no projection named '"
                        + name + "'; GET /api/admin/projections lists them"));
        if (!processor.supportsReset()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Projection '" + name + "' cannot be rebuilt");
        }
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return ResponseEntity.accepted().body(status(processor, position(eventStore.createHeadToken())));
    }

    private static ProjectionStatus status(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        List<ProjectionStatus.Segment> segmentStatus = segments.values().stream()
                .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                .map(status -> new ProjectionStatus.Segment(status.getSegment().getSegmentId(),
                        position(status.getTrackingToken()), status.isCaughtUp(), status.isReplaying(),
                        status.isErrorState() ? String.valueOf(status.getError()) : null))
                .toList();
        long position = segmentStatus.stream().mapToLong(ProjectionStatus.Segment::position).min().orElse(-1);
        boolean replaying = processor.isReplaying();
        Double progress = null;
        if (replaying) {
            long resetAt = segments.values().stream().map(EventTrackerStatus::getResetPosition)
                    .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max().orElse(head);
            progress = resetAt <= 0 ? 1.0 : Math.min(1.0, Math.max(0, position) / (double) resetAt);
        }
        return new ProjectionStatus(processor.getName(), processor.isRunning(), position, head,
                Math.max(0, head - position), replaying, progress, segmentStatus);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
