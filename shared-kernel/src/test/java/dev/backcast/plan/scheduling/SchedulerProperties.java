package dev.backcast.plan.scheduling;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.forecasting.MonteCarloForecast;
import dev.backcast.plan.forecasting.SimulatedForecast;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestonePredecessorsChanged;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.steps.ActionStep;
import dev.backcast.plan.steps.StepAdded;
import dev.backcast.plan.steps.StepMarkedDone;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static dev.backcast.plan.PlanFixtures.PLAN_ID;
import static dev.backcast.plan.PlanFixtures.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The backward scheduler's invariants over random acyclic plans, built from events as the system builds them.
 * Milestones and steps only depend on ones generated before them, so every generated plan is acyclic.
 */
class SchedulerProperties {

    record StepSpec(int durationDays, List<Integer> predecessorPicks, boolean done) {
    }

    record MilestoneSpec(int leadTimeDays, List<Integer> predecessorPicks, Integer deadlineDaysBeforeTarget,
                         Integer reachedDaysBeforeAsOf, List<StepSpec> steps) {
    }

    /** A random plan: its calendar, target date, holidays near the target, the "as of" day and its milestones. */
    record PlanSpec(CalendarKind calendar, LocalDate targetDate, List<Integer> holidayDaysBeforeTarget,
                    int asOfDaysBeforeTarget, List<MilestoneSpec> milestones) {

        static UUID milestoneId(int index) {
            return new UUID(0xB0, index + 1);
        }

        static UUID stepId(int milestone, int step) {
            return new UUID(milestone + 1, step + 1);
        }

        LocalDate asOf() {
            return targetDate.minusDays(asOfDaysBeforeTarget);
        }

        List<PlanEvent> events() {
            List<PlanEvent> events = new ArrayList<>();
            events.add(created(calendar, holidayDaysBeforeTarget.stream().map(targetDate::minusDays).toList(),
                    targetDate));
            for (int m = 0; m < milestones.size(); m++) {
                MilestoneSpec spec = milestones.get(m);
                LocalDate deadline = spec.deadlineDaysBeforeTarget() == null ? null
                        : targetDate.minusDays(spec.deadlineDaysBeforeTarget());
                events.add(new MilestoneAdded(PLAN_ID, milestoneId(m), "M" + m, null, null, spec.leadTimeDays(),
                        earlier(spec.predecessorPicks(), m, PlanSpec::milestoneId), deadline, List.of(), null));
                for (int s = 0; s < spec.steps().size(); s++) {
                    StepSpec step = spec.steps().get(s);
                    int milestone = m;
                    events.add(new StepAdded(PLAN_ID, milestoneId(m), stepId(m, s), "S" + s, null,
                            step.durationDays(), earlier(step.predecessorPicks(), s, i -> stepId(milestone, i)),
                            null));
                    if (step.done()) {
                        events.add(new StepMarkedDone(PLAN_ID, milestoneId(m), stepId(m, s), asOf(), null));
                    }
                }
                if (spec.reachedDaysBeforeAsOf() != null) {
                    events.add(new MilestoneReached(PLAN_ID, milestoneId(m),
                            asOf().minusDays(spec.reachedDaysBeforeAsOf()), null));
                }
            }
            return events;
        }

        PlanState plan() {
            return PlanState.replay(events());
        }

        /** Picks become distinct ids among the first {@code count}: only what was generated before. */
        private static List<UUID> earlier(List<Integer> picks, int count, Function<Integer, UUID> idOf) {
            if (count == 0) {
                return List.of();
            }
            return picks.stream().map(pick -> idOf.apply(pick % count)).distinct().toList();
        }
    }

