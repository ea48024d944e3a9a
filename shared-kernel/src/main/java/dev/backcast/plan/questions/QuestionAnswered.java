package dev.backcast.plan.questions;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** A question was answered. */
public record QuestionAnswered(UUID planId, UUID questionId, String answer, Reason reason) implements PlanEvent {
}
