package dev.backcast.server.audit;

import dev.backcast.query.audit.Seals;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Takes a seal on a schedule ({@code BACKCAST_SEAL_EVERY}, daily by default) and keeps it with the others. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ScheduledSeals {

    private final Seals seals;

    public ScheduledSeals(Seals seals) {
        this.seals = seals;
    }

    @Scheduled(initialDelayString = "${backcast.audit.seal-every:PT24H}",
            fixedDelayString = "${backcast.audit.seal-every:PT24H}")
    void seal() {
        seals.take();
    }
}
