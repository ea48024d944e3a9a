package dev.backcast.plan.forecasting;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.scheduling.CalendarKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import static dev.backcast.plan.PlanFixtures.PLAN_ID;
import static dev.backcast.plan.PlanFixtures.created;
import static dev.backcast.plan.PlanFixtures.id;
import static dev.backcast.plan.PlanFixtures.milestone;
import static dev.backcast.plan.PlanFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MonteCarloForecastTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);
    private static final LocalDate TARGET = LocalDate.of(2028, 6, 30);
    private static final int RUNS = 10_000;

    /**
     * Ratios 0.500, 0.501, … 1.499: a lead time of 100 days takes 100 × ratio days rounded to the nearest day: every
     * day from 51 to 149 ten times in a thousand, 50 and 150 about five times.
     */
    private static final double[] UNIFORM = IntStream.range(0, 1000).mapToDouble(i -> 0.5 + i / 1000.0).toArray();

    /** The exact distribution of 100 × ratio, rounded, over {@link #UNIFORM}: probability by number of days. */
    private static double[] exactDurations() {
        double[] probability = new double[151];
        for (double ratio : UNIFORM) {
            probability[(int) Math.round(100 * ratio)] += 1.0 / UNIFORM.length;
        }
        return probability;
    }

    private static double[] convolve(double[] a, double[] b) {
        double[] sum = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                sum[i + j] += a[i] * b[j];
            }
        }
        return sum;
    }

    /** The smallest number of days with at least that share of the distribution at or below it (nearest rank). */
    private static int percentile(double[] probability, double share) {
        double cumulative = 0;
        for (int days = 0; days < probability.length; days++) {
            cumulative += probability[days];
            if (cumulative >= share - 1e-9) {
                return days;
            }
        }
        throw new AssertionError("no percentile " + share);
    }

    private static long daysFromToday(LocalDate day) {
        return ChronoUnit.DAYS.between(TODAY, day);
    }

    @Test
    void one_milestone_gives_the_percentiles_of_its_duration_distribution_within_the_sampling_error() {
        PlanState plan = plan(created(TARGET), milestone("Certification", 100));

        SimulatedForecast forecast = MonteCarloForecast.simulate(plan, TODAY, UNIFORM, RUNS, 7);

        double[] exact = exactDurations();
        // The standard error of these percentiles is about half a day for 10,000 runs; four days is far beyond it.
        assertThat(daysFromToday(forecast.goal().p50())).isCloseTo(percentile(exact, 0.50), within(4L));
        assertThat(daysFromToday(forecast.goal().p80())).isCloseTo(percentile(exact, 0.80), within(4L));
        assertThat(daysFromToday(forecast.goal().p95())).isCloseTo(percentile(exact, 0.95), within(4L));
        assertThat(forecast.runs()).isEqualTo(RUNS);
        assertThat(forecast.goalDates().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(RUNS);
    }

    @Test
    void the_probability_of_meeting_the_target_is_the_share_of_durations_that_fit_before_it() {
        PlanState plan = plan(created(TODAY.plusDays(120)), milestone("Certification", 100));

        SimulatedForecast forecast = MonteCarloForecast.simulate(plan, TODAY, UNIFORM, RUNS, 11);

        double exact = 0;
        double[] durations = exactDurations();
        for (int days = 0; days <= 120; days++) {
            exact += durations[days];
        }
        assertThat(exact).isCloseTo(0.705, within(1e-9));
        // Three standard errors of a share near 0.7 in 10,000 runs.
        assertThat(forecast.probabilityOfMeetingTarget()).isCloseTo(exact, within(0.014));
    }

    @Test
    void a_chain_of_identical_milestones_adds_their_durations() {
        PlanState plan = plan(created(TARGET), milestone("First", 100), milestone("Second", 100, "First"),
                milestone("Third", 100, "Second"), milestone("Fourth", 100, "Third"));

        SimulatedForecast forecast = MonteCarloForecast.simulate(plan, TODAY, UNIFORM, RUNS, 3);

        double[] one = exactDurations();
        double[] four = convolve(convolve(one, one), convolve(one, one));
        assertThat(daysFromToday(forecast.goal().p50())).isCloseTo(percentile(four, 0.50), within(5L));
        assertThat(daysFromToday(forecast.goal().p80())).isCloseTo(percentile(four, 0.80), within(5L));
        assertThat(daysFromToday(forecast.goal().p95())).isCloseTo(percentile(four, 0.95), within(5L));
        assertThat(forecast.milestones().values()).allSatisfy(milestone ->
                assertThat(milestone.criticalityIndex()).isEqualTo(1.0));
        assertThat(daysFromToday(forecast.milestones().get(id("First")).finish().p50()))
                .isCloseTo(percentile(one, 0.50), within(4L));
    }

    @Test
    void with_every_lead_time_holding_each_run_is_the_plain_forecast() {
        PlanState plan = plan(created(CalendarKind.WORKING_DAYS, List.of(LocalDate.of(2027, 1, 6)), TARGET),
                milestone("Prototype", 5), milestone("Beta done", 20, "Prototype"),
                milestone("GA ready", 10, "Beta done"));

        SimulatedForecast forecast = MonteCarloForecast.simulate(plan, TODAY, new double[] {1.0}, RUNS, 1);

        LocalDate plain = forecast.plainForecastGoalDate();
        assertThat(plain).isNotNull();
        assertThat(forecast.goal()).isEqualTo(new SimulatedForecast.Percentiles(plain, plain, plain));
        assertThat(forecast.goalDates()).containsExactly(java.util.Map.entry(plain, RUNS));
        assertThat(forecast.probabilityOfMeetingTarget()).isEqualTo(1.0);
    }

    @Test
    void the_same_seed_gives_the_same_forecast_and_another_seed_another_sample() {
        PlanState plan = plan(created(TARGET), milestone("Prototype", 30), milestone("Beta done", 60, "Prototype"),
                milestone("Docs", 40, "Prototype"), milestone("GA ready", 20, "Beta done", "Docs"));

        SimulatedForecast first = MonteCarloForecast.simulate(plan, TODAY, UNIFORM, RUNS, 42);
        SimulatedForecast again = MonteCarloForecast.simulate(plan, TODAY, UNIFORM, RUNS, 42);
        SimulatedForecast other = MonteCarloForecast.simulate(plan, TODAY, UNIFORM, RUNS, 43);

        assertThat(again).isEqualTo(first);
        assertThat(other.goalDates()).isNotEqualTo(first.goalDates());
    }

    @Test
    void the_criticality_index_counts_the_runs_in_which_a_branch_set_the_goal_date() {
        PlanState plan = plan(created(TARGET), milestone("Short", 10), milestone("Long", 50),
                milestone("Launch", 10, "Short", "Long"));

        SimulatedForecast forecast = MonteCarloForecast.simulate(plan, TODAY, UNIFORM, RUNS, 5);

        assertThat(forecast.milestones().get(id("Long")).criticalityIndex()).isEqualTo(1.0);
        assertThat(forecast.milestones().get(id("Short")).criticalityIndex()).isEqualTo(0.0);
        assertThat(forecast.milestones().get(id("Launch")).criticalityIndex()).isEqualTo(1.0);
    }

    @Test
    void a_reached_milestone_stays_at_its_actual_date_and_is_on_no_path() {
        LocalDate reachedOn = TODAY.minusDays(3);
        PlanState plan = plan(created(TARGET), milestone("Prototype", 30), milestone("Beta done", 100, "Prototype"),
                new MilestoneReached(PLAN_ID, id("Prototype"), reachedOn, null));

        SimulatedForecast forecast = MonteCarloForecast.simulate(plan, TODAY, UNIFORM, RUNS, 9);

        SimulatedForecast.MilestoneOutlook prototype = forecast.milestones().get(id("Prototype"));
        assertThat(prototype.finish()).isEqualTo(new SimulatedForecast.Percentiles(reachedOn, reachedOn, reachedOn));
        assertThat(prototype.criticalityIndex()).isEqualTo(0.0);
        assertThat(daysFromToday(forecast.goal().p50())).isCloseTo(percentile(exactDurations(), 0.50), within(4L));
    }

    @Test
    void a_milestone_is_on_time_in_the_runs_that_finish_by_its_due_date() {
        PlanState plan = plan(created(TODAY.plusDays(120)), milestone("Certification", 100));

        SimulatedForecast forecast = MonteCarloForecast.simulate(plan, TODAY, UNIFORM, RUNS, 13);

        assertThat(forecast.milestones().get(id("Certification")).probabilityOnTime())
                .isEqualTo(forecast.probabilityOfMeetingTarget());
    }
}
