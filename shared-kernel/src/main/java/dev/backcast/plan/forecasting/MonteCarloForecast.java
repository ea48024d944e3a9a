package dev.backcast.plan.forecasting;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.MilestoneSchedule;
import dev.backcast.plan.scheduling.Schedule;
import dev.backcast.plan.scheduling.SchedulingCalendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reference-class forecasting: the scheduler's forward pass run many times, each unreached milestone's remaining
 * lead time multiplied by a duration ratio (actual ÷ planned) drawn from what comparable milestones really took.
 * Pure and seeded: the same plan, day, ratios, runs and seed always give the same forecast.
 */
public final class MonteCarloForecast {

    public static final int MIN_RUNS = 10_000;
    public static final int MAX_RUNS = 200_000;

    /**
     * Rounding a product such as 30 × 0.1 must not add a day because of the binary fraction; a day is only added
     * for at least a millionth of one.
     */
    private static final double ROUNDING_TOLERANCE = 1e-6;

    private MonteCarloForecast() {
    }

    /**
     * @param durationRatios the reference class, each actual duration ÷ planned lead time; at least one
     */
    public static SimulatedForecast simulate(PlanState plan, LocalDate asOf, double[] durationRatios, int runs,
                                             long seed) {
        if (durationRatios.length == 0) {
            throw new IllegalArgumentException("A simulation needs at least one duration ratio");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("A simulation needs at least one run");
        }
        Schedule schedule = BackwardScheduler.schedule(plan, asOf);
        Map<UUID, Milestone> milestones = plan.milestones();
        List<UUID> order = BackwardScheduler.topologicalOrder(milestones.keySet(),
                id -> milestones.get(id).predecessors());
        List<UUID> terminals = terminals(order, milestones);
        SchedulingCalendar calendar = plan.calendar();
        int count = order.size();
        long[][] finishes = new long[count][runs];
        long[] goals = new long[runs];
        int[] critical = new int[count];
        Map<UUID, Integer> index = new LinkedHashMap<>();
        order.forEach(id -> index.put(id, index.size()));
        int[] remaining = order.stream().mapToInt(id -> schedule.milestones().get(id).remainingDays()).toArray();
        int[] sampled = new int[count];
        SplittableRandom random = new SplittableRandom(seed);
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < count; i++) {
                double ratio = durationRatios[random.nextInt(durationRatios.length)];
                sampled[i] = (int) Math.ceil(remaining[i] * ratio - ROUNDING_TOLERANCE);
            }
            Map<UUID, LocalDate> finish = BackwardScheduler.forwardPass(order, milestones,
                    id -> sampled[index.get(id)], asOf, calendar);
            for (int i = 0; i < count; i++) {
                finishes[i][run] = finish.get(order.get(i)).toEpochDay();
            }
            UUID last = terminals.stream().max((a, b) -> finish.get(a).compareTo(finish.get(b))).orElseThrow();
            goals[run] = finish.get(last).toEpochDay();
            markCriticalChain(last, milestones, finish, asOf, index, critical);
        }
        return result(plan, asOf, runs, seed, schedule, order, finishes, goals, critical);
    }

    /**
     * The chain that set this run's goal date: from the latest finishing milestone nothing depends on, back through
     * the predecessor that finished last, as long as that predecessor, not the day itself, held the start back.
     * Reached milestones are done and on no path.
     */
    private static void markCriticalChain(UUID last, Map<UUID, Milestone> milestones, Map<UUID, LocalDate> finish,
                                          LocalDate asOf, Map<UUID, Integer> index, int[] critical) {
        UUID current = last;
        while (current != null && !milestones.get(current).reached()) {
            critical[index.get(current)]++;
            UUID driver = null;
            for (UUID predecessor : milestones.get(current).predecessors()) {
                if (finish.get(predecessor).isAfter(asOf)
                        && (driver == null || finish.get(predecessor).isAfter(finish.get(driver)))) {
                    driver = predecessor;
                }
            }
            current = driver;
        }
    }

    private static SimulatedForecast result(PlanState plan, LocalDate asOf, int runs, long seed, Schedule schedule,
                                            List<UUID> order, long[][] finishes, long[] goals, int[] critical) {
        Map<UUID, SimulatedForecast.MilestoneOutlook> outlooks = new LinkedHashMap<>();
        for (UUID id : schedule.milestones().keySet()) {
            int i = order.indexOf(id);
            long[] sorted = finishes[i].clone();
            Arrays.sort(sorted);
            MilestoneSchedule scheduled = schedule.milestones().get(id);
            outlooks.put(id, new SimulatedForecast.MilestoneOutlook(id, scheduled.due(), scheduled.forecast(),
                    percentiles(sorted), (double) critical[i] / runs,
                    (double) countAtOrBefore(sorted, scheduled.due().toEpochDay()) / runs));
        }
        long[] sortedGoals = goals.clone();
        Arrays.sort(sortedGoals);
        SortedMap<LocalDate, Integer> goalDates = new TreeMap<>();
        for (long goal : sortedGoals) {
            goalDates.merge(LocalDate.ofEpochDay(goal), 1, Integer::sum);
        }
        return new SimulatedForecast(asOf, runs, seed, plan.targetDate(), schedule.forecastGoalDate(),
                percentiles(sortedGoals), (double) countAtOrBefore(sortedGoals, plan.targetDate().toEpochDay()) / runs,
                Collections.unmodifiableMap(outlooks), Collections.unmodifiableSortedMap(goalDates));
    }

    private static List<UUID> terminals(List<UUID> order, Map<UUID, Milestone> milestones) {
        return order.stream().filter(id -> milestones.values().stream()
                .noneMatch(other -> other.predecessors().contains(id))).toList();
    }

    /** P50, P80 and P95 by nearest rank: the smallest value with at least that share of runs at or below it. */
    private static SimulatedForecast.Percentiles percentiles(long[] sorted) {
        return new SimulatedForecast.Percentiles(nearestRank(sorted, 0.50), nearestRank(sorted, 0.80),
                nearestRank(sorted, 0.95));
    }

    static LocalDate nearestRank(long[] sorted, double share) {
        int rank = (int) Math.ceil(share * sorted.length - ROUNDING_TOLERANCE);
        return LocalDate.ofEpochDay(sorted[Math.max(rank, 1) - 1]);
    }

    private static int countAtOrBefore(long[] sorted, long day) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= day) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