    @Provide
    Arbitrary<PlanSpec> plans() {
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 1000).list().ofMaxSize(3);
        Arbitrary<StepSpec> step = Combinators.combine(Arbitraries.integers().between(0, 20), picks,
                Arbitraries.of(true, false, false)).as(StepSpec::new);
        Arbitrary<MilestoneSpec> milestone = Combinators.combine(
                Arbitraries.integers().between(0, 60),
                picks,
                Arbitraries.integers().between(0, 200).injectNull(0.7),
                Arbitraries.integers().between(0, 30).injectNull(0.8),
                step.list().ofMaxSize(5)).as(MilestoneSpec::new);
        Arbitrary<LocalDate> targetDates = Arbitraries.longs()
                .between(LocalDate.of(2020, 1, 1).toEpochDay(), LocalDate.of(2035, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        return Combinators.combine(
                Arbitraries.of(CalendarKind.class),
                targetDates,
                Arbitraries.integers().between(0, 400).list().ofMaxSize(12),
                Arbitraries.integers().between(-30, 600),
                milestone.list().ofMaxSize(12)).as(PlanSpec::new);
    }

    private static Schedule schedule(PlanSpec spec) {
        return BackwardScheduler.schedule(spec.plan(), spec.asOf());
    }

    /**
     * The simulation's table of working days must move dates exactly as the scheduler's forward pass does: with one
     * duration ratio every run is that pass with each remaining lead time scaled and rounded to the nearest day.
     */
    @Property
    void a_simulation_with_one_duration_ratio_is_the_forward_pass_with_scaled_lead_times(
            @ForAll("plans") PlanSpec spec, @ForAll("ratios") double ratio) {
        PlanState plan = spec.plan();
        Assume.that(!plan.milestones().isEmpty());
        Schedule schedule = BackwardScheduler.schedule(plan, spec.asOf());
        List<UUID> order = BackwardScheduler.topologicalOrder(plan.milestones().keySet(),
                id -> plan.milestones().get(id).predecessors());
        Map<UUID, LocalDate> expected = BackwardScheduler.forwardPass(order, plan.milestones(),
                id -> (int) Math.round(schedule.milestones().get(id).remainingDays() * ratio), spec.asOf(),
                plan.calendar());

        SimulatedForecast simulated = MonteCarloForecast.simulate(plan, spec.asOf(), new double[] {ratio}, 3, 1);

        simulated.milestones().forEach((id, outlook) -> assertThat(outlook.finish())
                .isEqualTo(new SimulatedForecast.Percentiles(expected.get(id), expected.get(id), expected.get(id))));
        if (ratio == 1.0) {
            assertThat(simulated.goal().p50()).isEqualTo(schedule.forecastGoalDate());
        }
    }

    @Provide
    Arbitrary<Double> ratios() {
        return Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.just(0.0),
                Arbitraries.doubles().between(0.1, 4.0).ofScale(3));
    }

    @Property
    void due_dates_respect_the_target_date_deadlines_and_successors(@ForAll("plans") PlanSpec spec) {
        PlanState plan = spec.plan();
        Schedule schedule = BackwardScheduler.schedule(plan, spec.asOf());

        assertThat(schedule.milestones()).hasSameSizeAs(plan.milestones());
        for (Milestone milestone : plan.milestones().values()) {
            MilestoneSchedule scheduled = schedule.milestones().get(milestone.id());
            assertThat(scheduled.due()).isBeforeOrEqualTo(spec.targetDate());
            if (milestone.deadline() != null) {
                assertThat(scheduled.due()).isBeforeOrEqualTo(milestone.deadline());
            }
            for (UUID predecessor : milestone.predecessors()) {
                assertThat(schedule.milestones().get(predecessor).due()).isBeforeOrEqualTo(scheduled.startBy());
            }
        }
    }

    @Property
    void every_due_date_is_as_late_as_its_constraints_allow(@ForAll("plans") PlanSpec spec) {
        PlanState plan = spec.plan();
        Schedule schedule = BackwardScheduler.schedule(plan, spec.asOf());

        for (Milestone milestone : plan.milestones().values()) {
            List<LocalDate> limits = new ArrayList<>();
            List<Milestone> successors = plan.milestones().values().stream()
                    .filter(other -> other.predecessors().contains(milestone.id())).toList();
            if (successors.isEmpty()) {
                limits.add(spec.targetDate());
            }
            if (milestone.deadline() != null) {
                limits.add(milestone.deadline());
            }
            successors.forEach(successor -> limits.add(schedule.milestones().get(successor.id()).startBy()));
            LocalDate latest = Collections.min(limits);

            assertThat(schedule.milestones().get(milestone.id()).due())
                    .isEqualTo(plan.calendar().onOrBefore(latest));
        }
    }

