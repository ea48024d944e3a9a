package dev.backcast.plan.risks;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** A risk was closed with the given outcome. */
public record RiskClosed(UUID planId, UUID riskId, RiskStatus outcome, String note, Reason reason) implements PlanEvent {
}
