package dev.backcast.command.milestones;

import dev.backcast.command.plan.PlanAggregate;
import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.Reason;
import dev.backcast.plan.milestones.AddMilestone;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestoneDeadlineChanged;
import dev.backcast.plan.milestones.MilestoneLeadTimeReestimated;
import dev.backcast.plan.milestones.MilestonePredecessorsChanged;
import dev.backcast.plan.milestones.MilestoneReachRetracted;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.milestones.MilestoneRemoved;
import dev.backcast.plan.milestones.MilestoneRevised;
import dev.backcast.plan.milestones.ReachMilestone;
import dev.backcast.plan.milestones.RemoveMilestone;
import dev.backcast.plan.milestones.RetractMilestoneReached;
import dev.backcast.plan.milestones.ReviseMilestone;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.backcast.command.GivenPlan.BECAUSE;
import static dev.backcast.command.GivenPlan.BETA;
import static dev.backcast.command.GivenPlan.GA;
import static dev.backcast.command.GivenPlan.METRIC;
import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.TARGET_DATE;
import static dev.backcast.command.GivenPlan.TODAY;
import static dev.backcast.command.GivenPlan.TOMORROW;
import static dev.backcast.command.GivenPlan.UNKNOWN;
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
import static dev.backcast.command.plan.PlanRejection.Kind.UNKNOWN_REFERENCE;
import static dev.backcast.command.plan.PlanRejection.Kind.UNKNOWN_TARGET;
import static org.hamcrest.Matchers.containsString;

/** Milestones: adding, revising, removing, and recording that they were reached. */
class MilestoneCommandsTest {

    private static final UUID LAUNCH = UUID.fromString("00000000-0000-0000-0000-00000000b003");
    private static final UUID PROTOTYPE = UUID.fromString("00000000-0000-0000-0000-00000000b004");

    private final FixtureConfiguration<PlanAggregate> fixture = planFixture();

    private static AddMilestone addLaunch(String name, Integer leadTimeDays) {
        return new AddMilestone(LAUNCH, name, null, null, leadTimeDays, null, null, null, null);
    }

    private static ReviseMilestone revise(UUID milestoneId, String name, Integer leadTimeDays, List<UUID> predecessors,
                                          Optional<LocalDate> deadline, Reason reason) {
        return new ReviseMilestone(milestoneId, name, null, null, leadTimeDays, predecessors, deadline, null, reason);
    }

    // ---- add ------------------------------------------------------------------------------------------------

