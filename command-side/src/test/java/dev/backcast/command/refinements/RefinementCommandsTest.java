package dev.backcast.command.refinements;

import dev.backcast.command.plan.PlanAggregate;
import dev.backcast.plan.AbandonPlan;
import dev.backcast.plan.AchieveGoal;
import dev.backcast.plan.ApprovePlan;
import dev.backcast.plan.PlanAbandoned;
import dev.backcast.plan.PlanChange;
import dev.backcast.plan.RefinePlan;
import dev.backcast.plan.baselines.CaptureBaseline;
import dev.backcast.plan.milestones.AddMilestone;
import dev.backcast.plan.milestones.MilestonePredecessorsChanged;
import dev.backcast.plan.milestones.ReachMilestone;
import dev.backcast.plan.milestones.RemoveMilestone;
import dev.backcast.plan.milestones.ReviseMilestone;
import dev.backcast.plan.questions.AnswerQuestion;
import dev.backcast.plan.questions.QuestionAnswered;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.plan.questions.QuestionRaised;
import dev.backcast.plan.questions.RaiseQuestion;
import dev.backcast.plan.steps.AddStep;
import dev.backcast.plan.steps.StepAdded;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.backcast.command.GivenPlan.BECAUSE;
import static dev.backcast.command.GivenPlan.BETA;
import static dev.backcast.command.GivenPlan.GA;
import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.TODAY;
import static dev.backcast.command.GivenPlan.TOMORROW;
import static dev.backcast.command.GivenPlan.UNKNOWN;
import static dev.backcast.command.GivenPlan.milestoneAdded;
import static dev.backcast.command.GivenPlan.planFixture;
import static dev.backcast.command.GivenPlan.planWithTwoMilestones;
import static dev.backcast.command.GivenPlan.refinementRejected;
import static dev.backcast.command.GivenPlan.rejected;
import static dev.backcast.command.GivenPlan.tooLong;
import static dev.backcast.command.plan.PlanAggregate.CHANGE_SET_ANSWERS;
import static dev.backcast.command.plan.PlanAggregate.CHANGE_SET_ID;
import static dev.backcast.command.plan.PlanAggregate.CHANGE_SET_MESSAGE;
import static dev.backcast.command.plan.PlanRejection.Kind.INVALID_INPUT;
import static dev.backcast.command.plan.PlanRejection.Kind.RULE_VIOLATED;
import static dev.backcast.command.plan.PlanRejection.Kind.UNKNOWN_REFERENCE;
import static dev.backcast.command.plan.PlanRejection.Kind.UNKNOWN_TARGET;
import static dev.backcast.command.plan.PlanRejection.Kind.WRONG_STATUS;
import static org.hamcrest.Matchers.containsString;

/**
 * Refinements: several changes recorded atomically as one change set. Each change is decided against the plan as the
 * changes before it left it; one refused change refuses the whole refinement.
 */
class RefinementCommandsTest {

    private static final UUID CHANGE_SET = UUID.fromString("00000000-0000-0000-0000-0000000cc001");
    private static final UUID QA = UUID.fromString("00000000-0000-0000-0000-00000000b005");
    private static final UUID TEST_PLAN = UUID.fromString("00000000-0000-0000-0000-00000000e005");
    private static final UUID OPEN_QUESTION = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    private static final UUID ANSWERED_QUESTION = UUID.fromString("00000000-0000-0000-0000-00000000f002");
    private static final UUID NEW_QUESTION = UUID.fromString("00000000-0000-0000-0000-00000000f003");
    private static final String MESSAGE = "After the design review";

    private final FixtureConfiguration<PlanAggregate> fixture = planFixture();

    private static RefinePlan refine(List<UUID> answers, PlanChange... changes) {
        return new RefinePlan(PLAN_ID, null, CHANGE_SET, MESSAGE, answers, List.of(changes));
    }

    private static RefinePlan refine(PlanChange... changes) {
        return refine(List.of(), changes);
    }

    /** The event as recorded by this refinement: with the change set's id, message and answered questions. */
    private static EventMessage<?> inChangeSet(Object event, UUID... answers) {
        List<String> ids = Stream.of(answers).map(UUID::toString).toList();
        return GenericEventMessage.asEventMessage(event).andMetaData(MetaData.with(CHANGE_SET_ID, CHANGE_SET.toString())
                .and(CHANGE_SET_MESSAGE, MESSAGE)
                .and(CHANGE_SET_ANSWERS, String.join(",", ids)));
    }

    private static AddMilestone addQa(List<UUID> predecessors) {
        return new AddMilestone(QA, "QA sign-off", null, null, 5, predecessors, null, null, null);
    }

