package dev.backcast.server.roles;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the projections' segments over the processes that run them. Each such process says every two seconds
 * that it is alive; one that holds more than its fair share of a processor's segments (the segments divided by the
 * processes alive, rounded up) releases the extra ones for a few seconds, and another process's idle thread claims
 * them. A process that stops or dies leaves its segments to the others: at once after SIGTERM, after the claim
 * timeout after a crash.
 */
@Component
class ProjectionShares {

    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();
    private static final long RELEASE_SECONDS = 5;

    private final ProcessRole role;
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    ProjectionShares(ProcessRole role, JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.role = role;
        this.jdbc = jdbc;
        this.processing = processing;
    }

    @Scheduled(initialDelayString = "PT2S", fixedDelayString = "PT2S")
    void share() {
        if (!role.runsProjections()) {
            return;
        }
        jdbc.update("""
                INSERT INTO projection_node (node_id, last_seen) VALUES (?, now())
                ON CONFLICT (node_id) DO UPDATE SET last_seen = now()""", NODE);
        jdbc.update("DELETE FROM projection_node WHERE last_seen < now() - interval '1 hour'");
        Integer alive = jdbc.queryForObject(
                "SELECT count(*) FROM projection_node WHERE last_seen > now() - interval '6 seconds'", Integer.class);
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning).toList()) {
            Integer segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                    Integer.class, processor.getName());
            int fairShare = (int) Math.ceil(segments / (double) Math.max(1, alive));
            processor.processingStatus().keySet().stream().sorted(Comparator.reverseOrder())
                    .limit(Math.max(0, processor.processingStatus().size() - fairShare))
                    .forEach(segment -> processor.releaseSegment(segment, RELEASE_SECONDS, TimeUnit.SECONDS));
        }
    }

    @PreDestroy
    void leave() {
        jdbc.update("DELETE FROM projection_node WHERE node_id = ?", NODE);
    }
}
