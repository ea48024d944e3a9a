package dev.backcast.command.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.backcast.plan.AbandonPlan;
import dev.backcast.plan.AchieveGoal;
import dev.backcast.plan.ApprovePlan;
import dev.backcast.plan.ChangePlan;
import dev.backcast.plan.ChangePlanDetails;
import dev.backcast.plan.GoalAchieved;
import dev.backcast.plan.PlanAbandoned;
import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.PlanChange;
import dev.backcast.plan.PlanDetailsChanged;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.baselines.CaptureBaseline;
import dev.backcast.plan.goal.MoveTargetDate;
import dev.backcast.plan.goal.RedefineGoal;
import dev.backcast.plan.metrics.DefineMetric;
import dev.backcast.plan.metrics.Direction;
import dev.backcast.plan.metrics.DropMetric;
import dev.backcast.plan.metrics.MeasureMetric;
import dev.backcast.plan.metrics.ReviseMetric;
import dev.backcast.plan.milestones.AddMilestone;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.milestones.ReachMilestone;
import dev.backcast.plan.milestones.RemoveMilestone;
import dev.backcast.plan.milestones.RetractMilestoneReached;
import dev.backcast.plan.milestones.ReviseMilestone;
import dev.backcast.plan.questions.AnswerQuestion;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.plan.questions.RaiseQuestion;
import dev.backcast.plan.risks.CloseRisk;
import dev.backcast.plan.risks.IdentifyRisk;
import dev.backcast.plan.risks.ReassessRisk;
import dev.backcast.plan.risks.RiskStatus;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.plan.steps.AddStep;
import dev.backcast.plan.steps.MarkStepDone;
import dev.backcast.plan.steps.RemoveStep;
import dev.backcast.plan.steps.ReopenStep;
import dev.backcast.plan.steps.ReviseStep;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.backcast.command.GivenPlan.BECAUSE;
import static dev.backcast.command.GivenPlan.BETA;
import static dev.backcast.command.GivenPlan.GA;
import static dev.backcast.command.GivenPlan.METRIC;
import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.TARGET_DATE;
import static dev.backcast.command.GivenPlan.TODAY;
import static dev.backcast.command.GivenPlan.TOMORROW;
import static dev.backcast.command.GivenPlan.change;
import static dev.backcast.command.GivenPlan.metricDefined;
import static dev.backcast.command.GivenPlan.milestoneAdded;
import static dev.backcast.command.GivenPlan.planCreated;
import static dev.backcast.command.GivenPlan.planFixture;
import static dev.backcast.command.GivenPlan.planWithTwoMilestones;
import static dev.backcast.command.GivenPlan.rejected;
import static dev.backcast.command.GivenPlan.tooLong;
import static dev.backcast.command.plan.PlanRejection.Kind.INVALID_INPUT;
import static dev.backcast.command.plan.PlanRejection.Kind.RULE_VIOLATED;
import static dev.backcast.command.plan.PlanRejection.Kind.WRONG_STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The plan as a whole: its details, approval (DRAFT → ACTIVE), achievement, abandonment, and closed plans. */
class PlanLifecycleCommandsTest {

    private static final UUID PROTOTYPE = UUID.fromString("00000000-0000-0000-0000-00000000b004");
    private static final LocalDate JULY_4 = LocalDate.of(2027, 7, 4);
    private static final LocalDate DEC_25 = LocalDate.of(2027, 12, 25);

    private final FixtureConfiguration<PlanAggregate> fixture = planFixture();

