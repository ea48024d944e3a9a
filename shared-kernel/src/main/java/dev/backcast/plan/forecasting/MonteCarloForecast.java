package dev.backcast.plan.forecasting;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.CalendarKind;
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
        int count = order.size();
        int[][] predecessors = new int[count][];
        long[] reachedOn = new long[count];
        boolean[] reached = new boolean[count];
        boolean[] terminal = new boolean[count];
        int[] remaining = new int[count];
        Arrays.fill(terminal, true);
        for (int i = 0; i < count; i++) {
            Milestone milestone = milestones.get(order.get(i));
            predecessors[i] = milestone.predecessors().stream().mapToInt(order::indexOf).toArray();
            for (int predecessor : predecessors[i]) {
                terminal[predecessor] = false;
            }
            reached[i] = milestone.reached();
            reachedOn[i] = reached[i] ? milestone.reachedOn().toEpochDay() : 0;
            remaining[i] = schedule.milestones().get(order.get(i)).remainingDays();
        }
        double longestRatio = Arrays.stream(durationRatios).max().orElseThrow();
        int longestChain = Arrays.stream(remaining).map(days -> wholeDays(days * longestRatio)).sum();
        DayLine days = new DayLine(plan.calendar(), asOf, longestChain);
        long today = asOf.toEpochDay();

        long[][] finishes = new long[count][runs];
        long[] goals = new long[runs];
        int[] critical = new int[count];
        long[] finish = new long[count];
        SplittableRandom random = new SplittableRandom(seed);
        for (int run = 0; run < runs; run++) {
            int last = -1;
            for (int i = 0; i < count; i++) {
                int sampled = wholeDays(remaining[i] * durationRatios[random.nextInt(durationRatios.length)]);
                if (reached[i]) {
                    finish[i] = reachedOn[i];
                } else {
                    long start = today;
                    for (int predecessor : predecessors[i]) {
                        start = Math.max(start, finish[predecessor]);
                    }
                    finish[i] = days.plus(start, sampled);
                }
                finishes[i][run] = finish[i];
                if (terminal[i] && (last < 0 || finish[i] > finish[last])) {
                    last = i;
                }
            }
            goals[run] = finish[last];
            markCriticalChain(last, predecessors, reached, finish, today, critical);
        }
        return result(plan, asOf, runs, seed, schedule, order, finishes, goals, critical);
    }

    /**
     * To the nearest whole day: the record's ratios are already of whole days, and rounding them up once more would
     * add half a day to every simulated milestone.
     */
    private static int wholeDays(double days) {
        return (int) Math.round(days);
    }

    /**
     * The chain that set this run's goal date: from the latest finishing milestone nothing depends on, back through
     * the predecessor that finished last, as long as that predecessor, not the day itself, held the start back.
     * Reached milestones are done and on no path.
     */
    private static void markCriticalChain(int last, int[][] predecessors, boolean[] reached, long[] finish,
                                          long today, int[] critical) {
        int current = last;
        while (current >= 0 && !reached[current]) {
            critical[current]++;
            int driver = -1;
            for (int predecessor : predecessors[current]) {
                if (finish[predecessor] > today && (driver < 0 || finish[predecessor] > finish[driver])) {
                    driver = predecessor;
                }
            }
            current = driver;
        }
    }

    /**
     * {@link SchedulingCalendar#plusDays} for every start from the "as of" day on, by table lookup: the working days
     * from that day are listed once, each found by the calendar itself, so a run costs a few array reads.
     */
    private static final class DayLine {

        private final boolean calendarDays;
        private final long first;
        private final long[] workingDays;
        private final int[] workingDaysUpTo;

        DayLine(SchedulingCalendar calendar, LocalDate asOf, int longestChain) {
            calendarDays = calendar.kind() == CalendarKind.CALENDAR_DAYS;
            first = asOf.toEpochDay();
            if (calendarDays) {
                workingDays = new long[0];
                workingDaysUpTo = new int[0];
                return;
            }
            workingDays = new long[longestChain + 1];
            LocalDate day = calendar.onOrAfter(asOf);
            for (int k = 0; k <= longestChain; k++) {
                workingDays[k] = day.toEpochDay();
                day = calendar.plusDays(day, 1);
            }
            workingDaysUpTo = new int[(int) (workingDays[longestChain] - first) + 1];
            int counted = 0;
            for (int offset = 0; offset < workingDaysUpTo.length; offset++) {
                if (workingDays[counted] == first + offset) {
                    counted++;
                }
                workingDaysUpTo[offset] = counted;
            }
        }

        /** The day {@code days} days of the calendar after {@code start}, which is on or after the "as of" day. */
        long plus(long start, int days) {
            if (calendarDays) {
                return start + days;
            }
            int upTo = workingDaysUpTo[(int) (start - first)];
            if (days == 0) {
                boolean working = upTo > 0 && workingDays[upTo - 1] == start;
                return working ? start : workingDays[upTo];
            }
            return workingDays[upTo + days - 1];
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