    private static ReviseMilestone gaAfter(UUID... predecessors) {
        return new ReviseMilestone(GA, null, null, null, null, List.of(predecessors), null, null, BECAUSE);
    }

    /** The two milestones, an open skeptic's question and an answered FAQ: revision 6. */
    private TestExecutor<PlanAggregate> givenTwoQuestions() {
        List<Object> events = new ArrayList<>(planWithTwoMilestones());
        events.add(new QuestionRaised(PLAN_ID, OPEN_QUESTION, QuestionKind.SKEPTIC, "Why now?", null));
        events.add(new QuestionRaised(PLAN_ID, ANSWERED_QUESTION, QuestionKind.CUSTOMER_FAQ, "Price?", null));
        events.add(new QuestionAnswered(PLAN_ID, ANSWERED_QUESTION, "Free for now.", null));
        return fixture.given(events);
    }

    // ---- recorded together ----------------------------------------------------------------------------------

    @Test
    void allChangesAreRecordedWithTheChangeSetInTheirMetadata() {
        fixture.given(planWithTwoMilestones())
                .when(new RefinePlan(PLAN_ID, null, CHANGE_SET, "  " + MESSAGE + "  ", List.of(),
                        List.of(addQa(List.of(BETA)), gaAfter(QA))))
                .expectEvents(
                        inChangeSet(milestoneAdded(QA, "QA sign-off", 5, BETA)),
                        inChangeSet(new MilestonePredecessorsChanged(PLAN_ID, GA, List.of(QA), BECAUSE)))
                .expectResultMessagePayload(5L);
    }

    @Test
    void laterChangesMayReferToWhatEarlierChangesAdded() {
        fixture.given(planWithTwoMilestones())
                .when(refine(addQa(List.of(BETA)),
                        new AddStep(QA, TEST_PLAN, "Write the test plan", null, 2, null, null),
                        gaAfter(BETA, QA)))
                .expectEvents(
                        inChangeSet(milestoneAdded(QA, "QA sign-off", 5, BETA)),
                        inChangeSet(new StepAdded(PLAN_ID, QA, TEST_PLAN, "Write the test plan", null, 2, List.of(),
                                null)),
                        inChangeSet(new MilestonePredecessorsChanged(PLAN_ID, GA, List.of(BETA, QA), BECAUSE)))
                .expectResultMessagePayload(6L);
    }

    // ---- refused together -----------------------------------------------------------------------------------

    @Test
    void oneRefusedChangeRefusesTheWholeRefinementNamingItsIndex() {
        fixture.given(planWithTwoMilestones())
                .when(refine(addQa(List.of(BETA)), new ReachMilestone(BETA, TOMORROW, null)))
                .expectException(refinementRejected(1, "reachMilestone", RULE_VIOLATED, "on"))
                .expectExceptionMessage(containsString(
                        "Change 1 (reachMilestone) was refused, so nothing of the refinement was recorded"))
                .expectNoEvents();
    }

    @Test
    void laterChangesAreDecidedAgainstThePlanTheEarlierOnesLeft() {
        fixture.given(planWithTwoMilestones())
                .when(refine(new RemoveMilestone(GA, BECAUSE),
                        new AddStep(GA, TEST_PLAN, "Write the test plan", null, 2, null, null)))
                .expectException(refinementRejected(1, "addStep", UNKNOWN_TARGET, "milestoneId"))
                .expectNoEvents();
    }

    @Test
    void aCycleClosedByTwoChangesTogetherIsRefused() {
        // QA sign-off after GA ready, then Beta done after QA sign-off: Beta → QA → GA → Beta
        fixture.given(planWithTwoMilestones())
                .when(refine(addQa(List.of(GA)),
                        new ReviseMilestone(BETA, null, null, null, null, List.of(QA), null, null, BECAUSE)))
                .expectException(refinementRejected(1, "reviseMilestone", RULE_VIOLATED, "predecessors"))
                .expectNoEvents();
    }

    @Test
    void aRefusedFirstChangeIsIndexZero() {
        fixture.given(planWithTwoMilestones())
                .when(refine(new AddMilestone(QA, "QA sign-off", null, null, 5, List.of(UNKNOWN), null, null, null),
                        gaAfter(QA)))
                .expectException(refinementRejected(0, "addMilestone", UNKNOWN_REFERENCE, "predecessors"))
                .expectNoEvents();
    }

    static Stream<Arguments> changesThatStandOnTheirOwn() {
        return Stream.of(
                Arguments.of(new ApprovePlan(null), "approve"),
                Arguments.of(new CaptureBaseline("Review", null), "captureBaseline"),
                Arguments.of(new AchieveGoal(TODAY, null), "achieve"),
                Arguments.of(new AbandonPlan(BECAUSE), "abandon"));
    }

