package dev.backcast.command.branches;

import dev.backcast.command.plan.PlanAggregate;
import dev.backcast.plan.ChangePlan;
import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.branches.BranchDiscarded;
import dev.backcast.plan.branches.BranchMerged;
import dev.backcast.plan.branches.BranchPlan;
import dev.backcast.plan.branches.DiscardBranch;
import dev.backcast.plan.branches.MarkBranchMerged;
import dev.backcast.plan.branches.MergeBranch;
import dev.backcast.plan.branches.PlanBranched;
import dev.backcast.plan.metrics.MetricMeasured;
import dev.backcast.plan.milestones.AddMilestone;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestoneLeadTimeReestimated;
import dev.backcast.plan.milestones.MilestonePredecessorsChanged;
import dev.backcast.plan.milestones.MilestoneRemoved;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static dev.backcast.command.GivenPlan.BECAUSE;
import static dev.backcast.command.GivenPlan.BETA;
import static dev.backcast.command.GivenPlan.GA;
import static dev.backcast.command.GivenPlan.METRIC;
import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.TODAY;
import static dev.backcast.command.GivenPlan.metricDefined;
import static dev.backcast.command.GivenPlan.planFixture;
import static dev.backcast.command.GivenPlan.planWithTwoMilestones;
import static dev.backcast.command.GivenPlan.rejected;
import static dev.backcast.command.plan.PlanRejection.Kind.INVALID_INPUT;
import static dev.backcast.command.plan.PlanRejection.Kind.RULE_VIOLATED;
import static dev.backcast.command.plan.PlanRejection.Kind.WRONG_STATUS;

/** What-if branches: given events, when a command, the events recorded or the rejection. */
class BranchCommandsTest {

    private static final UUID BRANCH_ID = UUID.fromString("00000000-0000-0000-0000-0000000be001");
    private static final UUID DOCS = UUID.fromString("00000000-0000-0000-0000-00000000b003");
    private static final PlanState ORIGIN = PlanState.replay(planWithTwoMilestones().stream()
            .map(PlanEvent.class::cast).toList());

    private final FixtureConfiguration<PlanAggregate> fixture = planFixture();

    private static PlanBranched branched() {
        return new PlanBranched(BRANCH_ID, PLAN_ID, 3, "Slower beta", ORIGIN);
    }

    @Test
    void a_branch_starts_as_the_plan_of_record_stood_at_its_revision() {
        fixture.givenNoPriorActivity()
                .when(new BranchPlan(BRANCH_ID, "  Slower beta ", 3, ORIGIN))
                .expectEvents(branched());
    }

    @Test
    void a_branch_needs_a_name() {
        fixture.givenNoPriorActivity()
                .when(new BranchPlan(BRANCH_ID, " ", 3, ORIGIN))
                .expectException(rejected(INVALID_INPUT, "name"));
    }

    @Test
    void a_branch_is_not_branched_again() {
        fixture.givenNoPriorActivity()
                .when(new BranchPlan(UUID.randomUUID(), "Deeper", 1, ORIGIN.evolve(branched())))
                .expectException(rejected(RULE_VIOLATED, null));
    }

    @Test
    void a_branch_takes_the_same_changes_as_its_plan() {
        fixture.given(branched())
                .when(new ChangePlan(BRANCH_ID, null, new AddMilestone(DOCS, "Docs", null, null, 5, List.of(),
                        null, List.of(), null)))
                .expectEvents(new MilestoneAdded(BRANCH_ID, DOCS, "Docs", null, null, 5, List.of(), null,
                        List.of(), null));
    }

    @Test
    void a_discarded_branch_takes_no_more_changes() {
        fixture.given(branched(), new BranchDiscarded(BRANCH_ID, BECAUSE))
                .when(new ChangePlan(BRANCH_ID, null, new AddMilestone(DOCS, "Docs", null, null, 5, List.of(),
                        null, List.of(), null)))
                .expectException(rejected(WRONG_STATUS, null));
    }