    @Test
    void addingAMilestoneRecordsMilestoneAddedAndReturnsTheNewRevision() {
        fixture.given(planCreated(), metricDefined(), milestoneAdded(BETA, "Beta done", 20))
                .when(change(new AddMilestone(LAUNCH, "  Launch event  ", "Press is invited", "Marketing", 3,
                        List.of(BETA), LocalDate.of(2027, 6, 28), List.of(METRIC), null)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MilestoneAdded(PLAN_ID, LAUNCH, "Launch event", "Press is invited", "Marketing", 3,
                        List.of(BETA), LocalDate.of(2027, 6, 28), List.of(METRIC), null))
                .expectResultMessagePayload(4L);
    }

    @Test
    void addingAMilestoneRecordsTheReasonWhenOneIsGiven() {
        fixture.given(planCreated())
                .when(change(new AddMilestone(LAUNCH, "Launch event", null, null, 3, null, null, null, BECAUSE)))
                .expectEvents(new MilestoneAdded(PLAN_ID, LAUNCH, "Launch event", null, null, 3, List.of(), null,
                        List.of(), BECAUSE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3650})
    void leadTimesFromZeroTo3650DaysAreAccepted(int leadTimeDays) {
        fixture.given(planCreated())
                .when(change(addLaunch("Launch event", leadTimeDays)))
                .expectEvents(milestoneAdded(LAUNCH, "Launch event", leadTimeDays));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 3651})
    void leadTimesOutside0To3650DaysAreRejected(int leadTimeDays) {
        fixture.given(planCreated())
                .when(change(addLaunch("Launch event", leadTimeDays)))
                .expectException(rejected(INVALID_INPUT, "leadTimeDays"))
                .expectExceptionMessage(containsString("between 0 and 3650"))
                .expectNoEvents();
    }

    @Test
    void aMilestoneNeedsALeadTime() {
        fixture.given(planCreated())
                .when(change(addLaunch("Launch event", null)))
                .expectException(rejected(INVALID_INPUT, "leadTimeDays"));
    }

    @Test
    void aMilestoneNeedsAnId() {
        fixture.given(planCreated())
                .when(change(new AddMilestone(null, "Launch event", null, null, 3, null, null, null, null)))
                .expectException(rejected(INVALID_INPUT, "milestoneId"));
    }

    @Test
    void aMilestoneIdCannotBeUsedTwice() {
        fixture.given(planWithTwoMilestones())
                .when(change(new AddMilestone(BETA, "Another beta", null, null, 3, null, null, null, null)))
                .expectException(rejected(RULE_VIOLATED, "milestoneId"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aMilestoneNeedsAName(String name) {
        fixture.given(planCreated())
                .when(change(addLaunch(name, 3)))
                .expectException(rejected(INVALID_INPUT, "name"))
                .expectExceptionMessage("name is required and must not be blank");
    }

    @Test
    void aMissingNameIsRejected() {
        fixture.given(planCreated())
                .when(change(addLaunch(null, 3)))
                .expectException(rejected(INVALID_INPUT, "name"));
    }

    @Test
    void aNameOf200CharactersIsAcceptedButNotOf201() {
        fixture.given(planCreated())
                .when(change(addLaunch("n".repeat(200), 3)))
                .expectEvents(milestoneAdded(LAUNCH, "n".repeat(200), 3));
        fixture.given(planCreated())
                .when(change(addLaunch(tooLong(200), 3)))
                .expectException(rejected(INVALID_INPUT, "name"))
                .expectExceptionMessage("name has 201 characters; at most 200 are allowed");
    }

    @Test
    void aTooLongDefinitionOfDoneIsRejected() {
        fixture.given(planCreated())
                .when(change(new AddMilestone(LAUNCH, "Launch", tooLong(10_000), null, 3, null, null, null, null)))
                .expectException(rejected(INVALID_INPUT, "definitionOfDone"));
    }

    @Test
    void aTooLongOwnerIsRejected() {
        fixture.given(planCreated())
                .when(change(new AddMilestone(LAUNCH, "Launch", null, tooLong(200), 3, null, null, null, null)))
                .expectException(rejected(INVALID_INPUT, "owner"));
    }

    @Test
    void aReasonWithoutCategoryIsRejected() {
        fixture.given(planCreated())
                .when(change(new AddMilestone(LAUNCH, "Launch", null, null, 3, null, null, null,
                        new Reason(null, "because"))))
                .expectException(rejected(INVALID_INPUT, "reason.category"));
    }

    @Test
    void predecessorsMustExist() {
        fixture.given(planWithTwoMilestones())
                .when(change(new AddMilestone(LAUNCH, "Launch", null, null, 3, List.of(GA, UNKNOWN), null, null, null)))
                .expectException(rejected(UNKNOWN_REFERENCE, "predecessors"))
                .expectExceptionMessage(containsString(UNKNOWN.toString()))
                .expectNoEvents();
    }

    @Test
    void predecessorsMustNotRepeat() {
        fixture.given(planWithTwoMilestones())
                .when(change(new AddMilestone(LAUNCH, "Launch", null, null, 3, List.of(GA, GA), null, null, null)))
                .expectException(rejected(INVALID_INPUT, "predecessors"));
    }

    @Test
    void aMilestoneCannotBeItsOwnPredecessor() {
        fixture.given(planWithTwoMilestones())
                .when(change(new AddMilestone(LAUNCH, "Launch", null, null, 3, List.of(LAUNCH), null, null, null)))
                .expectException(rejected(RULE_VIOLATED, "predecessors"));
    }

    @Test
    void aDeadlineOnTheTargetDateIsAccepted() {
        fixture.given(planCreated())
                .when(change(new AddMilestone(LAUNCH, "Launch", null, null, 3, null, TARGET_DATE, null, null)))
                .expectEvents(new MilestoneAdded(PLAN_ID, LAUNCH, "Launch", null, null, 3, List.of(), TARGET_DATE,
                        List.of(), null));
    }

    @Test
    void aDeadlineAfterTheTargetDateIsRejected() {
        fixture.given(planCreated())
                .when(change(new AddMilestone(LAUNCH, "Launch", null, null, 3, null, TARGET_DATE.plusDays(1), null,
                        null)))
                .expectException(rejected(RULE_VIOLATED, "deadline"))
                .expectExceptionMessage(containsString("is after the target date 2027-06-30"));
    }

    @Test
    void servedMetricsMustExist() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new AddMilestone(LAUNCH, "Launch", null, null, 3, null, null, List.of(METRIC, UNKNOWN),
                        null)))
                .expectException(rejected(UNKNOWN_REFERENCE, "metrics"));
    }

    @Test
    void servedMetricsMustNotRepeat() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new AddMilestone(LAUNCH, "Launch", null, null, 3, null, null, List.of(METRIC, METRIC),
                        null)))
                .expectException(rejected(INVALID_INPUT, "metrics"));
    }

    // ---- revise ---------------------------------------------------------------------------------------------

    @Test
    void revisingEverythingRecordsOneEventPerKindOfChange() {
        fixture.given(planWithTwoMilestones())
                .when(change(revise(GA, "GA shipped", 12, List.of(), Optional.of(LocalDate.of(2027, 6, 15)), BECAUSE)))
                .expectEvents(
                        new MilestoneRevised(PLAN_ID, GA, "GA shipped", null, null, List.of(), BECAUSE),
                        new MilestoneLeadTimeReestimated(PLAN_ID, GA, 12, BECAUSE),
                        new MilestoneDeadlineChanged(PLAN_ID, GA, LocalDate.of(2027, 6, 15), BECAUSE),
                        new MilestonePredecessorsChanged(PLAN_ID, GA, List.of(), BECAUSE))
                .expectResultMessagePayload(7L);
    }

    @Test
    void revisingToWhatTheMilestoneAlreadyIsRecordsNothing() {
        fixture.given(planWithTwoMilestones())
                .when(change(revise(GA, "GA ready", 10, List.of(BETA), Optional.empty(), BECAUSE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void absentFieldsStayAsTheyAre() {
        fixture.given(planCreated(), metricDefined(), new MilestoneAdded(PLAN_ID, LAUNCH, "Launch", "Press invited",
                        "Marketing", 3, List.of(), LocalDate.of(2027, 6, 1), List.of(METRIC), null))
                .when(change(new ReviseMilestone(LAUNCH, "Launch event", null, null, null, null, null, null, BECAUSE)))
                .expectEvents(new MilestoneRevised(PLAN_ID, LAUNCH, "Launch event", "Press invited", "Marketing",
                        List.of(METRIC), BECAUSE));
    }

    @Test
    void onlyAChangedLeadTimeRecordsOnlyARestimate() {
        fixture.given(planWithTwoMilestones())
                .when(change(revise(BETA, null, 25, null, null, BECAUSE)))
                .expectEvents(new MilestoneLeadTimeReestimated(PLAN_ID, BETA, 25, BECAUSE));
    }

    @Test
    void anEmptyDeadlineUnpinsTheMilestone() {
        fixture.given(planCreated(), new MilestoneAdded(PLAN_ID, LAUNCH, "Launch", null, null, 3, List.of(),
                        LocalDate.of(2027, 6, 1), List.of(), null))
                .when(change(revise(LAUNCH, null, null, null, Optional.empty(), BECAUSE)))
                .expectEvents(new MilestoneDeadlineChanged(PLAN_ID, LAUNCH, null, BECAUSE));
    }

    @Test
    void revisingTheServedMetricsRecordsMilestoneRevised() {
        fixture.given(planWithTwoMilestones().toArray())
                .andGiven(metricDefined())
                .when(change(new ReviseMilestone(GA, null, null, null, null, null, null, List.of(METRIC), BECAUSE)))
                .expectEvents(new MilestoneRevised(PLAN_ID, GA, "GA ready", null, null, List.of(METRIC), BECAUSE));
    }

    @Test
    void revisingNeedsAReason() {
        fixture.given(planWithTwoMilestones())
                .when(change(revise(GA, "GA shipped", null, null, null, null)))
                .expectException(rejected(INVALID_INPUT, "reason"))
                .expectNoEvents();
    }

    @Test
    void revisingAnUnknownMilestoneIsRejected() {
        fixture.given(planWithTwoMilestones())
                .when(change(revise(UNKNOWN, "GA shipped", null, null, null, BECAUSE)))
                .expectException(rejected(UNKNOWN_TARGET, "milestoneId"));
    }

    @Test
    void revisingToABlankOrTooLongNameIsRejected() {
        fixture.given(planWithTwoMilestones())
                .when(change(revise(GA, " ", null, null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "name"));
        fixture.given(planWithTwoMilestones())
                .when(change(revise(GA, tooLong(200), null, null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "name"));
    }

    @Test
    void revisingToATooLongDefinitionOrOwnerIsRejected() {
        fixture.given(planWithTwoMilestones())
                .when(change(new ReviseMilestone(GA, null, tooLong(10_000), null, null, null, null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "definitionOfDone"));
        fixture.given(planWithTwoMilestones())
                .when(change(new ReviseMilestone(GA, null, null, tooLong(200), null, null, null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "owner"));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 3651})
    void reestimatingOutside0To3650DaysIsRejected(int leadTimeDays) {
        fixture.given(planWithTwoMilestones())
                .when(change(revise(GA, null, leadTimeDays, null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "leadTimeDays"))
                .expectNoEvents();
    }

    @Test
    void pinningADeadlineAfterTheTargetDateIsRejected() {
        fixture.given(planWithTwoMilestones())
                .when(change(revise(GA, null, null, null, Optional.of(TARGET_DATE.plusDays(1)), BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, "deadline"))
                .expectExceptionMessage(containsString("'GA ready'"));
    }

    @Test
    void revisedPredecessorsMustExist() {
        fixture.given(planWithTwoMilestones())
                .when(change(revise(GA, null, null, List.of(UNKNOWN), null, BECAUSE)))
                .expectException(rejected(UNKNOWN_REFERENCE, "predecessors"));
    }

    @Test
    void revisedServedMetricsMustExist() {
        fixture.given(planWithTwoMilestones())
                .when(change(new ReviseMilestone(GA, null, null, null, null, null, null, List.of(UNKNOWN), BECAUSE)))
                .expectException(rejected(UNKNOWN_REFERENCE, "metrics"));
    }

    @Test
    void aMilestoneCannotBeMadeItsOwnPredecessor() {
        fixture.given(planWithTwoMilestones())
                .when(change(revise(GA, null, null, List.of(GA), null, BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, "predecessors"));
    }

    @Test
    void makingAMilestoneDependOnItsSuccessorIsACycle() {
        fixture.given(planWithTwoMilestones())
                .when(change(revise(BETA, null, null, List.of(GA), null, BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, "predecessors"))
                .expectExceptionMessage(containsString("This would make a cycle: 'Beta done' needs 'GA ready' needs 'Beta done'"))
                .expectNoEvents();
    }

    @Test
    void aCycleThroughSeveralMilestonesIsRejected() {
        fixture.given(planCreated(), milestoneAdded(PROTOTYPE, "Prototype", 5),
                        milestoneAdded(BETA, "Beta done", 20, PROTOTYPE), milestoneAdded(GA, "GA ready", 10, BETA))
                .when(change(revise(PROTOTYPE, null, null, List.of(GA), null, BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, "predecessors"))
                .expectExceptionMessage(containsString(
                        "'Prototype' needs 'GA ready' needs 'Beta done' needs 'Prototype'"));
    }

    // ---- remove ---------------------------------------------------------------------------------------------

    @Test
    void removingAMilestoneNobodyDependsOnRecordsMilestoneRemoved() {
        fixture.given(planWithTwoMilestones())
                .when(change(new RemoveMilestone(GA, BECAUSE)))
                .expectEvents(new MilestoneRemoved(PLAN_ID, GA, BECAUSE))
                .expectResultMessagePayload(4L);
    }

    @Test
    void removingAMilestoneOthersDependOnIsRejected() {
        fixture.given(planWithTwoMilestones())
                .when(change(new RemoveMilestone(BETA, BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, "milestoneId"))
                .expectExceptionMessage(containsString("'GA ready' depend on it"))
                .expectNoEvents();
    }

    @Test
    void removingNeedsAReason() {
        fixture.given(planWithTwoMilestones())
                .when(change(new RemoveMilestone(GA, null)))
                .expectException(rejected(INVALID_INPUT, "reason"));
    }

    @Test
    void removingAnUnknownMilestoneIsRejected() {
        fixture.given(planWithTwoMilestones())
                .when(change(new RemoveMilestone(UNKNOWN, BECAUSE)))
                .expectException(rejected(UNKNOWN_TARGET, "milestoneId"));
    }

    @Test
    void aRemovedMilestoneIsUnknownAfterwards() {
        fixture.given(planWithTwoMilestones().toArray())
                .andGiven(new MilestoneRemoved(PLAN_ID, GA, BECAUSE))
                .when(change(new ReachMilestone(GA, TODAY, null)))
                .expectException(rejected(UNKNOWN_TARGET, "milestoneId"));
    }

    // ---- reach and retract ----------------------------------------------------------------------------------

    @Test
    void reachingAMilestoneRecordsTheDayItWasReached() {
        fixture.given(planWithTwoMilestones())
                .when(change(new ReachMilestone(BETA, TODAY.minusDays(2), null)))
                .expectEvents(new MilestoneReached(PLAN_ID, BETA, TODAY.minusDays(2), null))
                .expectResultMessagePayload(4L);
    }

    @Test
    void milestonesCanBeReachedInAnActivePlan() {
        fixture.given(planWithTwoMilestones().toArray())
                .andGiven(metricDefined(), new PlanApproved(PLAN_ID, null))
                .when(change(new ReachMilestone(BETA, TODAY, BECAUSE)))
                .expectEvents(new MilestoneReached(PLAN_ID, BETA, TODAY, BECAUSE));
    }

    @Test
    void reachingNeedsADay() {
        fixture.given(planWithTwoMilestones())
                .when(change(new ReachMilestone(BETA, null, null)))
                .expectException(rejected(INVALID_INPUT, "on"));
    }

    @Test
    void aMilestoneCannotBeReachedInTheFuture() {
        fixture.given(planWithTwoMilestones())
                .when(change(new ReachMilestone(BETA, TOMORROW, null)))
                .expectException(rejected(RULE_VIOLATED, "on"))
                .expectExceptionMessage(containsString("in the future (today is 2027-03-01)"))
                .expectNoEvents();
    }

    @Test
    void aReachedMilestoneCannotBeReachedAgain() {
        fixture.given(planWithTwoMilestones().toArray())
                .andGiven(new MilestoneReached(PLAN_ID, BETA, TODAY.minusDays(5), null))
                .when(change(new ReachMilestone(BETA, TODAY, null)))
                .expectException(rejected(RULE_VIOLATED, "milestoneId"))
                .expectExceptionMessage(containsString("already reached on 2027-02-24"));
    }

    @Test
    void reachingAnUnknownMilestoneIsRejected() {
        fixture.given(planWithTwoMilestones())
                .when(change(new ReachMilestone(UNKNOWN, TODAY, null)))
                .expectException(rejected(UNKNOWN_TARGET, "milestoneId"));
    }

    @Test
    void retractingAReachedMilestoneRecordsMilestoneReachRetracted() {
        fixture.given(planWithTwoMilestones().toArray())
                .andGiven(new MilestoneReached(PLAN_ID, BETA, TODAY, null))
                .when(change(new RetractMilestoneReached(BETA, BECAUSE)))
                .expectEvents(new MilestoneReachRetracted(PLAN_ID, BETA, BECAUSE))
                .expectResultMessagePayload(5L);
    }

    @Test
    void retractingNeedsAReason() {
        fixture.given(planWithTwoMilestones().toArray())
                .andGiven(new MilestoneReached(PLAN_ID, BETA, TODAY, null))
                .when(change(new RetractMilestoneReached(BETA, null)))
                .expectException(rejected(INVALID_INPUT, "reason"));
    }

    @Test
    void aMilestoneNotReachedCannotBeRetracted() {
        fixture.given(planWithTwoMilestones())
                .when(change(new RetractMilestoneReached(BETA, BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, "milestoneId"))
                .expectExceptionMessage(containsString("has not been recorded as reached"));
    }

    @Test
    void retractingAnUnknownMilestoneIsRejected() {
        fixture.given(planWithTwoMilestones())
                .when(change(new RetractMilestoneReached(UNKNOWN, BECAUSE)))
                .expectException(rejected(UNKNOWN_TARGET, "milestoneId"));
    }
}
