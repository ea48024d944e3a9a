package dev.backcast.query.plans;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.metrics.Measurement;
import dev.backcast.plan.metrics.SuccessMetric;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.plan.risks.Risk;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.MilestoneSchedule;
import dev.backcast.plan.scheduling.Schedule;
import dev.backcast.plan.scheduling.StepSchedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Turns a plan state into the reverse plan people read, scheduled as of a day. */
public final class PlanDocuments {

    private PlanDocuments() {
    }

    /** Who changed the plan last and when, and who created it. */
    public record Provenance(Instant createdAt, String createdBy, Instant lastChangedAt, String lastChangedBy) {
    }

    /**
     * When the goal is expected: the forecast while the plan runs, the day it was achieved once it was, nothing for an
     * abandoned plan; late by how many of the plan's calendar days against the target.
     */
    public record GoalOutlook(LocalDate forecastGoalDate, Integer goalSlackDays, int lateByDays) {

        /** The outlook as of {@code day}: the plan scheduled forward from that day. */
        public static GoalOutlook asOf(PlanState plan, LocalDate day) {
            return of(plan, BackwardScheduler.schedule(plan, day));
        }

        public static GoalOutlook of(PlanState plan, Schedule schedule) {
            LocalDate expected = switch (plan.status()) {
                case ACHIEVED -> plan.achievedOn();
                case ABANDONED -> null;
                default -> schedule.forecastGoalDate();
            };
            Integer slack = expected == null ? null : plan.calendar().daysBetween(expected, plan.targetDate());
            return new GoalOutlook(expected, slack, slack == null ? 0 : Math.max(0, -slack));
        }
    }

    public static PlanDocument of(PlanState plan, LocalDate asOf, Provenance provenance) {
        Schedule schedule = BackwardScheduler.schedule(plan, asOf);
        GoalOutlook outlook = GoalOutlook.of(plan, schedule);
        var goal = plan.goal();
        return new PlanDocument(plan.planId(), plan.revision(), plan.title(), plan.portfolio(), plan.status(),
                plan.calendar().kind(), List.copyOf(plan.calendar().holidays()),
                new PlanDocument.Goal(goal.headline(), goal.subheading(), goal.customerProblem(), goal.solution(),
                        goal.customerQuote(), goal.leaderQuote(), goal.callToAction(), goal.targetDate()),
                plan.targetDate(), schedule.mustStartBy(), outlook.forecastGoalDate(), outlook.goalSlackDays(),
                outlook.lateByDays(), schedule.criticalPath(), plan.achievedOn(),
                plan.metrics().values().stream().map(PlanDocuments::metric).toList(),
                schedule.milestones().values().stream()
                        .map(scheduled -> milestone(plan.milestones().get(scheduled.milestoneId()), scheduled)).toList(),
                plan.questions().values().stream().filter(q -> !q.answered()).sorted(SKEPTICS_FIRST)
                        .map(PlanDocuments::question).toList(),
                plan.questions().values().stream().filter(q -> q.answered()).sorted(SKEPTICS_FIRST)
                        .map(PlanDocuments::question).toList(),
                plan.risks().values().stream().sorted(Comparator.comparingInt(Risk::exposure).reversed())
                        .map(PlanDocuments::risk).toList(),
                List.copyOf(plan.baselines().values()),
                asOf, provenance.createdAt(), provenance.createdBy(), provenance.lastChangedAt(),
                provenance.lastChangedBy(), plan.isBranch() ? new PlanDocument.Branch(plan.branch().originPlanId(),
                        plan.branch().fromRevision(), plan.branch().name(), plan.branch().status()) : null);
    }

    private static final Comparator<dev.backcast.plan.questions.Question> SKEPTICS_FIRST =
            Comparator.comparing(q -> q.kind() == QuestionKind.SKEPTIC ? 0 : 1);

    private static PlanDocument.Metric metric(SuccessMetric metric) {
        Measurement latest = metric.measurements().stream()
                .max(Comparator.comparing(Measurement::on)).orElse(null);
        return new PlanDocument.Metric(metric.id(), metric.name(), metric.unit(), metric.baselineValue(),
                metric.targetValue(), metric.direction(), metric.measuredBy(), latest, progress(metric, latest),
                metric.measurements());
    }

    /** Share of the way from baseline to target; the signs make it work whichever way the metric improves. */
    private static BigDecimal progress(SuccessMetric metric, Measurement latest) {
        if (latest == null) {
            return null;
        }
        BigDecimal distance = metric.targetValue().subtract(metric.baselineValue());
        if (distance.signum() == 0) {
            return BigDecimal.ONE;
        }
        return latest.value().subtract(metric.baselineValue()).divide(distance, 4, RoundingMode.HALF_UP);
    }

    private static PlanDocument.Milestone milestone(Milestone milestone, MilestoneSchedule scheduled) {
        return new PlanDocument.Milestone(milestone.id(), milestone.name(), milestone.definitionOfDone(),
                milestone.owner(), milestone.leadTimeDays(), scheduled.leadTimeDays(), scheduled.remainingDays(),
                milestone.predecessors(), milestone.deadline(), milestone.metrics(), scheduled.due(),
                scheduled.startBy(), scheduled.forecast(), scheduled.slackDays(), scheduled.lateByDays(),
                scheduled.critical(), milestone.status(), milestone.reachedOn(),
                scheduled.steps().values().stream().map(step -> step(milestone, step)).toList());
    }

    private static PlanDocument.Step step(Milestone milestone, StepSchedule scheduled) {
        var step = Objects.requireNonNull(milestone.steps().get(scheduled.stepId()));
        return new PlanDocument.Step(step.id(), step.description(), step.owner(), step.durationDays(),
                step.predecessors(), scheduled.due(), scheduled.startBy(), step.done(), step.doneOn());
    }

    private static PlanDocument.Question question(dev.backcast.plan.questions.Question question) {
        return new PlanDocument.Question(question.id(), question.kind(), question.text(), question.answer());
    }

    private static PlanDocument.Risk risk(Risk risk) {
        return new PlanDocument.Risk(risk.id(), risk.description(), risk.likelihood(), risk.impact(), risk.exposure(),
                risk.mitigation(), risk.status(), risk.closingNote());
    }
}
