package dev.backcast.command.goal;

import dev.backcast.command.plan.PlanAggregate;
import dev.backcast.plan.Goal;
import dev.backcast.plan.Reason;
import dev.backcast.plan.goal.GoalRedefined;
import dev.backcast.plan.goal.MoveTargetDate;
import dev.backcast.plan.goal.RedefineGoal;
import dev.backcast.plan.goal.TargetDateMoved;
import dev.backcast.plan.milestones.MilestoneAdded;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.backcast.command.GivenPlan.BECAUSE;
import static dev.backcast.command.GivenPlan.GA;
import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.TARGET_DATE;
import static dev.backcast.command.GivenPlan.change;
import static dev.backcast.command.GivenPlan.planCreated;
import static dev.backcast.command.GivenPlan.planFixture;
import static dev.backcast.command.GivenPlan.pressRelease;
import static dev.backcast.command.GivenPlan.rejected;
import static dev.backcast.command.GivenPlan.tooLong;
import static dev.backcast.command.plan.PlanRejection.Kind.INVALID_INPUT;
import static dev.backcast.command.plan.PlanRejection.Kind.RULE_VIOLATED;
import static org.hamcrest.Matchers.containsString;

/** The press release and its target date. */
class GoalCommandsTest {

    private static final LocalDate LATER = LocalDate.of(2027, 9, 30);
    private static final LocalDate EARLIER = LocalDate.of(2027, 5, 31);

    private final FixtureConfiguration<PlanAggregate> fixture = planFixture();

    /** The given press release with another headline, and the given target date. */
    private static RedefineGoal newHeadline(String headline, LocalDate targetDate, Reason reason) {
        Goal goal = pressRelease();
        return new RedefineGoal(headline, goal.subheading(), goal.customerProblem(), goal.solution(),
                goal.customerQuote(), goal.leaderQuote(), goal.callToAction(), targetDate, reason);
    }

    private static GoalRedefined redefinedWithHeadline(String headline) {
        Goal goal = pressRelease();
        return new GoalRedefined(PLAN_ID, headline, goal.subheading(), goal.customerProblem(), goal.solution(),
                goal.customerQuote(), goal.leaderQuote(), goal.callToAction(), BECAUSE);
    }

    private static MilestoneAdded gaPinnedTo(LocalDate deadline) {
        return new MilestoneAdded(PLAN_ID, GA, "GA ready", null, null, 10, List.of(), deadline, List.of(), null);
    }

    // ---- redefine -------------------------------------------------------------------------------------------

    @Test
    void redefiningThePressReleaseRecordsGoalRedefined() {
        fixture.given(planCreated())
                .when(change(newHeadline("Backcast: every plan explains itself", TARGET_DATE, BECAUSE)))
                .expectEvents(redefinedWithHeadline("Backcast: every plan explains itself"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void redefiningWithANewTargetDateAlsoMovesTheTargetDate() {
        fixture.given(planCreated())
                .when(change(newHeadline("Backcast: every plan explains itself", LATER, BECAUSE)))
                .expectEvents(redefinedWithHeadline("Backcast: every plan explains itself"),
                        new TargetDateMoved(PLAN_ID, LATER, BECAUSE))
                .expectResultMessagePayload(3L);
    }

    @Test
    void redefiningOnlyTheTargetDateRecordsOnlyTheMove() {
        fixture.given(planCreated())
                .when(change(newHeadline(pressRelease().headline(), LATER, BECAUSE)))
                .expectEvents(new TargetDateMoved(PLAN_ID, LATER, BECAUSE));
    }

    @Test
    void redefiningWithoutATargetDateKeepsIt() {
        fixture.given(planCreated())
                .when(change(newHeadline("A new headline", null, BECAUSE)))
                .expectEvents(redefinedWithHeadline("A new headline"));
    }

    @Test
    void redefiningToTheSamePressReleaseRecordsNothing() {
        fixture.given(planCreated())
                .when(change(newHeadline(pressRelease().headline(), TARGET_DATE, BECAUSE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void redefiningNeedsAReason() {
        fixture.given(planCreated())
                .when(change(newHeadline("A new headline", TARGET_DATE, null)))
                .expectException(rejected(INVALID_INPUT, "reason"));
    }

    @Test
    void headlineCustomerProblemAndSolutionAreRequired() {
        Goal goal = pressRelease();
        fixture.given(planCreated())
                .when(change(newHeadline(" ", TARGET_DATE, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "headline"));
        fixture.given(planCreated())
                .when(change(new RedefineGoal(goal.headline(), null, null, goal.solution(), null, null, null, null,
                        BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "customerProblem"));
        fixture.given(planCreated())
                .when(change(new RedefineGoal(goal.headline(), null, goal.customerProblem(), "", null, null, null,
                        null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "solution"));
    }

    @Test
    void theTextsOfThePressReleaseHaveALimit() {
        Goal goal = pressRelease();
        fixture.given(planCreated())
                .when(change(newHeadline(tooLong(10_000), TARGET_DATE, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "headline"))
                .expectExceptionMessage("headline has 10001 characters; at most 10000 are allowed");
        fixture.given(planCreated())
                .when(change(new RedefineGoal(goal.headline(), null, goal.customerProblem(), goal.solution(), null,
                        tooLong(10_000), null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "leaderQuote"));
    }

    @Test
    void redefiningWithATargetDateBeforeAPinnedDeadlineIsRejected() {
        fixture.given(planCreated(), gaPinnedTo(LocalDate.of(2027, 6, 15)))
                .when(change(newHeadline("A new headline", EARLIER, BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, "targetDate"))
                .expectNoEvents();
    }

    // ---- move the target date -------------------------------------------------------------------------------

    @Test
    void movingTheTargetDateRecordsTargetDateMoved() {
        fixture.given(planCreated())
                .when(change(new MoveTargetDate(LATER, BECAUSE)))
                .expectEvents(new TargetDateMoved(PLAN_ID, LATER, BECAUSE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void movingTheTargetDateOntoItselfRecordsNothing() {
        fixture.given(planCreated())
                .when(change(new MoveTargetDate(TARGET_DATE, BECAUSE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void movingTheTargetDateNeedsAReason() {
        fixture.given(planCreated())
                .when(change(new MoveTargetDate(LATER, null)))
                .expectException(rejected(INVALID_INPUT, "reason"));
    }

    @Test
    void movingTheTargetDateNeedsADate() {
        fixture.given(planCreated())
                .when(change(new MoveTargetDate(null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "targetDate"));
    }

    @Test
    void theTargetDateCannotMoveBeforeAPinnedDeadline() {
        fixture.given(planCreated(), gaPinnedTo(LocalDate.of(2027, 6, 15)))
                .when(change(new MoveTargetDate(EARLIER, BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, "targetDate"))
                .expectExceptionMessage(containsString("'GA ready' (2027-06-15)"))
                .expectNoEvents();
    }

    @Test
    void theTargetDateMayMoveOntoAPinnedDeadline() {
        fixture.given(planCreated(), gaPinnedTo(LocalDate.of(2027, 6, 15)))
                .when(change(new MoveTargetDate(LocalDate.of(2027, 6, 15), BECAUSE)))
                .expectEvents(new TargetDateMoved(PLAN_ID, LocalDate.of(2027, 6, 15), BECAUSE));
    }
}