    /** A plan with a success metric and the two milestones, approved: revision 6. */
    private TestExecutor<PlanAggregate> givenAnActivePlan(Object... more) {
        List<Object> events = new ArrayList<>(planWithTwoMilestones());
        events.add(metricDefined());
        events.add(new PlanApproved(PLAN_ID, null));
        events.add(new BaselineCaptured(PLAN_ID, PlanLifecycle.APPROVED_BASELINE, TARGET_DATE,
                Map.of(GA, LocalDate.of(2027, 6, 30), BETA, LocalDate.of(2027, 6, 20)), null));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    // ---- details --------------------------------------------------------------------------------------------

    @Test
    void changingTheDetailsRecordsTheCompleteNewDetails() {
        fixture.given(planCreated())
                .when(change(new ChangePlanDetails("  Backcast 1.0 ", "Products", CalendarKind.WORKING_DAYS,
                        List.of(DEC_25, JULY_4, DEC_25), BECAUSE)))
                .expectEvents(new PlanDetailsChanged(PLAN_ID, "Backcast 1.0", "Products", CalendarKind.WORKING_DAYS,
                        List.of(JULY_4, DEC_25), BECAUSE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void absentDetailsStayAsTheyAre() {
        fixture.given(planCreated())
                .when(change(new ChangePlanDetails("Backcast 1.0", null, null, null, BECAUSE)))
                .expectEvents(new PlanDetailsChanged(PLAN_ID, "Backcast 1.0", "Platform", CalendarKind.CALENDAR_DAYS,
                        List.of(), BECAUSE));
    }

    @Test
    void changingTheDetailsToWhatTheyAreRecordsNothing() {
        fixture.given(planCreated())
                .when(change(new ChangePlanDetails("Launch Backcast", "Platform", CalendarKind.CALENDAR_DAYS,
                        List.of(), BECAUSE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void changingTheDetailsNeedsAReason() {
        fixture.given(planCreated())
                .when(change(new ChangePlanDetails("Backcast 1.0", null, null, null, null)))
                .expectException(rejected(INVALID_INPUT, "reason"))
                .expectNoEvents();
    }

    @Test
    void theTitleMustNotBeBlankOrTooLong() {
        fixture.given(planCreated())
                .when(change(new ChangePlanDetails(" ", null, null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "title"));
        fixture.given(planCreated())
                .when(change(new ChangePlanDetails(tooLong(200), null, null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "title"));
    }

    @Test
    void thePortfolioMustNotBeTooLong() {
        fixture.given(planCreated())
                .when(change(new ChangePlanDetails(null, tooLong(200), null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "portfolio"));
    }

    @Test
    void holidaysMustBeDates() {
        fixture.given(planCreated())
                .when(change(new ChangePlanDetails(null, null, null, Arrays.asList(JULY_4, null), BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "holidays"));
    }

    // ---- approve --------------------------------------------------------------------------------------------

    @Test
    void approvingActivatesThePlanAndCapturesTheApprovedBaseline() {
        // The example of the design: target 06-30; GA ready (10) after Beta done (20) after Prototype (5).
        // GA ready is due 06-30 and must start by 06-20; Beta done is due 06-20, start by 05-31; Prototype is due
        // 05-31.
        fixture.given(planCreated(), metricDefined(), milestoneAdded(PROTOTYPE, "Prototype", 5),
                        milestoneAdded(BETA, "Beta done", 20, PROTOTYPE), milestoneAdded(GA, "GA ready", 10, BETA))
                .when(change(new ApprovePlan(BECAUSE)))
                .expectEvents(new PlanApproved(PLAN_ID, BECAUSE),
                        new BaselineCaptured(PLAN_ID, "approved", TARGET_DATE, Map.of(
                                GA, LocalDate.of(2027, 6, 30),
                                BETA, LocalDate.of(2027, 6, 20),
                                PROTOTYPE, LocalDate.of(2027, 5, 31)), BECAUSE))
                .expectResultMessagePayload(7L);
    }

    @Test
    void approvingNeedsNoReason() {
        fixture.given(planWithTwoMilestones().toArray())
                .andGiven(metricDefined())
                .when(change(new ApprovePlan(null)))
                .expectEvents(new PlanApproved(PLAN_ID, null), new BaselineCaptured(PLAN_ID, "approved", TARGET_DATE,
                        Map.of(GA, LocalDate.of(2027, 6, 30), BETA, LocalDate.of(2027, 6, 20)), null));
    }

    @Test
    void approvingNeedsASuccessMetric() {
        fixture.given(planWithTwoMilestones())
                .when(change(new ApprovePlan(null)))
                .expectException(rejected(RULE_VIOLATED, null))
                .expectExceptionMessage(containsString("it has 0 metric(s) and 2 milestone(s)"))
                .expectNoEvents();
    }

    @Test
    void approvingNeedsAMilestone() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new ApprovePlan(null)))
                .expectException(rejected(RULE_VIOLATED, null))
                .expectExceptionMessage(containsString("it has 1 metric(s) and 0 milestone(s)"));
    }

    @Test
    void anActivePlanCannotBeApprovedAgain() {
        givenAnActivePlan()
                .when(change(new ApprovePlan(null)))
                .expectException(rejected(WRONG_STATUS, null))
                .expectExceptionMessage(containsString("already ACTIVE"))
                .expectNoEvents();
    }

    // ---- achieve --------------------------------------------------------------------------------------------

    @Test
    void achievingTheGoalOfAnActivePlanRecordsGoalAchieved() {
        givenAnActivePlan()
                .when(change(new AchieveGoal(TODAY, BECAUSE)))
                .expectEvents(new GoalAchieved(PLAN_ID, TODAY, BECAUSE))
                .expectResultMessagePayload(7L);
    }

    @Test
    void aDraftCannotBeAchieved() {
        fixture.given(planWithTwoMilestones())
                .when(change(new AchieveGoal(TODAY, null)))
                .expectException(rejected(WRONG_STATUS, null))
                .expectExceptionMessage(containsString("approve it before"));
    }

    @Test
    void theGoalCannotBeAchievedInTheFuture() {
        givenAnActivePlan()
                .when(change(new AchieveGoal(TOMORROW, null)))
                .expectException(rejected(RULE_VIOLATED, "on"))
                .expectNoEvents();
    }

    @Test
    void achievingNeedsADay() {
        givenAnActivePlan()
                .when(change(new AchieveGoal(null, null)))
                .expectException(rejected(INVALID_INPUT, "on"));
    }

    // ---- abandon --------------------------------------------------------------------------------------------

    @Test
    void aDraftCanBeAbandoned() {
        fixture.given(planWithTwoMilestones())
                .when(change(new AbandonPlan(BECAUSE)))
                .expectEvents(new PlanAbandoned(PLAN_ID, BECAUSE))
                .expectResultMessagePayload(4L);
    }

    @Test
    void anActivePlanCanBeAbandoned() {
        givenAnActivePlan()
                .when(change(new AbandonPlan(BECAUSE)))
                .expectEvents(new PlanAbandoned(PLAN_ID, BECAUSE));
    }

    @Test
    void abandoningNeedsAReason() {
        givenAnActivePlan()
                .when(change(new AbandonPlan(null)))
                .expectException(rejected(INVALID_INPUT, "reason"));
    }

    // ---- closed plans ---------------------------------------------------------------------------------------

    /** One valid example of every kind of change, each of which an open plan would accept. */
    static List<PlanChange> everyChange() {
        UUID step = UUID.fromString("00000000-0000-0000-0000-00000000e001");
        return List.of(
                new ChangePlanDetails("Another title", null, null, null, BECAUSE),
                new RedefineGoal("New headline", null, "Problem", "Solution", null, null, null, null, BECAUSE),
                new MoveTargetDate(TARGET_DATE.plusDays(7), BECAUSE),
                new DefineMetric(UUID.randomUUID(), "NPS", null, BigDecimal.ONE, BigDecimal.TEN, Direction.INCREASE,
                        null, null),
                new ReviseMetric(METRIC, "Renamed", null, null, null, null, null, BECAUSE),
                new DropMetric(METRIC, BECAUSE),
                new MeasureMetric(METRIC, BigDecimal.TEN, TODAY, null),
                new AddMilestone(UUID.randomUUID(), "Launch", null, null, 1, null, null, null, null),
                new ReviseMilestone(GA, null, null, null, 11, null, null, null, BECAUSE),
                new RemoveMilestone(GA, BECAUSE),
                new ReachMilestone(BETA, TODAY, null),
                new RetractMilestoneReached(BETA, BECAUSE),
                new AddStep(GA, step, "Write docs", null, 2, null, null),
                new ReviseStep(GA, step, "Write more docs", null, null, null, BECAUSE),
                new RemoveStep(GA, step, BECAUSE),
                new MarkStepDone(GA, step, TODAY, null),
                new ReopenStep(GA, step, BECAUSE),
                new RaiseQuestion(UUID.randomUUID(), QuestionKind.SKEPTIC, "Why?", null),
                new AnswerQuestion(UUID.randomUUID(), "Because.", null),
                new IdentifyRisk(UUID.randomUUID(), "Risk", 2, 2, null, null),
                new ReassessRisk(UUID.randomUUID(), null, 3, null, null, BECAUSE),
                new CloseRisk(UUID.randomUUID(), RiskStatus.CLOSED, null, null),
                new CaptureBaseline("Late look", null),
                new ApprovePlan(null),
                new AchieveGoal(TODAY, null),
                new AbandonPlan(BECAUSE));
    }

    @Test
    void theClosedPlanExamplesCoverEveryKindOfChange() {
        Set<Class<?>> known = Arrays.stream(PlanChange.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value).collect(Collectors.toSet());
        assertThat(everyChange().stream().map(Object::getClass).collect(Collectors.toSet())).isEqualTo(known);
    }

    @ParameterizedTest
    @MethodSource("everyChange")
    void anAchievedPlanAcceptsNoFurtherChange(PlanChange change) {
        givenAnActivePlan(new GoalAchieved(PLAN_ID, TODAY, null))
                .when(change(change))
                .expectException(rejected(WRONG_STATUS, null))
                .expectExceptionMessage("The plan is ACHIEVED and accepts no further change")
                .expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("everyChange")
    void anAbandonedPlanAcceptsNoFurtherChange(PlanChange change) {
        fixture.given(planWithTwoMilestones().toArray())
                .andGiven(metricDefined(), new PlanAbandoned(PLAN_ID, BECAUSE))
                .when(change(change))
                .expectException(rejected(WRONG_STATUS, null))
                .expectExceptionMessage("The plan is ABANDONED and accepts no further change")
                .expectNoEvents();
    }

    // ---- revisions ------------------------------------------------------------------------------------------

    @Test
    void aChangeBasedOnTheCurrentRevisionIsApplied() {
        // revision 3 is aggregate version 2
        fixture.given(planWithTwoMilestones())
                .when(new ChangePlan(PLAN_ID, 2L, new ReachMilestone(BETA, TODAY, null)))
                .expectEvents(new MilestoneReached(PLAN_ID, BETA, TODAY, null))
                .expectResultMessagePayload(4L);
    }

    @Test
    void aChangeBasedOnAnOutdatedRevisionIsRefused() {
        fixture.given(planWithTwoMilestones())
                .when(new ChangePlan(PLAN_ID, 1L, new ReachMilestone(BETA, TODAY, null)))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }
}
