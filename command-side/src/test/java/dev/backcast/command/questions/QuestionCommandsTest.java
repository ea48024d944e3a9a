package dev.backcast.command.questions;

import dev.backcast.command.plan.PlanAggregate;
import dev.backcast.plan.questions.AnswerQuestion;
import dev.backcast.plan.questions.QuestionAnswered;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.plan.questions.QuestionRaised;
import dev.backcast.plan.questions.RaiseQuestion;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static dev.backcast.command.GivenPlan.BECAUSE;
import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.UNKNOWN;
import static dev.backcast.command.GivenPlan.change;
import static dev.backcast.command.GivenPlan.planCreated;
import static dev.backcast.command.GivenPlan.planFixture;
import static dev.backcast.command.GivenPlan.rejected;
import static dev.backcast.command.GivenPlan.tooLong;
import static dev.backcast.command.plan.PlanRejection.Kind.INVALID_INPUT;
import static dev.backcast.command.plan.PlanRejection.Kind.RULE_VIOLATED;
import static dev.backcast.command.plan.PlanRejection.Kind.UNKNOWN_TARGET;

/** The FAQ and the skeptics' questions: raising and answering them. */
class QuestionCommandsTest {

    private static final UUID QUESTION = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    private static final UUID ANOTHER = UUID.fromString("00000000-0000-0000-0000-00000000f002");
    private static final String WHY_NOW = "Why would a PMO switch tools now?";

    private final FixtureConfiguration<PlanAggregate> fixture = planFixture();

    private static QuestionRaised skepticAsked() {
        return new QuestionRaised(PLAN_ID, QUESTION, QuestionKind.SKEPTIC, WHY_NOW, null);
    }

    // ---- raise ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(QuestionKind.class)
    void raisingAQuestionRecordsQuestionRaised(QuestionKind kind) {
        fixture.given(planCreated())
                .when(change(new RaiseQuestion(QUESTION, kind, "  " + WHY_NOW + " ", BECAUSE)))
                .expectEvents(new QuestionRaised(PLAN_ID, QUESTION, kind, WHY_NOW, BECAUSE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aQuestionNeedsAnId() {
        fixture.given(planCreated())
                .when(change(new RaiseQuestion(null, QuestionKind.SKEPTIC, WHY_NOW, null)))
                .expectException(rejected(INVALID_INPUT, "questionId"));
    }

    @Test
    void aQuestionIdCannotBeUsedTwice() {
        fixture.given(planCreated(), skepticAsked())
                .when(change(new RaiseQuestion(QUESTION, QuestionKind.CUSTOMER_FAQ, "How much is it?", null)))
                .expectException(rejected(RULE_VIOLATED, "questionId"))
                .expectNoEvents();
    }

    @Test
    void aQuestionNeedsAKind() {
        fixture.given(planCreated())
                .when(change(new RaiseQuestion(QUESTION, null, WHY_NOW, null)))
                .expectException(rejected(INVALID_INPUT, "kind"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void aQuestionNeedsAText(String text) {
        fixture.given(planCreated())
                .when(change(new RaiseQuestion(QUESTION, QuestionKind.SKEPTIC, text, null)))
                .expectException(rejected(INVALID_INPUT, "text"));
    }

    @Test
    void aTooLongQuestionIsRejected() {
        fixture.given(planCreated())
                .when(change(new RaiseQuestion(QUESTION, QuestionKind.SKEPTIC, tooLong(10_000), null)))
                .expectException(rejected(INVALID_INPUT, "text"));
    }

    // ---- answer ---------------------------------------------------------------------------------------------

    @Test
    void answeringAQuestionRecordsQuestionAnswered() {
        fixture.given(planCreated(), skepticAsked())
                .when(change(new AnswerQuestion(QUESTION, " Because audits demand it. ", null)))
                .expectEvents(new QuestionAnswered(PLAN_ID, QUESTION, "Because audits demand it.", null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void anAnswerCanBeReplaced() {
        fixture.given(planCreated(), skepticAsked(),
                        new QuestionAnswered(PLAN_ID, QUESTION, "Because audits demand it.", null))
                .when(change(new AnswerQuestion(QUESTION, "Because slips are expensive.", BECAUSE)))
                .expectEvents(new QuestionAnswered(PLAN_ID, QUESTION, "Because slips are expensive.", BECAUSE));
    }

    @Test
    void givingTheSameAnswerAgainRecordsNothing() {
        fixture.given(planCreated(), skepticAsked(),
                        new QuestionAnswered(PLAN_ID, QUESTION, "Because audits demand it.", null))
                .when(change(new AnswerQuestion(QUESTION, "Because audits demand it.", null)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void answeringAnUnknownQuestionIsRejected() {
        fixture.given(planCreated(), skepticAsked())
                .when(change(new AnswerQuestion(ANOTHER, "Because.", null)))
                .expectException(rejected(UNKNOWN_TARGET, "questionId"));
    }

    @Test
    void anAnswerMustNotBeBlankOrTooLong() {
        fixture.given(planCreated(), skepticAsked())
                .when(change(new AnswerQuestion(QUESTION, " ", null)))
                .expectException(rejected(INVALID_INPUT, "answer"));
        fixture.given(planCreated(), skepticAsked())
                .when(change(new AnswerQuestion(QUESTION, tooLong(10_000), null)))
                .expectException(rejected(INVALID_INPUT, "answer"));
    }

    @Test
    void answeringRefusesAnUnknownIdBeforeAnythingElse() {
        fixture.given(planCreated())
                .when(change(new AnswerQuestion(UNKNOWN, null, null)))
                .expectException(rejected(UNKNOWN_TARGET, "questionId"));
    }
}
