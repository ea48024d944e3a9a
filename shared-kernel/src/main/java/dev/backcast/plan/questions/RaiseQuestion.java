package dev.backcast.plan.questions;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** Raise a customer FAQ, an internal FAQ or a skeptic's question. */
public record RaiseQuestion(UUID questionId, QuestionKind kind, String text, Reason reason) implements PlanChange {
}
