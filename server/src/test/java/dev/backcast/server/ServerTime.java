package dev.backcast.server;

import dev.backcast.server.time.ChosenTime;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The time of the servers the integration tests start in this JVM: noon of a fixed day, running on from there. No test
 * depends on the wall clock or the machine's zone, and none crosses a midnight while it runs.
 */
public final class ServerTime {

    public static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    /** Today for the servers under test, in the "it" profile's zone (UTC). */
    public static final LocalDate TODAY = LocalDate.ofInstant(START, ZoneOffset.UTC);

    private ServerTime() {
    }

    /** Gives an application context the tests' time. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory().registerSingleton("worldTime", new ChosenTime(START));
        }
    }
}
