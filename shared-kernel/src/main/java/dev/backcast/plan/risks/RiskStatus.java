package dev.backcast.plan.risks;

/** Where a risk stands; every status but OPEN closes it. */
public enum RiskStatus {
    OPEN, MITIGATED, CLOSED, MATERIALISED
}
