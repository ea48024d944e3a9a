package dev.backcast.plan.questions;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** A question was raised. */
public record QuestionRaised(UUID planId, UUID questionId, QuestionKind kind, String text, Reason reason) implements PlanEvent {
}
