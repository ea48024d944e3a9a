package dev.backcast.plan.risks;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** A risk was reassessed; carries its complete new assessment. */
public record RiskReassessed(UUID planId, UUID riskId, String description, int likelihood, int impact, String mitigation, Reason reason) implements PlanEvent {
}