    @Property
    void start_by_is_the_lead_time_before_due_and_the_lead_time_covers_the_steps(@ForAll("plans") PlanSpec spec) {
        PlanState plan = spec.plan();
        Schedule schedule = BackwardScheduler.schedule(plan, spec.asOf());
        SchedulingCalendar calendar = plan.calendar();

        for (int m = 0; m < spec.milestones().size(); m++) {
            MilestoneSpec milestone = spec.milestones().get(m);
            MilestoneSchedule scheduled = schedule.milestones().get(PlanSpec.milestoneId(m));
            int longestChain = longestChain(milestone.steps());

            assertThat(scheduled.leadTimeDays()).isGreaterThanOrEqualTo(milestone.leadTimeDays())
                    .isGreaterThanOrEqualTo(longestChain)
                    .isEqualTo(Math.max(milestone.leadTimeDays(), longestChain));
            assertThat(scheduled.startBy()).isEqualTo(calendar.minusDays(scheduled.due(), scheduled.leadTimeDays()));
            assertThat(calendar.daysBetween(scheduled.startBy(), scheduled.due()))
                    .isEqualTo(scheduled.leadTimeDays());
        }
    }

    /** The longest chain of step durations, computed from the spec rather than by the scheduler. */
    private static int longestChain(List<StepSpec> steps) {
        int[] chainEnd = new int[steps.size()];
        int longest = 0;
        for (int s = 0; s < steps.size(); s++) {
            int before = 0;
            for (int pick : steps.get(s).predecessorPicks()) {
                if (s > 0) {
                    before = Math.max(before, chainEnd[pick % s]);
                }
            }
            chainEnd[s] = before + steps.get(s).durationDays();
            longest = Math.max(longest, chainEnd[s]);
        }
        return longest;
    }

    @Property
    void steps_fit_inside_their_milestone_and_respect_each_other(@ForAll("plans") PlanSpec spec) {
        PlanState plan = spec.plan();
        Schedule schedule = BackwardScheduler.schedule(plan, spec.asOf());
        SchedulingCalendar calendar = plan.calendar();

        for (Milestone milestone : plan.milestones().values()) {
            MilestoneSchedule scheduled = schedule.milestones().get(milestone.id());
            assertThat(scheduled.steps()).hasSameSizeAs(milestone.steps());
            for (ActionStep step : milestone.steps().values()) {
                StepSchedule stepSchedule = scheduled.steps().get(step.id());
                assertThat(stepSchedule.due()).isBeforeOrEqualTo(scheduled.due());
                assertThat(stepSchedule.startBy()).isAfterOrEqualTo(scheduled.startBy());
                assertThat(calendar.daysBetween(stepSchedule.startBy(), stepSchedule.due()))
                        .isEqualTo(step.durationDays());
                for (UUID predecessor : step.predecessors()) {
                    assertThat(scheduled.steps().get(predecessor).due()).isBeforeOrEqualTo(stepSchedule.startBy());
                }
                boolean last = milestone.steps().values().stream()
                        .noneMatch(other -> other.predecessors().contains(step.id()));
                if (last) {
                    assertThat(stepSchedule.due()).isEqualTo(scheduled.due());
                }
            }
            List<LocalDate> dueFromLastToFirst = scheduled.steps().values().stream().map(StepSchedule::due).toList();
            assertThat(dueFromLastToFirst).isSortedAccordingTo(Comparator.reverseOrder());
        }
    }

    @Property
    void with_working_days_every_date_falls_on_a_working_day(@ForAll("plans") PlanSpec spec) {
        PlanState plan = spec.plan();
        Schedule schedule = BackwardScheduler.schedule(plan, spec.asOf());
        SchedulingCalendar calendar = plan.calendar();

        for (MilestoneSchedule milestone : schedule.milestones().values()) {
            assertThat(calendar.workingDay(milestone.due())).as("due %s", milestone.due()).isTrue();
            assertThat(calendar.workingDay(milestone.startBy())).as("start by %s", milestone.startBy()).isTrue();
            for (StepSchedule step : milestone.steps().values()) {
                assertThat(calendar.workingDay(step.due())).isTrue();
                assertThat(calendar.workingDay(step.startBy())).isTrue();
            }
            if (!plan.milestones().get(milestone.milestoneId()).reached()) {
                assertThat(calendar.workingDay(milestone.forecast())).as("forecast %s", milestone.forecast())
                        .isTrue();
            }
        }
    }

