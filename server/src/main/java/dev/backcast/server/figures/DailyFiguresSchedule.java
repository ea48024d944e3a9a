package dev.backcast.server.figures;

import dev.backcast.query.plans.DailyFigures;
import dev.backcast.server.roles.ProcessRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks every minute (and right after start-up) whether the day has changed for some plan's figures, in the
 * processes that run the projections; the look itself is one indexed query.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DailyFiguresSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DailyFiguresSchedule.class);

    private final DailyFigures figures;
    private final ProcessRole role;

    public DailyFiguresSchedule(DailyFigures figures, ProcessRole role) {
        this.figures = figures;
        this.role = role;
    }

    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "${backcast.daily-figures-check-every}")
    void refreshWhenTheDayChanged() {
        if (!role.runsProjections()) {
            return;
        }
        try {
            figures.refreshStale();
        } catch (DataAccessException unavailable) {
            LOG.warn("The daily figures could not be refreshed; the next look is in a minute: {}",
                    unavailable.toString());
        }
    }
}
