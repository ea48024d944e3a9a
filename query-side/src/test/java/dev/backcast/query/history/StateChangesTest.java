package dev.backcast.query.history;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.Reason;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.goal.TargetDateMoved;
import dev.backcast.plan.metrics.Direction;
import dev.backcast.plan.metrics.MetricDefined;
import dev.backcast.plan.metrics.MetricMeasured;
import dev.backcast.plan.milestones.MilestoneLeadTimeReestimated;
import dev.backcast.plan.milestones.MilestonePredecessorsChanged;
import dev.backcast.plan.milestones.MilestoneRemoved;
import dev.backcast.plan.steps.StepAdded;
import dev.backcast.plan.steps.StepMarkedDone;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.backcast.query.history.DesignExample.BETA;
import static dev.backcast.query.history.DesignExample.GA;
import static dev.backcast.query.history.DesignExample.PLAN;
import static dev.backcast.query.history.DesignExample.PROTOTYPE;
import static org.assertj.core.api.Assertions.assertThat;

class StateChangesTest {

    private static final Reason ESTIMATE = new Reason(ReasonCategory.ESTIMATE, "vendor quote");

    @Test
    void aReestimatedLeadTimeIsOneChangeOfThatField() {
        PlanState before = DesignExample.state();
        PlanState after = before.evolve(new MilestoneLeadTimeReestimated(PLAN, BETA, 30, ESTIMATE));

        assertThat(StateChanges.between(before, after))
                .containsExactly(new FieldChange("milestones/" + BETA + "/leadTimeDays", 20, 30));
    }

