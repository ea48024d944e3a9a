package dev.backcast.plan.risks;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import java.util.UUID;

/** Close a risk as mitigated, closed or materialised. */
public record CloseRisk(UUID riskId, RiskStatus outcome, String note, Reason reason) implements PlanChange {
}
