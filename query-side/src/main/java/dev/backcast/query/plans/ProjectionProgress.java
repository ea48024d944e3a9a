package dev.backcast.query.plans;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/** Whether the plan read models are being rebuilt, when reads must not pass half-replayed plans off as current. */
@Component
public class ProjectionProgress {

    private final EventProcessingConfiguration processing;

    public ProjectionProgress(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public boolean rebuilding() {
        return processing.eventProcessor(PlanProjection.PROCESSOR, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isReplaying).orElse(false);
    }
}
