package dev.backcast.plan.risks;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** Identify a risk to the plan. */
public record IdentifyRisk(UUID riskId, String description, Integer likelihood, Integer impact, String mitigation, Reason reason) implements PlanChange {
}
