package dev.backcast.plan.risks;

import java.util.UUID;

/** A threat to the plan, rated by likelihood and impact (1–5 each). */
public record Risk(UUID id, String description, int likelihood, int impact, String mitigation, RiskStatus status,
                   String closingNote) {

    public int exposure() {
        return likelihood * impact;
    }
}
