package dev.backcast.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.goal.GoalRedefined;
import dev.backcast.plan.goal.TargetDateMoved;
import dev.backcast.plan.metrics.Direction;
import dev.backcast.plan.metrics.MetricDefined;
import dev.backcast.plan.metrics.MetricDropped;
import dev.backcast.plan.metrics.MetricMeasured;
import dev.backcast.plan.metrics.MetricRevised;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestoneDeadlineChanged;
import dev.backcast.plan.milestones.MilestoneLeadTimeReestimated;
import dev.backcast.plan.milestones.MilestonePredecessorsChanged;
import dev.backcast.plan.milestones.MilestoneReachRetracted;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.milestones.MilestoneRemoved;
import dev.backcast.plan.milestones.MilestoneRevised;
import dev.backcast.plan.questions.QuestionAnswered;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.plan.questions.QuestionRaised;
import dev.backcast.plan.risks.Risk;
import dev.backcast.plan.risks.RiskClosed;
import dev.backcast.plan.risks.RiskIdentified;
import dev.backcast.plan.risks.RiskReassessed;
import dev.backcast.plan.risks.RiskStatus;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.plan.steps.ActionStep;
import dev.backcast.plan.steps.StepAdded;
import dev.backcast.plan.steps.StepMarkedDone;
import dev.backcast.plan.steps.StepRemoved;
import dev.backcast.plan.steps.StepReopened;
import dev.backcast.plan.steps.StepRevised;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static dev.backcast.plan.PlanFixtures.PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fold over random valid histories. Each generated number decides one decision the command side could have
 * recorded given the plan so far, so shrinking a failing history still leaves a valid one.
 */
class PlanStateProperties {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    private static final ObjectMapper JSON = PlanFixtures.json();

    @Property
    void replaying_a_history_in_one_go_equals_evolving_it_event_by_event(
            @ForAll @Size(max = 60) List<Long> decisions) {
        List<PlanEvent> history = history(decisions);

        PlanState stepByStep = PlanState.initial();
        for (int i = 0; i < history.size(); i++) {
            stepByStep = stepByStep.evolve(history.get(i));
            assertThat(stepByStep.revision()).isEqualTo(i + 1);
        }

        PlanState replayed = PlanState.replay(history);
        assertThat(replayed).isEqualTo(stepByStep);
        assertThat(replayed.revision()).isEqualTo(history.size());
        assertThat(replayed.planId()).isEqualTo(PLAN_ID);
    }

    @Property
    void a_snapshot_stored_as_json_resumes_where_the_history_left_off(
            @ForAll @Size(max = 60) List<Long> decisions, @ForAll int split) throws Exception {
        List<PlanEvent> history = history(decisions);
        int taken = Math.floorMod(split, history.size() + 1);

        PlanState snapshot = PlanState.replay(history.subList(0, taken));
        PlanState restored = JSON.readValue(JSON.writeValueAsString(snapshot), PlanState.class);
        assertThat(restored).isEqualTo(snapshot);

        PlanState resumed = restored;
        for (PlanEvent event : history.subList(taken, history.size())) {
            resumed = resumed.evolve(event);
        }
        assertThat(resumed).isEqualTo(PlanState.replay(history));
    }

    @Property
    void events_stored_as_json_mean_the_same(@ForAll @Size(max = 60) List<Long> decisions) throws Exception {
        List<PlanEvent> history = history(decisions);

        List<PlanEvent> stored = new ArrayList<>();
        for (PlanEvent event : history) {
            stored.add(JSON.readValue(JSON.writeValueAsString(event), event.getClass()));
        }

        assertThat(stored).isEqualTo(history);
        assertThat(PlanState.replay(stored)).isEqualTo(PlanState.replay(history));
    }

    @Property
    void every_valid_history_can_be_scheduled(@ForAll @Size(max = 60) List<Long> decisions) {
        PlanState plan = PlanState.replay(history(decisions));

        assertThat(BackwardScheduler.schedule(plan, TODAY).milestones().keySet())
                .containsExactlyInAnyOrderElementsOf(plan.milestones().keySet());
    }

    @Property
    void a_plan_an_event_left_alike_for_the_scheduler_has_the_schedule_it_had(
            @ForAll @Size(max = 60) List<Long> decisions) {
        PlanState before = PlanState.initial();
        for (PlanEvent event : history(decisions)) {
            PlanState after = before.evolve(event);
            if (before.exists() && BackwardScheduler.schedulesAlike(before, after)) {
                assertThat(BackwardScheduler.schedule(after, TODAY)).as("after %s", event)
                        .isEqualTo(BackwardScheduler.schedule(before, TODAY));
            }
            before = after;
        }
    }

    // --- random valid histories ---