    @Test
    void discarding_keeps_the_branch_as_discarded() {
        fixture.given(branched())
                .when(new DiscardBranch(BRANCH_ID, null, BECAUSE))
                .expectEvents(new BranchDiscarded(BRANCH_ID, BECAUSE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void discarding_needs_a_reason() {
        fixture.given(branched())
                .when(new DiscardBranch(BRANCH_ID, null, null))
                .expectException(rejected(INVALID_INPUT, "reason"));
    }

    @Test
    void a_merged_branch_is_not_discarded() {
        fixture.given(branched(), new BranchMerged(BRANCH_ID, 5))
                .when(new DiscardBranch(BRANCH_ID, null, BECAUSE))
                .expectException(rejected(WRONG_STATUS, null));
    }

    @Test
    void a_plan_of_record_is_not_discarded_as_a_branch() {
        fixture.given(planWithTwoMilestones())
                .when(new DiscardBranch(PLAN_ID, null, BECAUSE))
                .expectException(rejected(RULE_VIOLATED, null));
    }

    @Test
    void merging_records_the_branch_events_on_the_plan_of_record() {
        fixture.given(planWithTwoMilestones())
                .when(merge(new MilestoneAdded(BRANCH_ID, DOCS, "Docs", null, null, 5, List.of(BETA), null,
                                List.of(), null),
                        new MilestoneLeadTimeReestimated(BRANCH_ID, BETA, 50, BECAUSE)))
                .expectEvents(new MilestoneAdded(PLAN_ID, DOCS, "Docs", null, null, 5, List.of(BETA), null,
                                List.of(), null),
                        new MilestoneLeadTimeReestimated(PLAN_ID, BETA, 50, BECAUSE))
                .expectResultMessagePayload(5L);
    }

    @Test
    void merging_is_refused_when_the_branch_changed_what_the_plan_removed_since() {
        fixture.given(planWithTwoMilestones())
                .andGiven(new MilestoneRemoved(PLAN_ID, GA, BECAUSE))
                .when(merge(new MilestoneLeadTimeReestimated(BRANCH_ID, GA, 30, BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, null))
                .expectNoEvents();
    }

    @Test
    void merging_is_refused_when_both_sides_together_would_make_a_cycle() {
        fixture.given(planWithTwoMilestones())
                .when(merge(new MilestonePredecessorsChanged(BRANCH_ID, BETA, List.of(GA), BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, null))
                .expectNoEvents();
    }

    @Test
    void merging_keeps_a_measurement_as_it_was_written() {
        fixture.given(planWithTwoMilestones())
                .andGiven(metricDefined())
                .when(merge(new MetricMeasured(BRANCH_ID, METRIC, new BigDecimal("12.50"), TODAY, null)))
                .expectEvents(new MetricMeasured(PLAN_ID, METRIC, new BigDecimal("12.50"), TODAY, null));
    }

    @Test
    void merging_is_refused_when_the_branch_waits_for_a_milestone_the_plan_removed_since() {
        fixture.given(planWithTwoMilestones())
                .andGiven(new MilestoneRemoved(PLAN_ID, GA, BECAUSE))
                .when(merge(new MilestoneAdded(BRANCH_ID, DOCS, "Docs", null, null, 5, List.of(GA), null,
                        List.of(), null)))
                .expectException(rejected(RULE_VIOLATED, null))
                .expectNoEvents();
    }

    @Test
    void lifecycle_decisions_of_a_branch_are_not_merged() {
        fixture.given(planWithTwoMilestones())
                .when(merge(new PlanApproved(BRANCH_ID, null)))
                .expectException(rejected(RULE_VIOLATED, null));
    }

    @Test
    void a_merged_branch_is_closed() {
        fixture.given(branched())
                .when(new MarkBranchMerged(BRANCH_ID, 0L, 7))
                .expectEvents(new BranchMerged(BRANCH_ID, 7));
    }

    private static MergeBranch merge(PlanEvent... changes) {
        return new MergeBranch(PLAN_ID, null, BRANCH_ID, "Slower beta", UUID.randomUUID(), "Merged", List.of(changes));
    }
}
