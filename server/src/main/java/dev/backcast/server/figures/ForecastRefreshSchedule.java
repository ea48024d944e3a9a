package dev.backcast.server.figures;

import dev.backcast.query.forecasts.ForecastRefresh;
import dev.backcast.server.roles.ProcessRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;

/**
 * Brings the stored calibrated forecasts of open plans to their revision and today, in the processes that run the
 * projections. A pass stops after {@link #BUDGET} so the day's figures, which share the scheduler, never wait long;
 * an organisation's morning refresh spreads over several passes.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ForecastRefreshSchedule {

    static final Duration BUDGET = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(ForecastRefreshSchedule.class);

    private final ForecastRefresh refresh;
    private final ProcessRole role;

    public ForecastRefreshSchedule(ForecastRefresh refresh, ProcessRole role) {
        this.refresh = refresh;
        this.role = role;
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${backcast.forecast-refresh-every}")
    void refreshStaleForecasts() {
        if (!role.runsProjections()) {
            return;
        }
        try {
            refresh.refreshStale(BUDGET);
        } catch (DataAccessException unavailable) {
            LOG.warn("The calibrated forecasts could not be refreshed; the next pass tries again: {}",
                    unavailable.toString());
        }
    }
}
