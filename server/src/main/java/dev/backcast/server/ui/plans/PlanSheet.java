package dev.backcast.server.ui.plans;

import dev.backcast.plan.PlanStatus;
import dev.backcast.plan.branches.BranchStatus;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.plan.risks.RiskStatus;
import dev.backcast.query.plans.PlanDocument;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A plan laid out as its PR/FAQ document: names to show for the ids a milestone refers to, the questions by kind with
 * open ones first, and the risks by exposure, open ones before those already dealt with.
 */
public record PlanSheet(PlanDocument plan, Map<UUID, String> milestoneNames, Map<UUID, String> metricNames,
                        List<PlanDocument.Question> customerFaq, List<PlanDocument.Question> internalFaq,
                        List<PlanDocument.Question> skeptics, List<PlanDocument.Risk> risks, boolean changeable) {

    public static PlanSheet of(PlanDocument plan) {
        Map<UUID, String> milestoneNames = new LinkedHashMap<>();
        plan.milestones().forEach(milestone -> milestoneNames.put(milestone.milestoneId(), milestone.name()));
        Map<UUID, String> metricNames = new LinkedHashMap<>();
        plan.metrics().forEach(metric -> metricNames.put(metric.metricId(), metric.name()));
        List<PlanDocument.Risk> risks = plan.risks().stream()
                .sorted(Comparator.comparing((PlanDocument.Risk risk) -> risk.status() != RiskStatus.OPEN)
                        .thenComparing(Comparator.comparingInt(PlanDocument.Risk::exposure).reversed()))
                .toList();
        return new PlanSheet(plan, milestoneNames, metricNames, questions(plan, QuestionKind.CUSTOMER_FAQ),
                questions(plan, QuestionKind.INTERNAL_FAQ), questions(plan, QuestionKind.SKEPTIC), risks,
                (plan.status() == PlanStatus.DRAFT || plan.status() == PlanStatus.ACTIVE)
                        && (plan.branch() == null || plan.branch().status() == BranchStatus.OPEN));
    }

    private static List<PlanDocument.Question> questions(PlanDocument plan, QuestionKind kind) {
        return Stream.concat(plan.openQuestions().stream(), plan.answeredQuestions().stream())
                .filter(question -> question.kind() == kind)
                .toList();
    }

    /** The milestones a milestone may wait for: every other one. */
    public List<PlanDocument.Milestone> otherMilestones(UUID milestoneId) {
        return plan.milestones().stream().filter(milestone -> !milestone.milestoneId().equals(milestoneId)).toList();
    }

    public String milestoneName(UUID milestoneId) {
        return milestoneNames.getOrDefault(milestoneId, "a removed milestone");
    }
}
