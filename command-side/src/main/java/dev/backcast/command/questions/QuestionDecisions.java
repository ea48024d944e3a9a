package dev.backcast.command.questions;

import dev.backcast.command.plan.Checks;
import dev.backcast.command.plan.Lookups;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.questions.AnswerQuestion;
import dev.backcast.plan.questions.Question;
import dev.backcast.plan.questions.QuestionAnswered;
import dev.backcast.plan.questions.QuestionRaised;
import dev.backcast.plan.questions.RaiseQuestion;

import java.util.List;

/** Decisions about the FAQ and the skeptics' questions. */
public final class QuestionDecisions {

    private QuestionDecisions() {
    }

    public static List<PlanEvent> raise(PlanState plan, RaiseQuestion change) {
        Checks.validReason(change.reason());
        Lookups.unused("questionId", change.questionId(), plan.questions(), "question");
        Checks.required("kind", change.kind());
        String text = Checks.requiredText("text", change.text(), Checks.TEXT_LIMIT).strip();
        return List.of(new QuestionRaised(plan.planId(), change.questionId(), change.kind(), text, change.reason()));
    }

    public static List<PlanEvent> answer(PlanState plan, AnswerQuestion change) {
        Question question = Lookups.question(plan, change.questionId());
        Checks.validReason(change.reason());
        String answer = Checks.requiredText("answer", change.answer(), Checks.TEXT_LIMIT).strip();
        if (answer.equals(question.answer())) {
            return List.of();
        }
        return List.of(new QuestionAnswered(plan.planId(), question.id(), answer, change.reason()));
    }
}