    @Property
    void the_plan_must_start_by_the_earliest_start_and_lists_the_latest_due_first(@ForAll("plans") PlanSpec spec) {
        Schedule schedule = schedule(spec);

        LocalDate earliestStart = schedule.milestones().values().stream().map(MilestoneSchedule::startBy)
                .min(Comparator.naturalOrder()).orElse(null);
        assertThat(schedule.mustStartBy()).isEqualTo(earliestStart);
        assertThat(schedule.milestones().values().stream().map(MilestoneSchedule::due).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(schedule.targetDate()).isEqualTo(spec.targetDate());
    }

    @Property
    void the_forecast_runs_forward_from_the_as_of_day_and_reached_milestones(@ForAll("plans") PlanSpec spec) {
        PlanState plan = spec.plan();
        Schedule schedule = BackwardScheduler.schedule(plan, spec.asOf());
        SchedulingCalendar calendar = plan.calendar();

        for (Milestone milestone : plan.milestones().values()) {
            MilestoneSchedule scheduled = schedule.milestones().get(milestone.id());
            long all = milestone.steps().values().stream().mapToLong(ActionStep::durationDays).sum();
            long done = milestone.steps().values().stream().filter(ActionStep::done)
                    .mapToLong(ActionStep::durationDays).sum();
            long expectedRemaining = all == 0 ? scheduled.leadTimeDays()
                    : (long) Math.ceil(scheduled.leadTimeDays() * (1 - (double) done / all) - 1e-9);
            assertThat(scheduled.remainingDays()).isEqualTo((int) expectedRemaining)
                    .isBetween(0, scheduled.leadTimeDays());
            assertThat(scheduled.slackDays()).isEqualTo(calendar.daysBetween(scheduled.forecast(), scheduled.due()));
            assertThat(scheduled.lateByDays()).isEqualTo(Math.max(0, -scheduled.slackDays()));
            if (milestone.reached()) {
                assertThat(scheduled.forecast()).isEqualTo(milestone.reachedOn());
                continue;
            }
            LocalDate start = spec.asOf();
            for (UUID predecessor : milestone.predecessors()) {
                LocalDate before = schedule.milestones().get(predecessor).forecast();
                start = before.isAfter(start) ? before : start;
                assertThat(scheduled.forecast()).isAfterOrEqualTo(before);
            }
            assertThat(scheduled.forecast()).isAfterOrEqualTo(spec.asOf());
            if (scheduled.remainingDays() == 0) {
                assertThat(scheduled.forecast()).isEqualTo(calendar.onOrAfter(start));
            } else {
                assertThat(calendar.daysBetween(start, scheduled.forecast())).isEqualTo(scheduled.remainingDays());
            }
        }
    }

    @Property
    void the_critical_path_is_a_chain_of_the_least_slack_among_unreached_milestones(@ForAll("plans") PlanSpec spec) {
        PlanState plan = spec.plan();
        Schedule schedule = BackwardScheduler.schedule(plan, spec.asOf());

        Integer leastSlack = schedule.milestones().values().stream()
                .filter(m -> !plan.milestones().get(m.milestoneId()).reached())
                .map(MilestoneSchedule::slackDays).min(Integer::compare).orElse(null);
        for (MilestoneSchedule milestone : schedule.milestones().values()) {
            boolean reached = plan.milestones().get(milestone.milestoneId()).reached();
            assertThat(milestone.critical()).isEqualTo(!reached && milestone.slackDays() == leastSlack);
        }
        List<UUID> path = schedule.criticalPath();
        assertThat(path).doesNotHaveDuplicates();
        assertThat(path).allMatch(id -> schedule.milestones().get(id).critical());
        assertThat(path.isEmpty()).isEqualTo(leastSlack == null);
        for (int i = 1; i < path.size(); i++) {
            assertThat(plan.milestones().get(path.get(i - 1)).predecessors()).contains(path.get(i));
        }
        if (!path.isEmpty()) {
            UUID first = path.get(0);
            assertThat(plan.milestones().values()).as("nothing critical depends on the path's end")
                    .noneMatch(m -> m.predecessors().contains(first) && schedule.milestones().get(m.id()).critical());
            UUID last = path.get(path.size() - 1);
            assertThat(plan.milestones().get(last).predecessors()).as("the path runs back as far as it can")
                    .noneMatch(p -> schedule.milestones().get(p).critical());
        }
    }

    @Property
    void the_forecast_goal_date_is_the_latest_forecast_without_successors(@ForAll("plans") PlanSpec spec) {
        PlanState plan = spec.plan();
        Schedule schedule = BackwardScheduler.schedule(plan, spec.asOf());

        LocalDate latest = plan.milestones().values().stream()
                .filter(m -> plan.milestones().values().stream().noneMatch(o -> o.predecessors().contains(m.id())))
                .map(m -> schedule.milestones().get(m.id()).forecast()).max(Comparator.naturalOrder()).orElse(null);
        assertThat(schedule.forecastGoalDate()).isEqualTo(latest);
        assertThat(schedule.goalSlackDays()).isEqualTo(latest == null ? null
                : plan.calendar().daysBetween(latest, spec.targetDate()));
    }

    @Property
    void scheduling_is_pure(@ForAll("plans") PlanSpec spec) {
        assertThat(schedule(spec)).isEqualTo(schedule(spec));
    }

    // --- cycles ---

    /** A graph over {@code size} nodes whose edges only point back to lower numbers. */
    private static Map<UUID, List<UUID>> acyclic(int size, List<Integer> edgePicks) {
        Map<UUID, Set<UUID>> predecessors = new HashMap<>();
        for (int i = 0; i < size; i++) {
            predecessors.put(node(i), new LinkedHashSet<>());
        }
        for (int e = 0; e + 1 < edgePicks.size(); e += 2) {
            int from = edgePicks.get(e) % size;
            int to = edgePicks.get(e + 1) % size;
            if (to < from) {
                predecessors.get(node(from)).add(node(to));
            }
        }
        Map<UUID, List<UUID>> graph = new HashMap<>();
        predecessors.forEach((node, before) -> graph.put(node, new ArrayList<>(before)));
        return graph;
    }

    private static UUID node(int i) {
        return new UUID(0xC0, i);
    }

    private static List<UUID> shuffled(Set<UUID> nodes, long seed) {
        List<UUID> order = new ArrayList<>(nodes);
        order.sort(Comparator.naturalOrder());
        Collections.shuffle(order, new Random(seed));
        return order;
    }

    @Property
    void a_topological_order_puts_every_node_after_its_predecessors(
            @ForAll @IntRange(min = 1, max = 15) int size,
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 1000) Integer> edgePicks,
            @ForAll long seed) {
        Map<UUID, List<UUID>> graph = acyclic(size, edgePicks);

        List<UUID> order = BackwardScheduler.topologicalOrder(shuffled(graph.keySet(), seed), graph::get);

        assertThat(order).containsExactlyInAnyOrderElementsOf(graph.keySet());
        Set<UUID> seen = new HashSet<>();
        for (UUID node : order) {
            assertThat(seen).containsAll(graph.get(node));
            seen.add(node);
        }
    }

