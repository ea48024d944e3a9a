package dev.backcast.command.imports;

import dev.backcast.plan.Goal;
import dev.backcast.plan.PlanCreated;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.plan.steps.ActionStep;
import dev.backcast.plan.steps.StepAdded;
import dev.backcast.plan.steps.StepMarkedDone;
import dev.backcast.query.exports.ScheduleExport;
import dev.backcast.query.exports.ScheduleFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exporting a plan and importing the file gives the same plan: the same milestones with their lead times,
 * predecessors, deadlines, progress and due dates, the same steps, calendar and holidays, and the same baselines.
 * MPX keeps one baseline slot, so only the first baseline travels through it.
 */
class ScheduleRoundTripProperties {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @Property(tries = 100)
    void anExportedPlanImportsAsTheSamePlan(@ForAll("plans") PlanState plan, @ForAll("formats") ScheduleFormat format) {
        byte[] file = ScheduleExport.write(plan, TODAY, format);
        ScheduleMapping.Mapped mapped = ScheduleMapping.map(ScheduleFiles.read(file),
                new ScheduleMapping.Request("plan" + format.extension(), "0".repeat(64), file.length, null, null, null),
                TODAY);
        PlanState imported = PlanState.replay(ImportDecisions.decide(mapped.command(), TODAY));

        assertThat(imported.title()).isEqualTo(plan.title());
        assertThat(imported.targetDate()).isEqualTo(plan.targetDate());
        assertThat(imported.calendar()).isEqualTo(plan.calendar());
        assertThat(milestones(imported)).isEqualTo(milestones(plan));
        assertThat(dueDates(imported)).isEqualTo(dueDates(plan));
        List<Baseline> expected = ScheduleExport.baselinesBySlot(plan);
        if (format == ScheduleFormat.MPX) {
            expected = expected.subList(0, Math.min(1, expected.size()));
        }
        assertThat(baselines(imported)).isEqualTo(baselines(plan, expected));
    }

    @Provide
    Arbitrary<ScheduleFormat> formats() {
        return Arbitraries.of(ScheduleFormat.MSPDI, ScheduleFormat.MPX);
    }

    @Provide
    Arbitrary<PlanState> plans() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 9),
                Arbitraries.of(CalendarKind.values())).as((seed, count, calendar) -> plan(new Random(seed), count,
                calendar));
    }

    private static PlanState plan(Random random, int milestoneCount, CalendarKind calendar) {
        UUID planId = UUID.randomUUID();
        LocalDate target = TODAY.plusDays(60 + random.nextInt(300));
        List<LocalDate> holidays = new ArrayList<>();
        if (calendar == CalendarKind.WORKING_DAYS) {
            for (int index = random.nextInt(4); index > 0; index--) {
                LocalDate day = TODAY.plusDays(random.nextInt(400) - 100);
                if (day.getDayOfWeek().getValue() <= 5 && !holidays.contains(day)) {
                    holidays.add(day);
                }
            }
        }
        List<PlanEvent> events = new ArrayList<>();
        events.add(new PlanCreated(planId, "Plan " + Math.abs(random.nextInt(1000)), null, calendar,
                holidays.stream().sorted().toList(), new Goal("Headline", null, "Problem", "Solution", null, null,
                null, target)));
        List<UUID> ids = new ArrayList<>();
        for (int index = 0; index < milestoneCount; index++) {
            UUID id = UUID.randomUUID();
            List<UUID> predecessors = ids.stream().filter(any -> random.nextInt(3) == 0).toList();
            LocalDate deadline = random.nextInt(4) == 0 ? target.minusDays(random.nextInt(40)) : null;
            events.add(new MilestoneAdded(planId, id, "Milestone " + index, random.nextBoolean() ? "Done when " + index
                    : null, random.nextBoolean() ? "Owner " + random.nextInt(3) : null, random.nextInt(30),
                    predecessors, deadline, List.of(), null));
            List<UUID> steps = new ArrayList<>();
            for (int step = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0; step > 0; step--) {
                UUID stepId = UUID.randomUUID();
                events.add(new StepAdded(planId, id, stepId, "Step " + index + "." + step, null, random.nextInt(12),
                        steps.stream().filter(any -> random.nextBoolean()).toList(), null));
                if (random.nextInt(4) == 0) {
                    events.add(new StepMarkedDone(planId, id, stepId, TODAY.minusDays(random.nextInt(20)), null));
                }
                steps.add(stepId);
            }
            if (random.nextInt(5) == 0) {
                events.add(new MilestoneReached(planId, id, TODAY.minusDays(random.nextInt(30)), null));
            }
            ids.add(id);
        }
        PlanState plan = PlanState.replay(events);
        for (String name : List.of("approved", "Q2 re-plan", "Q3 re-plan")) {
            if (random.nextBoolean()) {
                Map<UUID, LocalDate> dueDates = new LinkedHashMap<>();
                BackwardScheduler.schedule(plan, TODAY).dueDates()
                        .forEach((id, due) -> dueDates.put(id, due.minusDays(random.nextInt(10))));
                plan = plan.evolve(new BaselineCaptured(planId, name, plan.targetDate().minusDays(random.nextInt(5)),
                        dueDates, null));
            }
        }
        return plan;
    }

    /** Each milestone by name: what it holds, its predecessors and steps by name. */
    private static Map<String, String> milestones(PlanState plan) {
        Map<String, String> described = new TreeMap<>();
        for (Milestone milestone : plan.milestones().values()) {
            String predecessors = milestone.predecessors().stream().map(id -> plan.milestones().get(id).name())
                    .sorted().collect(Collectors.joining(","));
            String steps = milestone.steps().values().stream().map(step -> describe(milestone, step)).sorted()
                    .collect(Collectors.joining(";"));
            described.put(milestone.name(), String.join("|", String.valueOf(milestone.definitionOfDone()),
                    String.valueOf(milestone.owner()), String.valueOf(milestone.leadTimeDays()), predecessors,
                    String.valueOf(milestone.deadline()), String.valueOf(milestone.reachedOn()), steps));
        }
        return described;
    }

    private static String describe(Milestone milestone, ActionStep step) {
        return step.description() + "/" + step.durationDays() + "/" + step.doneOn() + "/" + step.predecessors()
                .stream().map(id -> milestone.steps().get(id).description()).sorted().collect(Collectors.joining(","));
    }

    private static Map<String, LocalDate> dueDates(PlanState plan) {
        Map<String, LocalDate> dueDates = new TreeMap<>();
        BackwardScheduler.schedule(plan, TODAY).dueDates()
                .forEach((id, due) -> dueDates.put(plan.milestones().get(id).name(), due));
        return dueDates;
    }

    /** The imported baselines, in slot order, as target date and due dates by milestone name. */
    private static List<Object> baselines(PlanState imported) {
        return imported.baselines().values().stream().map(baseline -> byName(imported, baseline)).toList();
    }

    private static List<Object> baselines(PlanState plan, List<Baseline> exported) {
        return exported.stream().map(baseline -> byName(plan, baseline)).toList();
    }

    private static Object byName(PlanState plan, Baseline baseline) {
        Map<String, LocalDate> dueDates = new TreeMap<>();
        baseline.dueDates().forEach((id, due) -> dueDates.put(plan.milestones().get(id).name(), due));
        return Tuple.of(baseline.targetDate(), dueDates);
    }
}
