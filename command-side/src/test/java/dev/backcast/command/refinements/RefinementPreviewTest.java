package dev.backcast.command.refinements;

import dev.backcast.command.refinements.RefinementPreview.DateChange;
import dev.backcast.command.refinements.RefinementPreview.MilestoneEffect;
import dev.backcast.plan.PlanChange;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.RefinePlan;
import dev.backcast.plan.goal.MoveTargetDate;
import dev.backcast.plan.milestones.AddMilestone;
import dev.backcast.plan.milestones.ReachMilestone;
import dev.backcast.plan.milestones.RemoveMilestone;
import dev.backcast.plan.milestones.ReviseMilestone;
import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.backcast.command.GivenPlan.BECAUSE;
import static dev.backcast.command.GivenPlan.BETA;
import static dev.backcast.command.GivenPlan.GA;
import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.TARGET_DATE;
import static dev.backcast.command.GivenPlan.TODAY;
import static dev.backcast.command.GivenPlan.TOMORROW;
import static dev.backcast.command.GivenPlan.gaAdded;
import static dev.backcast.command.GivenPlan.milestoneAdded;
import static dev.backcast.command.GivenPlan.planCreated;
import static dev.backcast.command.GivenPlan.refinementRejected;
import static dev.backcast.command.plan.PlanRejection.Kind.RULE_VIOLATED;
import static dev.backcast.command.refinements.RefinementPreview.Effect.ADDED;
import static dev.backcast.command.refinements.RefinementPreview.Effect.MOVED;
import static dev.backcast.command.refinements.RefinementPreview.Effect.REMOVED;
import static dev.backcast.command.refinements.RefinementPreview.Effect.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A refinement's preview: what recording it would do to the plan's dates, from the same decision and the same
 * scheduler, with nothing recorded.
 * <p>
 * The plan is DESIGN section 4's example, today being {@link dev.backcast.command.GivenPlan#TODAY} (2027-03-01):
 * target 2027-06-30; "GA ready" (lead 10) ← "Beta done" (lead 20) ← "Prototype" (lead 5), due 06-30, 06-20 and
 * 05-31, start by 06-20, 05-31 and 05-26, forecast 04-05, 03-26 and 03-06.
 */
class RefinementPreviewTest {

    private static final UUID PROTOTYPE = UUID.fromString("00000000-0000-0000-0000-00000000b003");
    private static final UUID DOCS = UUID.fromString("00000000-0000-0000-0000-00000000b004");

    private static PlanState designExample() {
        return given(planCreated(), milestoneAdded(PROTOTYPE, "Prototype", 5),
                milestoneAdded(BETA, "Beta done", 20, PROTOTYPE), gaAdded());
    }

    private static PlanState given(PlanEvent... events) {
        return PlanState.replay(List.of(events));
    }

    private static RefinementPreview preview(PlanState plan, PlanChange... changes) {
        return RefinementPreview.of(plan, new RefinePlan(PLAN_ID, null, UUID.randomUUID(), "What if", List.of(),
                List.of(changes)), TODAY);
    }

    private static ReviseMilestone leadTime(UUID milestone, int days) {
        return new ReviseMilestone(milestone, null, null, null, days, null, null, null, BECAUSE);
    }

    private static ReviseMilestone predecessors(UUID milestone, UUID... predecessors) {
        return new ReviseMilestone(milestone, null, null, null, null, List.of(predecessors), null, null, BECAUSE);
    }

    private static LocalDate date(String monthDay) {
        return LocalDate.parse("2027-" + monthDay);
    }

    private static DateChange dates(String before, String after) {
        return new DateChange(before == null ? null : date(before), after == null ? null : date(after));
    }

    /** {@code dates} are due, start-by and forecast, before then after; "-" where the milestone does not exist. */
    private static MilestoneEffect milestone(UUID id, String name, RefinementPreview.Effect effect, String... dates) {
        List<LocalDate> parsed = Stream.of(dates).map(day -> day.equals("-") ? null : date(day)).toList();
        return new MilestoneEffect(id, name, effect, parsed.get(0), parsed.get(1), parsed.get(2), parsed.get(3),
                parsed.get(4), parsed.get(5));
    }