    @ParameterizedTest
    @MethodSource("changesThatStandOnTheirOwn")
    void lifecycleDecisionsAndBaselinesCannotBePartOfARefinement(PlanChange change, String op) {
        fixture.given(planWithTwoMilestones())
                .when(refine(addQa(List.of(BETA)), change))
                .expectException(refinementRejected(1, op, INVALID_INPUT, "op"))
                .expectNoEvents();
    }

    @Test
    void aClosedPlanAcceptsNoRefinement() {
        fixture.given(planWithTwoMilestones().toArray())
                .andGiven(new PlanAbandoned(PLAN_ID, BECAUSE))
                .when(refine(addQa(List.of(BETA))))
                .expectException(refinementRejected(0, "addMilestone", WRONG_STATUS, null))
                .expectNoEvents();
    }

    // ---- the refinement itself ------------------------------------------------------------------------------

    @Test
    void aRefinementNeedsAMessage() {
        fixture.given(planWithTwoMilestones())
                .when(new RefinePlan(PLAN_ID, null, CHANGE_SET, " ", null, List.of(addQa(List.of(BETA)))))
                .expectException(rejected(INVALID_INPUT, "message"))
                .expectNoEvents();
        fixture.given(planWithTwoMilestones())
                .when(new RefinePlan(PLAN_ID, null, CHANGE_SET, tooLong(10_000), null, List.of(addQa(List.of(BETA)))))
                .expectException(rejected(INVALID_INPUT, "message"));
    }

    @Test
    void aRefinementNeedsAChange() {
        fixture.given(planWithTwoMilestones())
                .when(new RefinePlan(PLAN_ID, null, CHANGE_SET, MESSAGE, null, null))
                .expectException(rejected(INVALID_INPUT, "changes"));
    }

    @Test
    void aRefinementNeedsAChangeSetId() {
        fixture.given(planWithTwoMilestones())
                .when(new RefinePlan(PLAN_ID, null, null, MESSAGE, null, List.of(addQa(List.of(BETA)))))
                .expectException(rejected(INVALID_INPUT, "changeSetId"));
    }

    // ---- answers --------------------------------------------------------------------------------------------

    @Test
    void theRefinementAnswersTheOpenQuestionsItNamesWithItsMessage() {
        givenTwoQuestions()
                .when(refine(List.of(OPEN_QUESTION, ANSWERED_QUESTION), addQa(List.of(BETA))))
                .expectEvents(
                        inChangeSet(milestoneAdded(QA, "QA sign-off", 5, BETA), OPEN_QUESTION, ANSWERED_QUESTION),
                        inChangeSet(new QuestionAnswered(PLAN_ID, OPEN_QUESTION, MESSAGE, null), OPEN_QUESTION,
                                ANSWERED_QUESTION))
                .expectResultMessagePayload(8L);
    }

    @Test
    void aQuestionAnsweredByAChangeOfTheRefinementIsNotAnsweredTwice() {
        givenTwoQuestions()
                .when(refine(List.of(OPEN_QUESTION), new AnswerQuestion(OPEN_QUESTION, "Audits demand it.", null)))
                .expectEvents(inChangeSet(new QuestionAnswered(PLAN_ID, OPEN_QUESTION, "Audits demand it.", null),
                        OPEN_QUESTION));
    }

    @Test
    void aQuestionRaisedByTheRefinementCanBeAnsweredByIt() {
        givenTwoQuestions()
                .when(refine(List.of(NEW_QUESTION),
                        new RaiseQuestion(NEW_QUESTION, QuestionKind.INTERNAL_FAQ, "Who owns QA?", null)))
                .expectEvents(
                        inChangeSet(new QuestionRaised(PLAN_ID, NEW_QUESTION, QuestionKind.INTERNAL_FAQ,
                                "Who owns QA?", null), NEW_QUESTION),
                        inChangeSet(new QuestionAnswered(PLAN_ID, NEW_QUESTION, MESSAGE, null), NEW_QUESTION));
    }

    @Test
    void answeredQuestionsMustExist() {
        givenTwoQuestions()
                .when(refine(List.of(OPEN_QUESTION, UNKNOWN), addQa(List.of(BETA))))
                .expectException(rejected(UNKNOWN_REFERENCE, "answers"))
                .expectNoEvents();
    }

    @Test
    void answeredQuestionsMustNotRepeat() {
        givenTwoQuestions()
                .when(refine(List.of(OPEN_QUESTION, OPEN_QUESTION), addQa(List.of(BETA))))
                .expectException(rejected(INVALID_INPUT, "answers"));
    }
}
