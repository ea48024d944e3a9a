package dev.backcast.server.figures;

import dev.backcast.query.tallies.Tallies;
import dev.backcast.server.roles.ProcessRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sums the rows appended to the organisation's tallies, in the processes that write them: a rebuild appends a few
 * thousand rows a minute, a quiet day a handful.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class TallyCompactionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(TallyCompactionSchedule.class);

    private final Tallies tallies;
    private final ProcessRole role;

    public TallyCompactionSchedule(Tallies tallies, ProcessRole role) {
        this.tallies = tallies;
        this.role = role;
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "PT10S")
    void compactTallies() {
        if (!role.runsProjections()) {
            return;
        }
        try {
            tallies.compact();
        } catch (DataAccessException unavailable) {
            LOG.warn("The organisation's tallies could not be summed; the next pass tries again: {}",
                    unavailable.toString());
        }
    }
}