    @Test
    void aLongerLeadTimeMovesTheMilestonesBeforeItAndTheStart() {
        RefinementPreview preview = preview(designExample(), leadTime(BETA, 30));

        assertThat(preview.planId()).isEqualTo(PLAN_ID);
        assertThat(preview.revision()).isEqualTo(4);
        assertThat(preview.eventCount()).isEqualTo(1);
        assertThat(preview.targetDate()).isEqualTo(new DateChange(TARGET_DATE, TARGET_DATE));
        assertThat(preview.mustStartBy()).isEqualTo(dates("05-26", "05-16"));
        assertThat(preview.forecastGoalDate()).isEqualTo(dates("04-05", "04-15"));
        assertThat(preview.milestones()).containsExactly(
                //                                      due             start by        forecast
                milestone(GA, "GA ready", UNCHANGED, "06-30", "06-30", "06-20", "06-20", "04-05", "04-15"),
                milestone(BETA, "Beta done", UNCHANGED, "06-20", "06-20", "05-31", "05-21", "03-26", "04-05"),
                milestone(PROTOTYPE, "Prototype", MOVED, "05-31", "05-21", "05-26", "05-16", "03-06", "03-06"));
    }

    @Test
    void aMovedTargetDateMovesEveryMilestoneFromTheGoalBackward() {
        RefinementPreview preview = preview(designExample(), new MoveTargetDate(date("07-15"), BECAUSE));

        assertThat(preview.targetDate()).isEqualTo(dates("06-30", "07-15"));
        assertThat(preview.mustStartBy()).isEqualTo(dates("05-26", "06-10"));
        assertThat(preview.forecastGoalDate()).isEqualTo(dates("04-05", "04-05"));
        assertThat(preview.milestones()).extracting(MilestoneEffect::effect).containsOnly(MOVED);
        assertThat(preview.milestones()).extracting(MilestoneEffect::dueAfter)
                .containsExactly(date("07-15"), date("07-05"), date("06-15"));
    }

    @Test
    void anAddedMilestoneHasNoDatesBeforeAndTakesItsPlaceFromTheGoalBackward() {
        RefinementPreview preview = preview(designExample(),
                new AddMilestone(DOCS, "Docs written", null, null, 40, List.of(), null, null, null),
                predecessors(GA, BETA, DOCS));

        assertThat(preview.eventCount()).isEqualTo(2);
        assertThat(preview.mustStartBy()).isEqualTo(dates("05-26", "05-11"));
        assertThat(preview.milestones()).containsExactly(
                milestone(GA, "GA ready", UNCHANGED, "06-30", "06-30", "06-20", "06-20", "04-05", "04-20"),
                milestone(BETA, "Beta done", UNCHANGED, "06-20", "06-20", "05-31", "05-31", "03-26", "03-26"),
                milestone(DOCS, "Docs written", ADDED, "-", "06-20", "-", "05-11", "-", "04-10"),
                milestone(PROTOTYPE, "Prototype", UNCHANGED, "05-31", "05-31", "05-26", "05-26", "03-06", "03-06"));
    }

    @Test
    void aRemovedMilestoneHasNoDatesAfterAndStaysWhereItsDueDateWas() {
        RefinementPreview preview = preview(designExample(), predecessors(BETA),
                new RemoveMilestone(PROTOTYPE, BECAUSE));

        assertThat(preview.eventCount()).isEqualTo(2);
        assertThat(preview.mustStartBy()).isEqualTo(dates("05-26", "05-31"));
        assertThat(preview.forecastGoalDate()).isEqualTo(dates("04-05", "03-31"));
        assertThat(preview.milestones()).containsExactly(
                milestone(GA, "GA ready", UNCHANGED, "06-30", "06-30", "06-20", "06-20", "04-05", "03-31"),
                milestone(BETA, "Beta done", UNCHANGED, "06-20", "06-20", "05-31", "05-31", "03-26", "03-21"),
                milestone(PROTOTYPE, "Prototype", REMOVED, "05-31", "-", "05-26", "-", "03-06", "-"));
    }

    @Test
    void aFirstMilestoneGivesThePlanAStartItDidNotHave() {
        RefinementPreview preview = preview(given(planCreated()),
                new AddMilestone(GA, "GA ready", null, null, 10, List.of(), null, null, null));

        assertThat(preview.revision()).isEqualTo(1);
        assertThat(preview.mustStartBy()).isEqualTo(dates(null, "06-20"));
        assertThat(preview.forecastGoalDate()).isEqualTo(dates(null, "03-11"));
        assertThat(preview.milestones()).containsExactly(
                milestone(GA, "GA ready", ADDED, "-", "06-30", "-", "06-20", "-", "03-11"));
    }

    @Test
    void aRefinementThePlanWouldRefuseIsRefusedWithTheSameRejection() {
        Throwable refused = catchThrowable(() -> preview(designExample(), leadTime(BETA, 30),
                new ReachMilestone(PROTOTYPE, TOMORROW, null)));

        MatcherAssert.assertThat(refused, refinementRejected(1, "reachMilestone", RULE_VIOLATED, "on"));
    }
}
