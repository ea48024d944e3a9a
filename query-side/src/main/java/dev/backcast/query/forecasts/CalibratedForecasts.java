package dev.backcast.query.forecasts;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.PlanStatus;
import dev.backcast.plan.forecasting.MonteCarloForecast;
import dev.backcast.plan.forecasting.ReferenceRecord;
import dev.backcast.plan.forecasting.SimulatedForecast;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.Schedule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A plan's calibrated forecast at a moment: its reference class, then the simulation over it. */
@Component
public class CalibratedForecasts {

    static final int HISTOGRAM_BINS = 30;

    private final ReferenceRecords referenceRecords;
    private final JdbcTemplate jdbc;

    public CalibratedForecasts(ReferenceRecords referenceRecords, JdbcTemplate jdbc) {
        this.referenceRecords = referenceRecords;
        this.jdbc = jdbc;
    }

    /**
     * @param moment the instant whose record counts: now, or the past moment the forecast is made as of
     * @param day    the day the forward pass starts from, the moment's day in the configured zone
     */
    public PlanForecast forecast(PlanState plan, Instant moment, LocalDate day, int runs, long seed) {
        return forecast(plan, referenceRecords.load(isExample(recordedAs(plan)), moment, day), runs, seed);
    }

    /**
     * The plan the record knows this one as: a what-if branch is its plan of record, so neither is calibrated on the
     * other's milestones and a branch of example data stays with example data.
     */
    private static UUID recordedAs(PlanState plan) {
        return plan.isBranch() ? plan.branch().originPlanId() : plan.planId();
    }

    /** Whether the plan is example data, which is only ever calibrated on example data. */
    public boolean isExample(UUID planId) {
        Boolean demo = jdbc.query("SELECT demo FROM reference_plan WHERE plan_id = ?",
                row -> row.next() ? row.getBoolean("demo") : Boolean.FALSE, planId);
        return Boolean.TRUE.equals(demo);
    }

    /** The forecast as of the record's moment and day, its reference class drawn from {@code record}. */
    public static PlanForecast forecast(PlanState plan, ReferenceRecord record, int runs, long seed) {
        LocalDate day = record.day();
        Schedule schedule = BackwardScheduler.schedule(plan, day);
        if (plan.status() == PlanStatus.ACHIEVED || plan.status() == PlanStatus.ABANDONED) {
            return notCalibrated(plan, day, runs, seed, schedule, null, "The plan is "
                    + plan.status().name().toLowerCase(Locale.ROOT) + "; there is nothing left to forecast");
        }
        if (plan.milestones().isEmpty()) {
            return notCalibrated(plan, day, runs, seed, schedule, null,
                    "The plan has no milestones yet; a forecast simulates its milestones");
        }
        ReferenceRecord.ReferenceClass reference = record.classFor(recordedAs(plan), plan.portfolio());
        if (reference.size() < ReferenceRecord.MINIMUM_SIZE) {
            return notCalibrated(plan, day, runs, seed, schedule, reference, "Only " + reference.size()
                    + " reference milestone" + (reference.size() == 1 ? "" : "s") + " (reached milestones of other "
                    + "plans that were closed or past their target date by " + day + "); a calibrated forecast "
                    + "needs at least " + ReferenceRecord.MINIMUM_SIZE);
        }
        SimulatedForecast simulated = MonteCarloForecast.simulate(plan, day, reference.ratios(), runs, seed);
        List<PlanForecast.MilestoneForecast> milestones = new ArrayList<>();
        simulated.milestones().forEach((id, outlook) -> {
            Milestone milestone = plan.milestones().get(id);
            milestones.add(new PlanForecast.MilestoneForecast(id, milestone.name(), outlook.due(),
                    outlook.plainForecast(), milestone.reachedOn(), percentiles(outlook.finish()),
                    outlook.criticalityIndex(), outlook.probabilityOnTime()));
        });
        return new PlanForecast(plan.planId(), plan.revision(), day, runs, seed, plan.targetDate(),
                simulated.plainForecastGoalDate(), true, null, percentiles(simulated.goal()),
                simulated.probabilityOfMeetingTarget(), List.copyOf(milestones), used(reference),
                histogram(simulated.goalDates(), runs));
    }

    private static PlanForecast notCalibrated(PlanState plan, LocalDate day, int runs, long seed, Schedule schedule,
                                              ReferenceRecord.ReferenceClass reference, String because) {
        return new PlanForecast(plan.planId(), plan.revision(), day, runs, seed, plan.targetDate(),
                schedule.forecastGoalDate(), false, because, null, null, List.of(),
                reference == null ? null : used(reference), List.of());
    }

    private static PlanForecast.ReferenceClassUsed used(ReferenceRecord.ReferenceClass reference) {
        double[] sorted = reference.ratios().clone();
        Arrays.sort(sorted);
        PlanForecast.RatioPercentiles ratio = sorted.length == 0 ? null : new PlanForecast.RatioPercentiles(
                nearestRank(sorted, 0.50), nearestRank(sorted, 0.80), nearestRank(sorted, 0.95));
        return new PlanForecast.ReferenceClassUsed(reference.size(), ReferenceRecord.MINIMUM_SIZE,
                reference.portfolio(), reference.firstReached(), reference.lastReached(), ratio, reference.moves());
    }

    private static double nearestRank(double[] sorted, double share) {
        return sorted[Math.max((int) Math.ceil(share * sorted.length - 1e-9), 1) - 1];
    }

    private static PlanForecast.Percentiles percentiles(SimulatedForecast.Percentiles percentiles) {
        return new PlanForecast.Percentiles(percentiles.p50(), percentiles.p80(), percentiles.p95());
    }

    /** Up to {@link #HISTOGRAM_BINS} bins of whole days from the earliest to the latest goal date of any run. */
    static List<PlanForecast.HistogramBin> histogram(Map<LocalDate, Integer> goalDates, int runs) {
        List<LocalDate> days = new ArrayList<>(goalDates.keySet());
        LocalDate first = days.get(0);
        long span = ChronoUnit.DAYS.between(first, days.get(days.size() - 1)) + 1;
        long width = (span + HISTOGRAM_BINS - 1) / HISTOGRAM_BINS;
        List<PlanForecast.HistogramBin> bins = new ArrayList<>();
        int cumulative = 0;
        for (long start = 0; start < span; start += width) {
            LocalDate from = first.plusDays(start);
            LocalDate to = first.plusDays(Math.min(start + width, span) - 1);
            int inBin = goalDates.entrySet().stream().filter(entry -> !entry.getKey().isBefore(from)
                    && !entry.getKey().isAfter(to)).mapToInt(Map.Entry::getValue).sum();
            cumulative += inBin;
            bins.add(new PlanForecast.HistogramBin(from, to, inBin, (double) cumulative / runs));
        }
        return List.copyOf(bins);
    }
}
