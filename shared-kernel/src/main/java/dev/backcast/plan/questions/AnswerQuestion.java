package dev.backcast.plan.questions;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** Answer a question, or replace its answer. */
public record AnswerQuestion(UUID questionId, String answer, Reason reason) implements PlanChange {
}