    static List<PlanEvent> history(List<Long> decisions) {
        List<PlanEvent> history = new ArrayList<>();
        PlanState state = PlanState.initial();
        PlanEvent created = new PlanCreated(PLAN_ID, "Launch", "Platform", CalendarKind.CALENDAR_DAYS, List.of(),
                PlanFixtures.pressRelease(LocalDate.of(2027, 6, 30)));
        history.add(created);
        state = state.evolve(created);
        for (long decision : decisions) {
            if (state.status().closed()) {
                break;
            }
            // the revision keeps equal decisions at different points of the history from repeating each other
            for (PlanEvent event : decide(state, new Random(decision * 31 + state.revision()))) {
                history.add(event);
                state = state.evolve(event);
            }
        }
        return history;
    }

    private static final String[] TEXTS = {"Beta", "GA ready", "Café ☕ 日本", "quote \" and \\ backslash",
            "two\nlines"};

    private static String text(Random random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    private static String maybeText(Random random) {
        int pick = random.nextInt(5);
        return pick == 0 ? null : pick == 1 ? "" : text(random);
    }

    private static Reason reason(Random random) {
        return random.nextInt(3) == 0 ? null
                : new Reason(ReasonCategory.values()[random.nextInt(ReasonCategory.values().length)], text(random));
    }

    private static BigDecimal number(Random random) {
        return BigDecimal.valueOf(random.nextInt(200_001) - 100_000, random.nextInt(4));
    }

    private static LocalDate dayBeforeToday(Random random) {
        return TODAY.minusDays(random.nextInt(90));
    }

    private static <T> T any(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }

    /** A random subset of the candidates, in their order. */
    private static <T> List<T> some(List<T> candidates, Random random) {
        return candidates.stream().filter(candidate -> random.nextInt(3) == 0).toList();
    }

    private static LocalDate deadline(PlanState state, Random random) {
        return random.nextBoolean() ? null : state.targetDate().minusDays(random.nextInt(120));
    }

    /** One decision the command side would accept for this plan, or two where it records two (approval). */
    private static List<PlanEvent> decide(PlanState state, Random random) {
        UUID newId = new UUID(state.revision(), random.nextLong()); // unique: one new id per revision at most
        List<UUID> metrics = List.copyOf(state.metrics().keySet());
        List<UUID> milestones = List.copyOf(state.milestones().keySet());
        List<Milestone> withSteps = state.milestones().values().stream().filter(m -> !m.steps().isEmpty()).toList();
        Reason why = reason(random);
        int choice = random.nextInt(30);
        switch (choice) {
            case 0:
                return List.of(new PlanDetailsChanged(PLAN_ID, text(random), maybeText(random),
                        CalendarKind.values()[random.nextInt(2)],
                        some(List.of(TODAY, TODAY.plusDays(10), TODAY.plusDays(45)), random), why));
            case 1:
                return List.of(new GoalRedefined(PLAN_ID, text(random), maybeText(random), text(random),
                        text(random), maybeText(random), maybeText(random), maybeText(random), why));
            case 2: {
                LocalDate latestDeadline = state.milestones().values().stream().map(Milestone::deadline)
                        .filter(d -> d != null).max(Comparator.naturalOrder()).orElse(TODAY);
                return List.of(new TargetDateMoved(PLAN_ID, latestDeadline.plusDays(random.nextInt(200)), why));
            }
            case 3, 4:
                return List.of(new MetricDefined(PLAN_ID, newId, text(random), maybeText(random),
                        number(random), number(random), Direction.values()[random.nextInt(2)],
                        random.nextBoolean() ? null : TODAY.plusDays(random.nextInt(300)), why));
            default:
                break;
        }
        if (choice <= 7 && !metrics.isEmpty()) {
            UUID metric = any(metrics, random);
            if (choice == 5) {
                return List.of(new MetricRevised(PLAN_ID, metric, text(random), maybeText(random), number(random),
                        number(random), Direction.values()[random.nextInt(2)], null, why));
            }
            if (choice == 6) {
                return List.of(new MetricMeasured(PLAN_ID, metric, number(random), dayBeforeToday(random), why));
            }
            boolean served = state.milestones().values().stream().anyMatch(m -> m.metrics().contains(metric));
            if (!served) {
                return List.of(new MetricDropped(PLAN_ID, metric, why));
            }
        }
        if (choice <= 17 && !milestones.isEmpty() && choice >= 10) {
            UUID id = any(milestones, random);
            Milestone milestone = state.milestones().get(id);
            // predecessors only among milestones added before, so the graph stays acyclic
            List<UUID> earlier = milestones.subList(0, milestones.indexOf(id));
            switch (choice) {
                case 10:
                    return List.of(new MilestoneRevised(PLAN_ID, id, text(random), maybeText(random),
                            maybeText(random), some(metrics, random), why));
                case 11:
                    return List.of(new MilestoneLeadTimeReestimated(PLAN_ID, id, random.nextInt(3651), why));
                case 12:
                    return List.of(new MilestoneDeadlineChanged(PLAN_ID, id, deadline(state, random), why));
                case 13:
                    return List.of(new MilestonePredecessorsChanged(PLAN_ID, id, some(earlier, random), why));
                case 14: {
                    boolean needed = state.milestones().values().stream().anyMatch(m -> m.predecessors().contains(id));
                    if (!needed) {
                        return List.of(new MilestoneRemoved(PLAN_ID, id, why));
                    }
                    break;
                }
                case 15:
                    return List.of(milestone.reached() ? new MilestoneReachRetracted(PLAN_ID, id, why)
                            : new MilestoneReached(PLAN_ID, id, dayBeforeToday(random), why));
                default: {
                    List<UUID> steps = List.copyOf(milestone.steps().keySet());
                    return List.of(new StepAdded(PLAN_ID, id, newId, text(random), maybeText(random),
                            random.nextInt(3651), some(steps, random), why));
                }
            }
        }
        if (choice >= 18 && choice <= 21 && !withSteps.isEmpty()) {
            Milestone milestone = any(withSteps, random);
            List<UUID> steps = List.copyOf(milestone.steps().keySet());
            UUID stepId = any(steps, random);
            ActionStep step = milestone.steps().get(stepId);
            switch (choice) {
                case 18:
                    return List.of(new StepRevised(PLAN_ID, milestone.id(), stepId, text(random), maybeText(random),
                            random.nextInt(3651), some(steps.subList(0, steps.indexOf(stepId)), random), why));
                case 19:
                    return List.of(step.done() ? new StepReopened(PLAN_ID, milestone.id(), stepId, why)
                            : new StepMarkedDone(PLAN_ID, milestone.id(), stepId, dayBeforeToday(random), why));
                default: {
                    boolean needed = milestone.steps().values().stream()
                            .anyMatch(s -> s.predecessors().contains(stepId));
                    if (!needed) {
                        return List.of(new StepRemoved(PLAN_ID, milestone.id(), stepId, why));
                    }
                }
            }
        }
        if (choice == 22) {
            if (!state.questions().isEmpty() && random.nextBoolean()) {
                return List.of(new QuestionAnswered(PLAN_ID, any(List.copyOf(state.questions().keySet()), random),
                        text(random), why));
            }
            return List.of(new QuestionRaised(PLAN_ID, newId,
                    QuestionKind.values()[random.nextInt(QuestionKind.values().length)], text(random), why));
        }
        if (choice == 23) {
            List<Risk> open = state.risks().values().stream().filter(r -> r.status() == RiskStatus.OPEN).toList();
            if (open.isEmpty() || random.nextInt(3) == 0) {
                return List.of(new RiskIdentified(PLAN_ID, newId, text(random), 1 + random.nextInt(5),
                        1 + random.nextInt(5), maybeText(random), why));
            }
            Risk risk = any(open, random);
            if (random.nextBoolean()) {
                return List.of(new RiskReassessed(PLAN_ID, risk.id(), text(random), 1 + random.nextInt(5),
                        1 + random.nextInt(5), maybeText(random), why));
            }
            return List.of(new RiskClosed(PLAN_ID, risk.id(), RiskStatus.values()[1 + random.nextInt(3)],
                    maybeText(random), why));
        }
        if (choice == 24) {
            return List.of(baseline(state, random.nextBoolean() ? "q2 review" : "replan", why));
        }
        if (choice == 25 && state.status() == PlanStatus.DRAFT && !metrics.isEmpty() && !milestones.isEmpty()) {
            return List.of(new PlanApproved(PLAN_ID, why), baseline(state, "approved", why));
        }
        if (choice == 26 && state.status() == PlanStatus.ACTIVE && random.nextInt(4) == 0) {
            return List.of(random.nextBoolean() ? new GoalAchieved(PLAN_ID, dayBeforeToday(random), why)
                    : new PlanAbandoned(PLAN_ID, new Reason(ReasonCategory.SCOPE, text(random))));
        }
        // otherwise: add a milestone, after some of those already there
        return List.of(new MilestoneAdded(PLAN_ID, newId, text(random), maybeText(random),
                maybeText(random), random.nextInt(3651), some(milestones, random), deadline(state, random),
                some(metrics, random), why));
    }

    private static BaselineCaptured baseline(PlanState state, String name, Reason why) {
        Map<UUID, LocalDate> due = BackwardScheduler.schedule(state, TODAY).dueDates();
        return new BaselineCaptured(PLAN_ID, name, state.targetDate(), due, why);
    }
}
