package dev.backcast.server.time;

import dev.backcast.BackcastApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The world's time for a server under test: it starts at a chosen instant, runs on in real time (timeouts and waits
 * inside the server still work) and can jump, e.g. over a midnight.
 */
public final class ChosenTime implements WorldTime {

    private final AtomicReference<Instant> startedAt;
    private final long startedNanos = System.nanoTime();

    public ChosenTime(Instant start) {
        this.startedAt = new AtomicReference<>(start);
    }

    @Override
    public Instant now() {
        return startedAt.get().plusNanos(System.nanoTime() - startedNanos);
    }

    public void jumpTo(Instant instant) {
        startedAt.set(instant.minusNanos(System.nanoTime() - startedNanos));
    }

    /** The whole server with this time, started with the "it" profile and the given arguments. */
    public ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(BackcastApplication.class).profiles("it")
                .initializers(context -> context.getBeanFactory().registerSingleton("worldTime", this))
                .run(arguments);
    }
}
