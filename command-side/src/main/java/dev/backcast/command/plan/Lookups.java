package dev.backcast.command.plan;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.metrics.SuccessMetric;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.questions.Question;
import dev.backcast.plan.risks.Risk;
import dev.backcast.plan.steps.ActionStep;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Finds the element a change is about (404 when missing) or checks the ones it refers to (422 when missing). */
public final class Lookups {

    private Lookups() {
    }

    public static Milestone milestone(PlanState plan, UUID id) {
        return target(plan.milestones(), "milestoneId", "milestone", id);
    }

    public static ActionStep step(Milestone milestone, UUID id) {
        return target(milestone.steps(), "stepId", "step under milestone '" + milestone.name() + "'", id);
    }

    public static SuccessMetric metric(PlanState plan, UUID id) {
        return target(plan.metrics(), "metricId", "success metric", id);
    }

    public static Question question(PlanState plan, UUID id) {
        return target(plan.questions(), "questionId", "question", id);
    }

    public static Risk risk(PlanState plan, UUID id) {
        return target(plan.risks(), "riskId", "risk", id);
    }

    /** Rejects references to elements that do not exist, naming the first one. */
    public static void references(String field, Collection<UUID> ids, Map<UUID, ?> existing, String kind) {
        if (ids == null) {
            return;
        }
        for (UUID id : ids) {
            if (!existing.containsKey(id)) {
                throw new PlanRejection(PlanRejection.Kind.UNKNOWN_REFERENCE, field,
                        field + " names " + kind + " " + id + ", which this plan does not have");
            }
        }
    }

    /** Rejects a new element whose id is already taken. */
    public static void unused(String field, UUID id, Map<UUID, ?> existing, String kind) {
        Checks.required(field, id);
        if (existing.containsKey(id)) {
            throw PlanRejection.ruleViolated(field, "The plan already has a " + kind + " with id " + id
                    + "; leave " + field + " out to get a new one");
        }
    }

    private static <T> T target(Map<UUID, T> elements, String field, String kind, UUID id) {
        Checks.required(field, id);
        T element = elements.get(id);
        if (element == null) {
            throw new PlanRejection(PlanRejection.Kind.UNKNOWN_TARGET, field,
                    "This plan has no " + kind + " with id " + id);
        }
        return element;
    }
}
