package dev.backcast.plan.scheduling;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.steps.ActionStep;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The critical path method's backward pass from the target date (due = late finish, start-by = late start), then a
 * forward pass from the "as of" day for the forecast. Pure: the same plan and day always give the same schedule.
 */
public final class BackwardScheduler {

    private BackwardScheduler() {
    }

    /**
     * Whether two plans have the same schedule on every day, told without scheduling either: a schedule reads a plan's
     * calendar, target date and milestones, nothing else. The fold keeps a part an event left alone as the same
     * object, so a plan before and after an event that touched none of them is alike.
     */
    public static boolean schedulesAlike(PlanState one, PlanState other) {
        return one.calendar() == other.calendar() && one.milestones() == other.milestones()
                && Objects.equals(one.targetDate(), other.targetDate());
    }

    public static Schedule schedule(PlanState plan, LocalDate asOf) {
        SchedulingCalendar calendar = plan.calendar();
        Map<UUID, Milestone> milestones = plan.milestones();
        List<UUID> order = topologicalOrder(milestones.keySet(), id -> milestones.get(id).predecessors());
        Map<UUID, List<UUID>> successors = successors(order, id -> milestones.get(id).predecessors());

        Map<UUID, Integer> leadTimes = new HashMap<>();
        Map<UUID, LocalDate> due = new HashMap<>();
        Map<UUID, LocalDate> startBy = new HashMap<>();
        for (UUID id : reversed(order)) {
            Milestone milestone = milestones.get(id);
            LocalDate latest = successors.get(id).isEmpty() ? plan.targetDate() : null;
            latest = earliest(latest, milestone.deadline());
            for (UUID successor : successors.get(id)) {
                latest = earliest(latest, startBy.get(successor));
            }
            LocalDate dueDate = calendar.onOrBefore(latest);
            int leadTime = Math.max(milestone.leadTimeDays(), longestStepChain(milestone));
            leadTimes.put(id, leadTime);
            due.put(id, dueDate);
            startBy.put(id, calendar.minusDays(dueDate, leadTime));
        }

        Map<UUID, Integer> remaining = new HashMap<>();
        order.forEach(id -> remaining.put(id, remainingDays(leadTimes.get(id), milestones.get(id))));
        Map<UUID, LocalDate> forecast = forwardPass(order, milestones, remaining::get, asOf, calendar);

        Map<UUID, Integer> slack = new HashMap<>();
        order.forEach(id -> slack.put(id, calendar.daysBetween(forecast.get(id), due.get(id))));
        Integer leastSlack = order.stream().filter(id -> !milestones.get(id).reached()).map(slack::get)
                .min(Integer::compare).orElse(null);

        Map<UUID, MilestoneSchedule> scheduled = new LinkedHashMap<>();
        order.stream()
                .sorted(Comparator.comparing(due::get).reversed().thenComparing(id -> milestones.get(id).name(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(id -> scheduled.put(id, new MilestoneSchedule(id, due.get(id), startBy.get(id),
                        leadTimes.get(id), remaining.get(id), forecast.get(id), slack.get(id),
                        !milestones.get(id).reached() && Objects.equals(slack.get(id), leastSlack),
                        scheduleSteps(milestones.get(id), due.get(id), calendar))));

        List<UUID> terminals = order.stream().filter(id -> successors.get(id).isEmpty()).toList();
        LocalDate forecastGoal = terminals.stream().map(forecast::get).max(Comparator.naturalOrder()).orElse(null);
        LocalDate mustStartBy = startBy.values().stream().min(Comparator.naturalOrder()).orElse(null);
        Integer goalSlack = forecastGoal == null ? null : calendar.daysBetween(forecastGoal, plan.targetDate());
        return new Schedule(asOf, plan.targetDate(), mustStartBy, forecastGoal, goalSlack,
                Collections.unmodifiableMap(scheduled), criticalPath(terminals, successors, milestones, scheduled));
    }

    /**
     * The forward pass from the "as of" day: a reached milestone is fixed at its actual date; any other finishes
     * {@code days} of the calendar after the latest of the day and its predecessors' finishes. {@code order} lists
     * every milestone after its predecessors.
     */
    public static Map<UUID, LocalDate> forwardPass(List<UUID> order, Map<UUID, Milestone> milestones,
                                                   ToIntFunction<UUID> days, LocalDate asOf,
                                                   SchedulingCalendar calendar) {
        Map<UUID, LocalDate> finish = new HashMap<>();
        for (UUID id : order) {
            Milestone milestone = milestones.get(id);
            if (milestone.reached()) {
                finish.put(id, milestone.reachedOn());
                continue;
            }
            LocalDate start = asOf;
            for (UUID predecessor : milestone.predecessors()) {
                start = latest(start, finish.get(predecessor));
            }
            finish.put(id, calendar.plusDays(start, days.applyAsInt(id)));
        }
        return finish;
    }

    /**
     * Walks back from a critical milestone nothing depends on; when none is critical (a pinned deadline or work already
     * done on a successor made an earlier chain the tightest), from the latest critical milestone no critical
     * milestone depends on, so the path is empty only when nothing is critical.
     */
    private static List<UUID> criticalPath(List<UUID> terminals, Map<UUID, List<UUID>> successors,
                                           Map<UUID, Milestone> milestones, Map<UUID, MilestoneSchedule> scheduled) {
        List<UUID> path = new ArrayList<>();
        UUID current = terminals.stream().filter(id -> scheduled.get(id).critical())
                .max(Comparator.comparing(id -> scheduled.get(id).due()))
                .orElseGet(() -> scheduled.keySet().stream().filter(id -> scheduled.get(id).critical())
                        .filter(id -> successors.get(id).stream().noneMatch(s -> scheduled.get(s).critical()))
                        .findFirst().orElse(null));
        while (current != null) {
            path.add(current);
            current = milestones.get(current).predecessors().stream().filter(id -> scheduled.get(id).critical())
                    .max(Comparator.comparing(id -> scheduled.get(id).due())).orElse(null);
        }
        return List.copyOf(path);
    }

    private static Map<UUID, StepSchedule> scheduleSteps(Milestone milestone, LocalDate milestoneDue,
                                                         SchedulingCalendar calendar) {
        Map<UUID, ActionStep> steps = milestone.steps();
        List<UUID> order = topologicalOrder(steps.keySet(), id -> steps.get(id).predecessors());
        Map<UUID, List<UUID>> successors = successors(order, id -> steps.get(id).predecessors());
        Map<UUID, LocalDate> due = new HashMap<>();
        Map<UUID, LocalDate> startBy = new HashMap<>();
        for (UUID id : reversed(order)) {
            LocalDate latest = milestoneDue;
            for (UUID successor : successors.get(id)) {
                latest = earliest(latest, startBy.get(successor));
            }
            LocalDate dueDate = calendar.onOrBefore(latest);
            due.put(id, dueDate);
            startBy.put(id, calendar.minusDays(dueDate, steps.get(id).durationDays()));
        }
        Map<UUID, StepSchedule> scheduled = new LinkedHashMap<>();
        order.stream().sorted(Comparator.comparing(due::get).reversed().thenComparing(startBy::get,
                        Comparator.reverseOrder()))
                .forEach(id -> scheduled.put(id, new StepSchedule(id, due.get(id), startBy.get(id))));
        return Collections.unmodifiableMap(scheduled);
    }

    /** The longest chain of step durations under a milestone: the least lead time its steps need. */
    public static int longestStepChain(Milestone milestone) {
        Map<UUID, ActionStep> steps = milestone.steps();
        Map<UUID, Integer> chainEnd = new HashMap<>();
        int longest = 0;
        for (UUID id : topologicalOrder(steps.keySet(), step -> steps.get(step).predecessors())) {
            ActionStep step = steps.get(id);
            int before = step.predecessors().stream().mapToInt(chainEnd::get).max().orElse(0);
            chainEnd.put(id, before + step.durationDays());
            longest = Math.max(longest, before + step.durationDays());
        }
        return longest;
    }

    private static int remainingDays(int leadTime, Milestone milestone) {
        long total = milestone.steps().values().stream().mapToLong(ActionStep::durationDays).sum();
        if (total == 0) {
            return leadTime;
        }
        long done = milestone.steps().values().stream().filter(ActionStep::done).mapToLong(ActionStep::durationDays)
                .sum();
        return (int) ((leadTime * (total - done) + total - 1) / total);
    }

    /**
     * Orders the nodes so that every node comes after its predecessors (Kahn's algorithm, stable in the given order).
     *
     * @throws IllegalStateException when the predecessors form a cycle: the command side never lets one be recorded
     */
    public static List<UUID> topologicalOrder(Iterable<UUID> nodes, Function<UUID, List<UUID>> predecessorsOf) {
        Map<UUID, Integer> waitingFor = new LinkedHashMap<>();
        Map<UUID, List<UUID>> successors = new HashMap<>();
        for (UUID node : nodes) {
            waitingFor.put(node, predecessorsOf.apply(node).size());
            successors.putIfAbsent(node, new ArrayList<>());
            for (UUID predecessor : predecessorsOf.apply(node)) {
                successors.computeIfAbsent(predecessor, key -> new ArrayList<>()).add(node);
            }
        }
        Deque<UUID> ready = new ArrayDeque<>();
        waitingFor.forEach((node, count) -> {
            if (count == 0) {
                ready.add(node);
            }
        });
        List<UUID> order = new ArrayList<>(waitingFor.size());
        while (!ready.isEmpty()) {
            UUID node = ready.poll();
            order.add(node);
            for (UUID successor : successors.get(node)) {
                if (waitingFor.merge(successor, -1, Integer::sum) == 0) {
                    ready.add(successor);
                }
            }
        }
        if (order.size() != waitingFor.size()) {
            throw new IllegalStateException("Dependencies form a cycle; a schedule needs an acyclic plan");
        }
        return order;
    }

    private static Map<UUID, List<UUID>> successors(List<UUID> order, Function<UUID, List<UUID>> predecessorsOf) {
        Map<UUID, List<UUID>> successors = new HashMap<>();
        order.forEach(id -> successors.put(id, new ArrayList<>()));
        order.forEach(id -> predecessorsOf.apply(id).forEach(p -> successors.get(p).add(id)));
        return successors;
    }

    private static List<UUID> reversed(List<UUID> order) {
        List<UUID> copy = new ArrayList<>(order);
        Collections.reverse(copy);
        return copy;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
