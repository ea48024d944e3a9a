package dev.backcast.server.time;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Clock;

/**
 * Axon stamps events with the application clock while the application runs. Axon keeps its clock in a static field,
 * so on close it gets back what it had: another application in the same JVM must not stamp events with this one's.
 */
public final class EventTimestamps implements AutoCloseable {

    private final Clock previous;

    public EventTimestamps(Clock clock) {
        previous = GenericEventMessage.clock;
        GenericEventMessage.clock = clock;
    }

    @Override
    public void close() {
        GenericEventMessage.clock = previous;
    }
}
