package dev.backcast.plan;

import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.goal.GoalRedefined;
import dev.backcast.plan.goal.TargetDateMoved;
import dev.backcast.plan.metrics.Measurement;
import dev.backcast.plan.metrics.MetricDefined;
import dev.backcast.plan.metrics.MetricDropped;
import dev.backcast.plan.metrics.MetricMeasured;
import dev.backcast.plan.metrics.MetricRevised;
import dev.backcast.plan.metrics.SuccessMetric;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestoneDeadlineChanged;
import dev.backcast.plan.milestones.MilestoneLeadTimeReestimated;
import dev.backcast.plan.milestones.MilestonePredecessorsChanged;
import dev.backcast.plan.milestones.MilestoneReachRetracted;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.milestones.MilestoneRemoved;
import dev.backcast.plan.milestones.MilestoneRevised;
import dev.backcast.plan.questions.Question;
import dev.backcast.plan.questions.QuestionAnswered;
import dev.backcast.plan.questions.QuestionRaised;
import dev.backcast.plan.risks.Risk;
import dev.backcast.plan.risks.RiskClosed;
import dev.backcast.plan.risks.RiskIdentified;
import dev.backcast.plan.risks.RiskReassessed;
import dev.backcast.plan.risks.RiskStatus;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.plan.scheduling.SchedulingCalendar;
import dev.backcast.plan.steps.ActionStep;
import dev.backcast.plan.steps.StepAdded;
import dev.backcast.plan.steps.StepMarkedDone;
import dev.backcast.plan.steps.StepRemoved;
import dev.backcast.plan.steps.StepReopened;
import dev.backcast.plan.steps.StepRevised;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Everything a plan holds at one revision. {@link #evolve} is the one fold of the system: the aggregate, the read
 * models and time travel all rebuild a plan with it, so they cannot disagree about what an event means.
 */
public record PlanState(UUID planId, long revision, String title, String portfolio, SchedulingCalendar calendar,
                        Goal goal, PlanStatus status, Map<UUID, SuccessMetric> metrics,
                        Map<UUID, Milestone> milestones, Map<UUID, Question> questions, Map<UUID, Risk> risks,
                        Map<String, Baseline> baselines, LocalDate achievedOn) {

    public PlanState {
        metrics = frozen(metrics);
        milestones = frozen(milestones);
        questions = frozen(questions);
        risks = frozen(risks);
        baselines = frozen(baselines);
    }

    /** The state before the first event: nothing exists yet. */
    public static PlanState initial() {
        return new PlanState(null, 0, null, null, SchedulingCalendar.of(CalendarKind.CALENDAR_DAYS, List.of()),
                null, null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null);
    }

    /** Replays a history from the start. */
    public static PlanState replay(Iterable<? extends PlanEvent> events) {
        PlanState state = initial();
        for (PlanEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }

    public boolean exists() {
        return planId != null;
    }

    public LocalDate targetDate() {
        return goal == null ? null : goal.targetDate();
    }

    /** The state after the event, one revision later. */
    public PlanState evolve(PlanEvent event) {
        return applied(event).withRevision(revision + 1);
    }

    private PlanState applied(PlanEvent event) {
        if (event instanceof PlanCreated e) {
            return new PlanState(e.planId(), revision, e.title(), e.portfolio(),
                    SchedulingCalendar.of(e.calendar(), e.holidays()), e.goal(), PlanStatus.DRAFT, Map.of(),
                    Map.of(), Map.of(), Map.of(), Map.of(), null);
        }
        if (event instanceof PlanDetailsChanged e) {
            return new PlanState(planId, revision, e.title(), e.portfolio(),
                    SchedulingCalendar.of(e.calendar(), e.holidays()), goal, status, metrics, milestones,
                    questions, risks, baselines, achievedOn);
        }
        if (event instanceof GoalRedefined e) {
            return withGoal(new Goal(e.headline(), e.subheading(), e.customerProblem(), e.solution(),
                    e.customerQuote(), e.leaderQuote(), e.callToAction(), goal.targetDate()));
        }
        if (event instanceof TargetDateMoved e) {
            return withGoal(goal.withTargetDate(e.targetDate()));
        }
        if (event instanceof MetricDefined e) {
            return withMetrics(put(metrics, e.metricId(), new SuccessMetric(e.metricId(), e.name(), e.unit(),
                    e.baselineValue(), e.targetValue(), e.direction(), e.measuredBy(), List.of())));
        }
        if (event instanceof MetricRevised e) {
            SuccessMetric metric = metrics.get(e.metricId());
            return withMetrics(put(metrics, e.metricId(), new SuccessMetric(e.metricId(), e.name(), e.unit(),
                    e.baselineValue(), e.targetValue(), e.direction(), e.measuredBy(), metric.measurements())));
        }
        if (event instanceof MetricDropped e) {
            return withMetrics(remove(metrics, e.metricId()));
        }
        if (event instanceof MetricMeasured e) {
            SuccessMetric m = metrics.get(e.metricId());
            List<Measurement> measurements = new ArrayList<>(m.measurements());
            measurements.add(new Measurement(e.value(), e.on()));
            return withMetrics(put(metrics, e.metricId(), new SuccessMetric(m.id(), m.name(), m.unit(),
                    m.baselineValue(), m.targetValue(), m.direction(), m.measuredBy(), measurements)));
        }
        if (event instanceof MilestoneAdded e) {
            return withMilestones(put(milestones, e.milestoneId(), new Milestone(e.milestoneId(), e.name(),
                    e.definitionOfDone(), e.owner(), e.leadTimeDays(), e.predecessors(), e.deadline(), e.metrics(),
                    null, Map.of())));
        }
        if (event instanceof MilestoneRevised e) {
            return withMilestone(e.milestoneId(), m -> new Milestone(m.id(), e.name(), e.definitionOfDone(),
                    e.owner(), m.leadTimeDays(), m.predecessors(), m.deadline(), e.metrics(), m.reachedOn(),
                    m.steps()));
        }
        if (event instanceof MilestoneLeadTimeReestimated e) {
            return withMilestone(e.milestoneId(), m -> new Milestone(m.id(), m.name(), m.definitionOfDone(),
                    m.owner(), e.leadTimeDays(), m.predecessors(), m.deadline(), m.metrics(), m.reachedOn(),
                    m.steps()));
        }
        if (event instanceof MilestoneDeadlineChanged e) {
            return withMilestone(e.milestoneId(), m -> new Milestone(m.id(), m.name(), m.definitionOfDone(),
                    m.owner(), m.leadTimeDays(), m.predecessors(), e.deadline(), m.metrics(), m.reachedOn(),
                    m.steps()));
        }
        if (event instanceof MilestonePredecessorsChanged e) {
            return withMilestone(e.milestoneId(), m -> new Milestone(m.id(), m.name(), m.definitionOfDone(),
                    m.owner(), m.leadTimeDays(), e.predecessors(), m.deadline(), m.metrics(), m.reachedOn(),
                    m.steps()));
        }
        if (event instanceof MilestoneRemoved e) {
            return withMilestones(remove(milestones, e.milestoneId()));
        }
        if (event instanceof MilestoneReached e) {
            return withMilestone(e.milestoneId(), m -> reachedOn(m, e.on()));
        }
        if (event instanceof MilestoneReachRetracted e) {
            return withMilestone(e.milestoneId(), m -> reachedOn(m, null));
        }
        if (event instanceof StepAdded e) {
            return withStep(e.milestoneId(), e.stepId(), s -> new ActionStep(e.stepId(), e.description(), e.owner(),
                    e.durationDays(), e.predecessors(), null));
        }
        if (event instanceof StepRevised e) {
            return withStep(e.milestoneId(), e.stepId(), s -> new ActionStep(s.id(), e.description(), e.owner(),
                    e.durationDays(), e.predecessors(), s.doneOn()));
        }
        if (event instanceof StepRemoved e) {
            return withStep(e.milestoneId(), e.stepId(), s -> null);
        }
        if (event instanceof StepMarkedDone e) {
            return withStep(e.milestoneId(), e.stepId(), s -> new ActionStep(s.id(), s.description(), s.owner(),
                    s.durationDays(), s.predecessors(), e.on()));
        }
        if (event instanceof StepReopened e) {
            return withStep(e.milestoneId(), e.stepId(), s -> new ActionStep(s.id(), s.description(), s.owner(),
                    s.durationDays(), s.predecessors(), null));
        }
        if (event instanceof QuestionRaised e) {
            return withQuestions(put(questions, e.questionId(),
                    new Question(e.questionId(), e.kind(), e.text(), null)));
        }
        if (event instanceof QuestionAnswered e) {
            Question q = questions.get(e.questionId());
            return withQuestions(put(questions, e.questionId(), new Question(q.id(), q.kind(), q.text(), e.answer())));
        }
        if (event instanceof RiskIdentified e) {
            return withRisks(put(risks, e.riskId(), new Risk(e.riskId(), e.description(), e.likelihood(),
                    e.impact(), e.mitigation(), RiskStatus.OPEN, null)));
        }
        if (event instanceof RiskReassessed e) {
            Risk r = risks.get(e.riskId());
            return withRisks(put(risks, e.riskId(), new Risk(r.id(), e.description(), e.likelihood(), e.impact(),
                    e.mitigation(), r.status(), r.closingNote())));
        }
        if (event instanceof RiskClosed e) {
            Risk r = risks.get(e.riskId());
            return withRisks(put(risks, e.riskId(), new Risk(r.id(), r.description(), r.likelihood(), r.impact(),
                    r.mitigation(), e.outcome(), e.note())));
        }
        if (event instanceof BaselineCaptured e) {
            return new PlanState(planId, revision, title, portfolio, calendar, goal, status, metrics, milestones,
                    questions, risks, put(baselines, e.name(), new Baseline(e.name(), e.targetDate(), e.dueDates())),
                    achievedOn);
        }
        if (event instanceof PlanApproved) {
            return withStatus(PlanStatus.ACTIVE, achievedOn);
        }
        if (event instanceof GoalAchieved e) {
            return withStatus(PlanStatus.ACHIEVED, e.on());
        }
        if (event instanceof PlanAbandoned) {
            return withStatus(PlanStatus.ABANDONED, achievedOn);
        }
        throw new IllegalArgumentException("No meaning is defined for " + event.getClass().getName());
    }

    private static Milestone reachedOn(Milestone m, LocalDate on) {
        return new Milestone(m.id(), m.name(), m.definitionOfDone(), m.owner(), m.leadTimeDays(), m.predecessors(),
                m.deadline(), m.metrics(), on, m.steps());
    }

    private PlanState withRevision(long newRevision) {
        return new PlanState(planId, newRevision, title, portfolio, calendar, goal, status, metrics, milestones,
                questions, risks, baselines, achievedOn);
    }

    private PlanState withGoal(Goal newGoal) {
        return new PlanState(planId, revision, title, portfolio, calendar, newGoal, status, metrics, milestones,
                questions, risks, baselines, achievedOn);
    }

    private PlanState withStatus(PlanStatus newStatus, LocalDate newAchievedOn) {
        return new PlanState(planId, revision, title, portfolio, calendar, goal, newStatus, metrics, milestones,
                questions, risks, baselines, newAchievedOn);
    }

    private PlanState withMetrics(Map<UUID, SuccessMetric> newMetrics) {
        return new PlanState(planId, revision, title, portfolio, calendar, goal, status, newMetrics, milestones,
                questions, risks, baselines, achievedOn);
    }

    private PlanState withMilestones(Map<UUID, Milestone> newMilestones) {
        return new PlanState(planId, revision, title, portfolio, calendar, goal, status, metrics, newMilestones,
                questions, risks, baselines, achievedOn);
    }

    private PlanState withQuestions(Map<UUID, Question> newQuestions) {
        return new PlanState(planId, revision, title, portfolio, calendar, goal, status, metrics, milestones,
                newQuestions, risks, baselines, achievedOn);
    }

    private PlanState withRisks(Map<UUID, Risk> newRisks) {
        return new PlanState(planId, revision, title, portfolio, calendar, goal, status, metrics, milestones,
                questions, newRisks, baselines, achievedOn);
    }

    private PlanState withMilestone(UUID milestoneId, UnaryOperator<Milestone> change) {
        return withMilestones(put(milestones, milestoneId, change.apply(milestones.get(milestoneId))));
    }

    /** Replaces one step of a milestone; a change that yields null removes the step. */
    private PlanState withStep(UUID milestoneId, UUID stepId, UnaryOperator<ActionStep> change) {
        return withMilestone(milestoneId, m -> {
            ActionStep changed = change.apply(m.steps().get(stepId));
            Map<UUID, ActionStep> steps = changed == null ? remove(m.steps(), stepId) : put(m.steps(), stepId, changed);
            return new Milestone(m.id(), m.name(), m.definitionOfDone(), m.owner(), m.leadTimeDays(),
                    m.predecessors(), m.deadline(), m.metrics(), m.reachedOn(), steps);
        });
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static <K, V> Map<K, V> remove(Map<K, V> map, K key) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }
}
