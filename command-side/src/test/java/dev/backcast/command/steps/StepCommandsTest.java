package dev.backcast.command.steps;

import dev.backcast.command.plan.PlanAggregate;
import dev.backcast.plan.steps.AddStep;
import dev.backcast.plan.steps.MarkStepDone;
import dev.backcast.plan.steps.RemoveStep;
import dev.backcast.plan.steps.ReopenStep;
import dev.backcast.plan.steps.ReviseStep;
import dev.backcast.plan.steps.StepAdded;
import dev.backcast.plan.steps.StepMarkedDone;
import dev.backcast.plan.steps.StepRemoved;
import dev.backcast.plan.steps.StepReopened;
import dev.backcast.plan.steps.StepRevised;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.backcast.command.GivenPlan.BECAUSE;
import static dev.backcast.command.GivenPlan.BETA;
import static dev.backcast.command.GivenPlan.GA;
import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.TODAY;
import static dev.backcast.command.GivenPlan.TOMORROW;
import static dev.backcast.command.GivenPlan.UNKNOWN;
import static dev.backcast.command.GivenPlan.change;
import static dev.backcast.command.GivenPlan.planFixture;
import static dev.backcast.command.GivenPlan.planWithTwoMilestones;
import static dev.backcast.command.GivenPlan.rejected;
import static dev.backcast.command.GivenPlan.tooLong;
import static dev.backcast.command.plan.PlanRejection.Kind.INVALID_INPUT;
import static dev.backcast.command.plan.PlanRejection.Kind.RULE_VIOLATED;
import static dev.backcast.command.plan.PlanRejection.Kind.UNKNOWN_REFERENCE;
import static dev.backcast.command.plan.PlanRejection.Kind.UNKNOWN_TARGET;
import static org.hamcrest.Matchers.containsString;

/**
 * Action steps under a milestone: adding, revising, removing, marking done and reopening. The plan here has the two
 * usual milestones, and under "GA ready" the steps "Write docs" (3 days) and "Ship" (2 days, after "Write docs").
 */
class StepCommandsTest {

    private static final UUID DOCS = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    private static final UUID SHIP = UUID.fromString("00000000-0000-0000-0000-00000000e002");
    private static final UUID TRAIN = UUID.fromString("00000000-0000-0000-0000-00000000e003");

    private final FixtureConfiguration<PlanAggregate> fixture = planFixture();

    private static StepAdded docsAdded() {
        return new StepAdded(PLAN_ID, GA, DOCS, "Write docs", null, 3, List.of(), null);
    }

    private static StepAdded shipAdded() {
        return new StepAdded(PLAN_ID, GA, SHIP, "Ship", null, 2, List.of(DOCS), null);
    }

