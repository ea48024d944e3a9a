package dev.backcast.plan.risks;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** Reassess a risk; absent fields stay as they are. */
public record ReassessRisk(UUID riskId, String description, Integer likelihood, Integer impact, String mitigation, Reason reason) implements PlanChange {
}