    @Property
    void a_cycle_never_gets_an_order(
            @ForAll @IntRange(min = 1, max = 15) int size,
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 1000) Integer> edgePicks,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 1000) Integer> ringPicks,
            @ForAll long seed) {
        Map<UUID, List<UUID>> graph = acyclic(size, edgePicks);
        List<UUID> ring = ringPicks.stream().map(pick -> node(pick % size)).distinct().toList();
        for (int r = 0; r < ring.size(); r++) {
            graph.get(ring.get(r)).add(ring.get((r + 1) % ring.size())); // a ring of one is a node needing itself
        }

        assertThatIllegalStateException()
                .isThrownBy(() -> BackwardScheduler.topologicalOrder(shuffled(graph.keySet(), seed), graph::get))
                .withMessageContaining("cycle");
    }

    @Property
    void a_plan_whose_milestones_form_a_cycle_gets_no_schedule(
            @ForAll("plans") PlanSpec spec,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 1000) Integer> ringPicks) {
        int size = spec.milestones().size();
        if (size == 0) {
            return;
        }
        List<PlanEvent> events = new ArrayList<>(spec.events());
        PlanState acyclic = PlanState.replay(events);
        List<Integer> ring = ringPicks.stream().map(pick -> pick % size).distinct().toList();
        for (int r = 0; r < ring.size(); r++) {
            UUID member = PlanSpec.milestoneId(ring.get(r));
            List<UUID> predecessors = new ArrayList<>(acyclic.milestones().get(member).predecessors());
            predecessors.add(PlanSpec.milestoneId(ring.get((r + 1) % ring.size())));
            events.add(new MilestonePredecessorsChanged(PLAN_ID, member, predecessors, null));
        }
        PlanState cyclic = PlanState.replay(events);

        assertThatIllegalStateException().isThrownBy(() -> BackwardScheduler.schedule(cyclic, spec.asOf()));
    }
}