    /** The two milestones, and "Write docs" then "Ship" under "GA ready": revision 5. */
    private TestExecutor<PlanAggregate> givenGaWithTwoSteps(Object... more) {
        List<Object> events = new ArrayList<>(planWithTwoMilestones());
        events.add(docsAdded());
        events.add(shipAdded());
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static AddStep addTraining(String description, Integer durationDays, List<UUID> predecessors) {
        return new AddStep(GA, TRAIN, description, null, durationDays, predecessors, null);
    }

    private static ReviseStep revise(UUID stepId, String description, Integer durationDays, List<UUID> predecessors) {
        return new ReviseStep(GA, stepId, description, null, durationDays, predecessors, BECAUSE);
    }

    // ---- add ------------------------------------------------------------------------------------------------

    @Test
    void addingAStepRecordsStepAddedUnderItsMilestone() {
        givenGaWithTwoSteps()
                .when(change(new AddStep(GA, TRAIN, "  Train support  ", "Support lead", 4, List.of(DOCS), BECAUSE)))
                .expectEvents(new StepAdded(PLAN_ID, GA, TRAIN, "Train support", "Support lead", 4, List.of(DOCS),
                        BECAUSE))
                .expectResultMessagePayload(6L);
    }

    @Test
    void aStepWithoutPredecessorsHasAnEmptyList() {
        givenGaWithTwoSteps()
                .when(change(addTraining("Train support", 4, null)))
                .expectEvents(new StepAdded(PLAN_ID, GA, TRAIN, "Train support", null, 4, List.of(), null));
    }

    @Test
    void theSameStepIdMayBeUsedUnderAnotherMilestone() {
        givenGaWithTwoSteps()
                .when(change(new AddStep(BETA, DOCS, "Write beta docs", null, 1, null, null)))
                .expectEvents(new StepAdded(PLAN_ID, BETA, DOCS, "Write beta docs", null, 1, List.of(), null));
    }

    @Test
    void addingUnderAnUnknownMilestoneIsRejected() {
        givenGaWithTwoSteps()
                .when(change(new AddStep(UNKNOWN, TRAIN, "Train support", null, 4, null, null)))
                .expectException(rejected(UNKNOWN_TARGET, "milestoneId"))
                .expectNoEvents();
    }

    @Test
    void aStepNeedsAnId() {
        givenGaWithTwoSteps()
                .when(change(new AddStep(GA, null, "Train support", null, 4, null, null)))
                .expectException(rejected(INVALID_INPUT, "stepId"));
    }

    @Test
    void aStepIdCannotBeUsedTwiceUnderOneMilestone() {
        givenGaWithTwoSteps()
                .when(change(new AddStep(GA, DOCS, "Write more docs", null, 4, null, null)))
                .expectException(rejected(RULE_VIOLATED, "stepId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aStepNeedsADescription(String description) {
        givenGaWithTwoSteps()
                .when(change(addTraining(description, 4, null)))
                .expectException(rejected(INVALID_INPUT, "description"));
    }

    @Test
    void aTooLongDescriptionIsRejected() {
        givenGaWithTwoSteps()
                .when(change(addTraining(tooLong(10_000), 4, null)))
                .expectException(rejected(INVALID_INPUT, "description"));
    }

    @Test
    void aTooLongOwnerIsRejected() {
        givenGaWithTwoSteps()
                .when(change(new AddStep(GA, TRAIN, "Train support", tooLong(200), 4, null, null)))
                .expectException(rejected(INVALID_INPUT, "owner"));
    }

    @Test
    void aStepNeedsADuration() {
        givenGaWithTwoSteps()
                .when(change(addTraining("Train support", null, null)))
                .expectException(rejected(INVALID_INPUT, "durationDays"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3650})
    void durationsFromZeroTo3650DaysAreAccepted(int durationDays) {
        givenGaWithTwoSteps()
                .when(change(addTraining("Train support", durationDays, null)))
                .expectEvents(new StepAdded(PLAN_ID, GA, TRAIN, "Train support", null, durationDays, List.of(), null));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 3651})
    void durationsOutside0To3650DaysAreRejected(int durationDays) {
        givenGaWithTwoSteps()
                .when(change(addTraining("Train support", durationDays, null)))
                .expectException(rejected(INVALID_INPUT, "durationDays"))
                .expectExceptionMessage(containsString("between 0 and 3650"));
    }

    @Test
    void predecessorsMustBeStepsOfTheSameMilestone() {
        fixture.given(planWithTwoMilestones().toArray())
                .andGiven(docsAdded(), new StepAdded(PLAN_ID, BETA, TRAIN, "Recruit testers", null, 2, List.of(), null))
                .when(change(new AddStep(GA, SHIP, "Ship", null, 2, List.of(TRAIN), null)))
                .expectException(rejected(UNKNOWN_REFERENCE, "predecessors"));
    }

    @Test
    void predecessorsMustNotRepeat() {
        givenGaWithTwoSteps()
                .when(change(addTraining("Train support", 4, List.of(DOCS, DOCS))))
                .expectException(rejected(INVALID_INPUT, "predecessors"));
    }

    @Test
    void aStepCannotBeItsOwnPredecessor() {
        givenGaWithTwoSteps()
                .when(change(addTraining("Train support", 4, List.of(TRAIN))))
                .expectException(rejected(RULE_VIOLATED, "predecessors"));
    }

    // ---- revise ---------------------------------------------------------------------------------------------

    @Test
    void revisingAStepRecordsItsCompleteNewDefinition() {
        givenGaWithTwoSteps()
                .when(change(new ReviseStep(GA, SHIP, "Ship to all regions", "Release manager", 5, null, BECAUSE)))
                .expectEvents(new StepRevised(PLAN_ID, GA, SHIP, "Ship to all regions", "Release manager", 5,
                        List.of(DOCS), BECAUSE))
                .expectResultMessagePayload(6L);
    }

    @Test
    void absentFieldsStayAsTheyAre() {
        givenGaWithTwoSteps()
                .when(change(revise(SHIP, null, 4, null)))
                .expectEvents(new StepRevised(PLAN_ID, GA, SHIP, "Ship", null, 4, List.of(DOCS), BECAUSE));
    }

    @Test
    void revisingToWhatTheStepAlreadyIsRecordsNothing() {
        givenGaWithTwoSteps()
                .when(change(revise(SHIP, "Ship", 2, List.of(DOCS))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(5L);
    }

    @Test
    void revisingNeedsAReason() {
        givenGaWithTwoSteps()
                .when(change(new ReviseStep(GA, SHIP, "Ship it", null, null, null, null)))
                .expectException(rejected(INVALID_INPUT, "reason"));
    }

    @Test
    void revisingAnUnknownStepOrMilestoneIsRejected() {
        givenGaWithTwoSteps()
                .when(change(revise(UNKNOWN, "Ship it", null, null)))
                .expectException(rejected(UNKNOWN_TARGET, "stepId"));
        givenGaWithTwoSteps()
                .when(change(new ReviseStep(UNKNOWN, SHIP, "Ship it", null, null, null, BECAUSE)))
                .expectException(rejected(UNKNOWN_TARGET, "milestoneId"));
    }

    @Test
    void aStepIsOnlyKnownUnderItsOwnMilestone() {
        givenGaWithTwoSteps()
                .when(change(new ReviseStep(BETA, SHIP, "Ship it", null, null, null, BECAUSE)))
                .expectException(rejected(UNKNOWN_TARGET, "stepId"));
    }

    @Test
    void revisingToABlankOrTooLongDescriptionIsRejected() {
        givenGaWithTwoSteps()
                .when(change(revise(SHIP, " ", null, null)))
                .expectException(rejected(INVALID_INPUT, "description"));
        givenGaWithTwoSteps()
                .when(change(revise(SHIP, tooLong(10_000), null, null)))
                .expectException(rejected(INVALID_INPUT, "description"));
    }

    @Test
    void revisingToATooLongOwnerIsRejected() {
        givenGaWithTwoSteps()
                .when(change(new ReviseStep(GA, SHIP, null, tooLong(200), null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "owner"));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 3651})
    void reestimatingOutside0To3650DaysIsRejected(int durationDays) {
        givenGaWithTwoSteps()
                .when(change(revise(SHIP, null, durationDays, null)))
                .expectException(rejected(INVALID_INPUT, "durationDays"));
    }

    @Test
    void revisedPredecessorsMustExist() {
        givenGaWithTwoSteps()
                .when(change(revise(SHIP, null, null, List.of(UNKNOWN))))
                .expectException(rejected(UNKNOWN_REFERENCE, "predecessors"));
    }

    @Test
    void makingAStepDependOnItsSuccessorIsACycle() {
        givenGaWithTwoSteps()
                .when(change(revise(DOCS, null, null, List.of(SHIP))))
                .expectException(rejected(RULE_VIOLATED, "predecessors"))
                .expectExceptionMessage(containsString("'Write docs' needs 'Ship' needs 'Write docs'"))
                .expectNoEvents();
    }

    // ---- remove ---------------------------------------------------------------------------------------------

    @Test
    void removingAStepNobodyDependsOnRecordsStepRemoved() {
        givenGaWithTwoSteps()
                .when(change(new RemoveStep(GA, SHIP, BECAUSE)))
                .expectEvents(new StepRemoved(PLAN_ID, GA, SHIP, BECAUSE))
                .expectResultMessagePayload(6L);
    }

    @Test
    void removingAStepOthersDependOnIsRejected() {
        givenGaWithTwoSteps()
                .when(change(new RemoveStep(GA, DOCS, BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, "stepId"))
                .expectExceptionMessage(containsString("'Ship' depend on it"))
                .expectNoEvents();
    }

    @Test
    void removingNeedsAReason() {
        givenGaWithTwoSteps()
                .when(change(new RemoveStep(GA, SHIP, null)))
                .expectException(rejected(INVALID_INPUT, "reason"));
    }

    @Test
    void removingAnUnknownStepIsRejected() {
        givenGaWithTwoSteps()
                .when(change(new RemoveStep(GA, UNKNOWN, BECAUSE)))
                .expectException(rejected(UNKNOWN_TARGET, "stepId"));
    }

    // ---- done and reopened ----------------------------------------------------------------------------------

    @Test
    void markingAStepDoneRecordsTheDay() {
        givenGaWithTwoSteps()
                .when(change(new MarkStepDone(GA, DOCS, TODAY, null)))
                .expectEvents(new StepMarkedDone(PLAN_ID, GA, DOCS, TODAY, null))
                .expectResultMessagePayload(6L);
    }

    @Test
    void markingDoneNeedsADay() {
        givenGaWithTwoSteps()
                .when(change(new MarkStepDone(GA, DOCS, null, null)))
                .expectException(rejected(INVALID_INPUT, "on"));
    }

    @Test
    void aStepCannotBeDoneInTheFuture() {
        givenGaWithTwoSteps()
                .when(change(new MarkStepDone(GA, DOCS, TOMORROW, null)))
                .expectException(rejected(RULE_VIOLATED, "on"))
                .expectNoEvents();
    }

    @Test
    void aDoneStepCannotBeDoneAgain() {
        givenGaWithTwoSteps(new StepMarkedDone(PLAN_ID, GA, DOCS, TODAY.minusDays(1), null))
                .when(change(new MarkStepDone(GA, DOCS, TODAY, null)))
                .expectException(rejected(RULE_VIOLATED, "stepId"))
                .expectExceptionMessage(containsString("already done on 2027-02-28"));
    }

    @Test
    void markingAnUnknownStepDoneIsRejected() {
        givenGaWithTwoSteps()
                .when(change(new MarkStepDone(GA, UNKNOWN, TODAY, null)))
                .expectException(rejected(UNKNOWN_TARGET, "stepId"));
    }

    @Test
    void reopeningADoneStepRecordsStepReopened() {
        givenGaWithTwoSteps(new StepMarkedDone(PLAN_ID, GA, DOCS, TODAY, null))
                .when(change(new ReopenStep(GA, DOCS, BECAUSE)))
                .expectEvents(new StepReopened(PLAN_ID, GA, DOCS, BECAUSE))
                .expectResultMessagePayload(7L);
    }

    @Test
    void reopeningNeedsAReason() {
        givenGaWithTwoSteps(new StepMarkedDone(PLAN_ID, GA, DOCS, TODAY, null))
                .when(change(new ReopenStep(GA, DOCS, null)))
                .expectException(rejected(INVALID_INPUT, "reason"));
    }

    @Test
    void aStepNotDoneCannotBeReopened() {
        givenGaWithTwoSteps()
                .when(change(new ReopenStep(GA, DOCS, BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, "stepId"))
                .expectExceptionMessage(containsString("is not done"));
    }

    @Test
    void reopeningAnUnknownStepIsRejected() {
        givenGaWithTwoSteps()
                .when(change(new ReopenStep(GA, UNKNOWN, BECAUSE)))
                .expectException(rejected(UNKNOWN_TARGET, "stepId"));
    }
}
