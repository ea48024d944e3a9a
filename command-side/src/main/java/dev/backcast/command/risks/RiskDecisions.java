package dev.backcast.command.risks;

import dev.backcast.command.plan.Checks;
import dev.backcast.command.plan.Lookups;
import dev.backcast.command.plan.PlanRejection;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.risks.CloseRisk;
import dev.backcast.plan.risks.IdentifyRisk;
import dev.backcast.plan.risks.ReassessRisk;
import dev.backcast.plan.risks.Risk;
import dev.backcast.plan.risks.RiskClosed;
import dev.backcast.plan.risks.RiskIdentified;
import dev.backcast.plan.risks.RiskReassessed;
import dev.backcast.plan.risks.RiskStatus;

import java.util.List;
import java.util.Objects;

/** Decisions about the risks to the plan. */
public final class RiskDecisions {

    private RiskDecisions() {
    }

    public static List<PlanEvent> identify(PlanState plan, IdentifyRisk change) {
        Checks.validReason(change.reason());
        Lookups.unused("riskId", change.riskId(), plan.risks(), "risk");
        String description = Checks.requiredText("description", change.description(), Checks.TEXT_LIMIT).strip();
        int likelihood = rating("likelihood", change.likelihood());
        int impact = rating("impact", change.impact());
        Checks.optionalText("mitigation", change.mitigation(), Checks.TEXT_LIMIT);
        return List.of(new RiskIdentified(plan.planId(), change.riskId(), description, likelihood, impact,
                change.mitigation(), change.reason()));
    }

    public static List<PlanEvent> reassess(PlanState plan, ReassessRisk change) {
        Risk risk = Lookups.risk(plan, change.riskId());
        Checks.requiredReason(change.reason());
        String description = change.description() == null ? risk.description()
                : Checks.requiredText("description", change.description(), Checks.TEXT_LIMIT).strip();
        int likelihood = change.likelihood() == null ? risk.likelihood() : rating("likelihood", change.likelihood());
        int impact = change.impact() == null ? risk.impact() : rating("impact", change.impact());
        String mitigation = change.mitigation() == null ? risk.mitigation()
                : Checks.optionalText("mitigation", change.mitigation(), Checks.TEXT_LIMIT);
        boolean unchanged = description.equals(risk.description()) && likelihood == risk.likelihood()
                && impact == risk.impact() && Objects.equals(mitigation, risk.mitigation());
        return unchanged ? List.of() : List.of(new RiskReassessed(plan.planId(), risk.id(), description, likelihood,
                impact, mitigation, change.reason()));
    }

    public static List<PlanEvent> close(PlanState plan, CloseRisk change) {
        Risk risk = Lookups.risk(plan, change.riskId());
        Checks.validReason(change.reason());
        RiskStatus outcome = Checks.required("outcome", change.outcome());
        if (outcome == RiskStatus.OPEN) {
            throw PlanRejection.invalid("outcome", "outcome must be MITIGATED, CLOSED or MATERIALISED");
        }
        Checks.optionalText("note", change.note(), Checks.TEXT_LIMIT);
        if (risk.status() != RiskStatus.OPEN) {
            throw PlanRejection.ruleViolated("riskId", "Risk '" + risk.description() + "' is already closed as "
                    + risk.status());
        }
        return List.of(new RiskClosed(plan.planId(), risk.id(), outcome, change.note(), change.reason()));
    }

    private static int rating(String field, Integer value) {
        return Checks.range(field, Checks.required(field, value), 1, 5);
    }
}
