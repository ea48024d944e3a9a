package dev.backcast.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;

/**
 * Rebuilds a projection: asked for by an administrator, or by a database migration that added a read model only a
 * replay can fill (a row in {@code read_model_rebuild_request}), which the first process running the projection
 * takes up when it starts.
 */
@Component
class ProjectionRebuilds {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final EventProcessingConfiguration processing;
    private final ReplayPace pace;
    private final JdbcTemplate jdbc;

    ProjectionRebuilds(EventProcessingConfiguration processing, ReplayPace pace, JdbcTemplate jdbc) {
        this.processing = processing;
        this.pace = pace;
        this.jdbc = jdbc;
    }

    StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no projection named '"
                        + name + "'; GET /api/admin/projections lists them"));
    }

    /** Empties the projection's read models and replays every event; the processor keeps running meanwhile. */
    StreamingEventProcessor rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Projection '" + name + "' cannot be rebuilt");
        }
        processor.shutDown();
        processor.resetTokens();
        pace.started(name);
        processor.start();
        return processor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildWhatMigrationsAskedFor() {
        for (Map<String, Object> request : jdbc.queryForList(
                "SELECT projection, reason FROM read_model_rebuild_request ORDER BY requested_at")) {
            String name = (String) request.get("projection");
            if (processing.eventProcessor(name, StreamingEventProcessor.class)
                    .filter(StreamingEventProcessor::isRunning).isEmpty()) {
                continue;
            }
            try {
                rebuild(name);
                jdbc.update("DELETE FROM read_model_rebuild_request WHERE projection = ?", name);
                LOG.info("Rebuilding projection '{}' as an upgrade asked: {}", name, request.get("reason"));
            } catch (RuntimeException notNow) {
                processor(name).start();
                LOG.warn("Projection '{}' needs a rebuild ({}) but could not start one: {}. Stop every other query "
                        + "process and restart this one, or POST /api/admin/projections/{}/rebuild", name,
                        request.get("reason"), notNow.getMessage(), name);
            }
        }
    }
}
