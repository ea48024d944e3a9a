package dev.backcast.query.forecasts;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.forecasting.MonteCarloForecast;
import dev.backcast.query.plans.PlanReader;
import dev.backcast.query.web.BadQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Calibrated forecasts of one plan. */
@RestController
@Tag(name = "Forecasts")
public class ForecastController {

    /** The runs and seed of a forecast nobody chose them for, also those the portfolio's ranking is made with. */
    public static final String DEFAULT_RUNS = "10000";
    public static final String DEFAULT_SEED = "1";

    private final PlanReader reader;
    private final CalibratedForecasts forecasts;
    private final Clock clock;

    public ForecastController(PlanReader reader, CalibratedForecasts forecasts, Clock clock) {
        this.reader = reader;
        this.forecasts = forecasts;
        this.clock = clock;
    }

    @GetMapping("/api/plans/{planId}/forecast")
    @Operation(summary = "Calibrated forecast", description = "P50, P80 and P95 goal dates, the probability of "
            + "meeting the target date, each milestone's criticality index and a histogram, from a seeded Monte Carlo "
            + "simulation that draws each remaining milestone's duration ratio (actual ÷ planned) from the "
            + "organisation's reached milestones of closed or past-due plans (the plan's portfolio when it has at "
            + "least 30, else all). `asOf` runs it as the plan and the record stood at that instant. Under 30 "
            + "reference milestones the answer says so and gives no percentiles.")
    public ResponseEntity<PlanForecast> forecast(
            @PathVariable UUID planId,
            @Parameter(description = "simulation runs, 10000 to 200000") @RequestParam(defaultValue = DEFAULT_RUNS) int runs,
            @Parameter(description = "the random seed; the same seed gives the same answer")
            @RequestParam(defaultValue = DEFAULT_SEED) long seed,
            @Parameter(description = "an instant, e.g. 2027-03-01T12:00:00Z") @RequestParam(required = false)
            Instant asOf,
            @RequestParam(required = false) Long minRevision) {
        if (runs < MonteCarloForecast.MIN_RUNS || runs > MonteCarloForecast.MAX_RUNS) {
            throw new BadQuery("runs", "runs must be from " + MonteCarloForecast.MIN_RUNS + " to "
                    + MonteCarloForecast.MAX_RUNS + ", not " + runs);
        }
        Instant now = clock.instant();
        if (asOf != null && asOf.isAfter(now)) {
            throw new BadQuery("asOf", "asOf " + asOf + " is in the future; a forecast can only use the record up to "
                    + "now");
        }
        PlanState plan;
        if (asOf != null) {
            plan = reader.at(planId, asOf).state();
        } else {
            if (minRevision != null) {
                reader.awaitRevision(planId, minRevision);
            }
            plan = reader.currentState(planId);
        }
        Instant moment = asOf == null ? now : asOf;
        PlanForecast forecast = forecasts.forecast(plan, moment, LocalDate.ofInstant(moment, clock.getZone()), runs,
                seed);
        return ResponseEntity.ok().eTag("\"" + plan.revision() + "\"").body(forecast);
    }
}
