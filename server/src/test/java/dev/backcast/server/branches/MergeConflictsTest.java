package dev.backcast.server.branches;

import dev.backcast.plan.Goal;
import dev.backcast.plan.PlanCreated;
import dev.backcast.plan.PlanDetailsChanged;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.Reason;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.plan.branches.PlanBranched;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestoneLeadTimeReestimated;
import dev.backcast.plan.milestones.MilestoneRemoved;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.plan.steps.StepAdded;
import dev.backcast.plan.steps.StepRevised;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge is refused when the plan of record and the branch changed the same element since the branch began, as
 * the events that change it see elements.
 */
class MergeConflictsTest {

    private static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
    private static final UUID BETA = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID GA = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID DESIGN = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final Reason BECAUSE = new Reason(ReasonCategory.ESTIMATE, "re-estimated");

    private final PlanState start = PlanState.replay(List.of(
            new PlanCreated(PLAN, "Launch", "Platform", CalendarKind.CALENDAR_DAYS, List.of(),
                    new Goal("h", null, "p", "s", null, null, null, LocalDate.of(2027, 6, 30))),
            new MilestoneAdded(PLAN, BETA, "Beta", null, null, 20, List.of(), null, List.of(), null),
            new MilestoneAdded(PLAN, GA, "GA", null, null, 10, List.of(BETA), null, List.of(), null),
            new StepAdded(PLAN, BETA, DESIGN, "Design", null, 5, List.of(), null)));
    private final PlanState branchStart = PlanState.initial().evolve(new PlanBranched(BRANCH, PLAN, 4, "Try", start));

    @Test
    void different_milestones_do_not_conflict() {
        List<MergeConflicts.Conflict> conflicts = conflicts(
                List.of(new MilestoneLeadTimeReestimated(PLAN, BETA, 25, BECAUSE)),
                List.of(new MilestoneLeadTimeReestimated(BRANCH, GA, 15, BECAUSE)));

        assertThat(conflicts).isEmpty();
    }

    @Test
    void a_change_the_branch_took_back_still_conflicts_as_merging_replays_it() {
        List<MergeConflicts.Conflict> conflicts = conflicts(
                List.of(new MilestoneLeadTimeReestimated(PLAN, BETA, 25, BECAUSE)),
                List.of(new MilestoneLeadTimeReestimated(BRANCH, BETA, 30, BECAUSE),
                        new MilestoneLeadTimeReestimated(BRANCH, BETA, 20, BECAUSE)));

        assertThat(conflicts).extracting(MergeConflicts.Conflict::element).containsExactly("milestones/" + BETA);
    }

    @Test
    void a_step_revised_on_one_side_conflicts_with_its_milestone_removed_on_the_other() {
        List<MergeConflicts.Conflict> conflicts = conflicts(
                List.of(new StepRevised(PLAN, BETA, DESIGN, "Design it", null, 6, List.of(), BECAUSE)),
                List.of(new MilestoneRemoved(BRANCH, GA, BECAUSE), new MilestoneRemoved(BRANCH, BETA, BECAUSE)));

        assertThat(conflicts).extracting(MergeConflicts.Conflict::element).containsExactly("milestones/" + BETA);
    }

    @Test
    void the_details_change_together_so_a_title_conflicts_with_holidays() {
        List<MergeConflicts.Conflict> conflicts = conflicts(
                List.of(new PlanDetailsChanged(PLAN, "Launch", "Platform", CalendarKind.CALENDAR_DAYS,
                        List.of(LocalDate.of(2027, 5, 1)), BECAUSE)),
                List.of(new PlanDetailsChanged(BRANCH, "Launch faster", "Platform", CalendarKind.CALENDAR_DAYS,
                        List.of(), BECAUSE)));

        assertThat(conflicts).extracting(MergeConflicts.Conflict::element).containsExactly("details");
    }

    private List<MergeConflicts.Conflict> conflicts(List<PlanEvent> onPlan, List<PlanEvent> onBranch) {
        PlanState planNow = start;
        for (PlanEvent event : onPlan) {
            planNow = planNow.evolve(event);
        }
        return MergeConflicts.between(start, planNow, branchStart, onBranch);
    }
}
