package dev.backcast.command.refinements;

import dev.backcast.command.plan.Checks;
import dev.backcast.command.plan.Lookups;
import dev.backcast.command.plan.PlanDecisions;
import dev.backcast.command.plan.PlanRejection;
import dev.backcast.command.plan.RefinementRejected;
import dev.backcast.plan.PlanChange;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.RefinePlan;
import dev.backcast.plan.questions.QuestionAnswered;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decides a refinement: each change is decided against the plan as the changes before it left it, so later changes
 * can build on earlier ones; if any is refused, the whole refinement is.
 */
public final class RefinementDecisions {

    private RefinementDecisions() {
    }

    public static List<PlanEvent> decide(PlanState plan, RefinePlan refinement, LocalDate today) {
        Checks.required("changeSetId", refinement.changeSetId());
        Checks.requiredText("message", refinement.message(), Checks.TEXT_LIMIT);
        if (refinement.changes().isEmpty()) {
            throw PlanRejection.invalid("changes", "A refinement needs at least one change");
        }
        Checks.distinct("answers", refinement.answers());
        List<PlanEvent> events = new ArrayList<>();
        PlanState refined = plan;
        for (int index = 0; index < refinement.changes().size(); index++) {
            PlanChange change = refinement.changes().get(index);
            try {
                if (change != null && !change.refinable()) {
                    throw PlanRejection.invalid("op", "This operation stands on its own and cannot be part of a "
                            + "refinement; send it to its own endpoint");
                }
                for (PlanEvent event : PlanDecisions.decide(refined, change, today)) {
                    events.add(event);
                    refined = refined.evolve(event);
                }
            } catch (PlanRejection rejection) {
                throw new RefinementRejected(index, change == null ? "missing" : change.op(), rejection);
            }
        }
        Lookups.references("answers", refinement.answers(), refined.questions(), "question");
        for (UUID questionId : refinement.answers()) {
            if (!refined.questions().get(questionId).answered()) {
                events.add(new QuestionAnswered(plan.planId(), questionId, refinement.message().strip(), null));
            }
        }
        return events;
    }
}