    @Test
    void anAddedMilestoneIsOneChangeHoldingTheWholeMilestone() {
        UUID design = UUID.randomUUID();
        PlanState before = DesignExample.state();
        PlanState after = before.evolve(DesignExample.milestone(design, "Design", 7, PROTOTYPE));

        List<FieldChange> changes = StateChanges.between(before, after);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("milestones/" + design);
            assertThat(change.before()).isNull();
            assertThat(change.after()).asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("id", design.toString())
                    .containsEntry("name", "Design")
                    .containsEntry("leadTimeDays", 7)
                    .containsEntry("predecessors", List.of(PROTOTYPE.toString()))
                    .containsEntry("deadline", null)
                    .containsEntry("steps", Map.of());
        });
    }

    @Test
    void aRemovedMilestoneIsOneChangeWithNothingAfter() {
        PlanState before = DesignExample.state();
        PlanState after = before.evolve(new MilestoneRemoved(PLAN, GA, new Reason(ReasonCategory.SCOPE, "no GA")));

        assertThat(StateChanges.between(before, after)).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("milestones/" + GA);
            assertThat(change.before()).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("name", "GA ready");
            assertThat(change.after()).isNull();
        });
    }

    @Test
    void aDoneStepIsAChangeOfItsDoneDate() {
        UUID step = UUID.randomUUID();
        PlanState before = DesignExample.state()
                .evolve(new StepAdded(PLAN, BETA, step, "Recruit merchants", "Ann", 5, List.of(), null));
        PlanState after = before.evolve(new StepMarkedDone(PLAN, BETA, step, LocalDate.of(2027, 4, 2), null));

        assertThat(StateChanges.between(before, after))
                .containsExactly(new FieldChange("milestones/" + BETA + "/steps/" + step + "/doneOn", null,
                        "2027-04-02"));
    }

    @Test
    void aMovedTargetDateIsAChangeOfTheGoalsTargetDate() {
        PlanState before = DesignExample.state();
        PlanState after = before.evolve(new TargetDateMoved(PLAN, LocalDate.of(2027, 7, 15),
                new Reason(ReasonCategory.EXTERNAL, "lab backlog")));

        assertThat(StateChanges.between(before, after))
                .containsExactly(new FieldChange("goal/targetDate", "2027-06-30", "2027-07-15"));
    }

    @Test
    void listsAreComparedAsWholeValues() {
        UUID design = UUID.randomUUID();
        PlanState before = DesignExample.state().evolve(DesignExample.milestone(design, "Design", 7));
        PlanState after = before.evolve(new MilestonePredecessorsChanged(PLAN, BETA, List.of(PROTOTYPE, design),
                new Reason(ReasonCategory.DEPENDENCY, null)));

        assertThat(StateChanges.between(before, after))
                .containsExactly(new FieldChange("milestones/" + BETA + "/predecessors",
                        List.of(PROTOTYPE.toString()), List.of(PROTOTYPE.toString(), design.toString())));
    }

    @Test
    void measurementsKeepTheirExactDecimals() {
        UUID metric = UUID.randomUUID();
        PlanState before = DesignExample.state().evolve(new MetricDefined(PLAN, metric, "Active merchants",
                "merchants", new BigDecimal("1200"), new BigDecimal("3000"), Direction.INCREASE, null, null));
        PlanState after = before.evolve(new MetricMeasured(PLAN, metric, new BigDecimal("3100.50"),
                LocalDate.of(2027, 6, 1), null));

        assertThat(StateChanges.between(before, after))
                .containsExactly(new FieldChange("metrics/" + metric + "/measurements", List.of(),
                        List.of(Map.of("value", new BigDecimal("3100.50"), "on", "2027-06-01"))));
    }

    @Test
    void aCreatedPlanIsAChangeOfEveryFieldItSetsButNotOfTheRevision() {
        PlanState after = PlanState.initial().evolve(DesignExample.created());

        List<FieldChange> changes = StateChanges.between(PlanState.initial(), after);

        assertThat(changes).extracting(FieldChange::path)
                .containsExactly("goal", "planId", "portfolio", "status", "title");
        assertThat(changes).filteredOn(change -> change.path().equals("status"))
                .containsExactly(new FieldChange("status", null, "DRAFT"));
    }

    @Test
    void changesAreOrderedByPathAndKeysWithSlashesAreEscaped() {
        PlanState before = DesignExample.state();
        PlanState after = before
                .evolve(new BaselineCaptured(PLAN, "Q1/Q2 ~ review", DesignExample.TARGET, Map.of(), null))
                .evolve(new TargetDateMoved(PLAN, LocalDate.of(2027, 7, 15), null))
                .evolve(new MilestoneLeadTimeReestimated(PLAN, BETA, 30, ESTIMATE));

        assertThat(StateChanges.between(before, after)).extracting(FieldChange::path).containsExactly(
                "baselines/Q1~1Q2 ~0 review", "goal/targetDate", "milestones/" + BETA + "/leadTimeDays");
    }

    @Test
    void aHistoryComparedEventByEventWithSharedTreesHasTheChangesOfEachPairComparedAlone() {
        List<PlanEvent> events = new ArrayList<>(DesignExample.history());
        events.addAll(List.of(new MilestoneLeadTimeReestimated(PLAN, BETA, 30, ESTIMATE),
                new TargetDateMoved(PLAN, LocalDate.of(2027, 7, 15), null),
                new MilestoneLeadTimeReestimated(PLAN, BETA, 25, ESTIMATE),
                new MilestoneRemoved(PLAN, GA, new Reason(ReasonCategory.SCOPE, "no GA"))));
        StateChanges.Trees trees = new StateChanges.Trees();
        PlanState before = PlanState.initial();
        for (PlanEvent event : events) {
            PlanState after = before.evolve(event);

            assertThat(StateChanges.between(before, after, trees)).as("after %s", event)
                    .isEqualTo(StateChanges.between(before, after)).isNotEmpty();
            before = after;
        }
    }

    @Test
    void identicalStatesHaveNoChanges() {
        PlanState state = DesignExample.state();
        PlanState replayedAgain = DesignExample.state();

        assertThat(StateChanges.between(state, replayedAgain)).isEmpty();
    }
}
