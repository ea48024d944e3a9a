package dev.backcast.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.branches.Branch;
import dev.backcast.plan.branches.BranchDiscarded;
import dev.backcast.plan.branches.BranchMerged;
import dev.backcast.plan.branches.BranchStatus;
import dev.backcast.plan.branches.PlanBranched;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Everything a plan holds at one revision. {@link #evolve} is the one fold of the system: the aggregate, the read
 * models and time travel all rebuild a plan with it, so they cannot disagree about what an event means.
 *
 * @param branch what makes the plan a what-if branch of another; null for a plan of record
 */
public record PlanState(UUID planId, long revision, String title, String portfolio, SchedulingCalendar calendar,
                        Goal goal, PlanStatus status, Map<UUID, SuccessMetric> metrics,
                        Map<UUID, Milestone> milestones, Map<UUID, Question> questions, Map<UUID, Risk> risks,
                        Map<String, Baseline> baselines, LocalDate achievedOn, Branch branch) {

    public PlanState {
        metrics = FrozenMap.copyOf(metrics);
        milestones = FrozenMap.copyOf(milestones);
        questions = FrozenMap.copyOf(questions);
        risks = FrozenMap.copyOf(risks);
        baselines = FrozenMap.copyOf(baselines);
    }

    /** The state before the first event: nothing exists yet. */
    public static PlanState initial() {
        return new PlanState(null, 0, null, null, SchedulingCalendar.of(CalendarKind.CALENDAR_DAYS, List.of()),
                null, null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, null);
    }

    /** Replays a history from the start. */
    public static PlanState replay(Iterable<? extends PlanEvent> events) {
        Fold fold = new Fold(initial());
        for (PlanEvent event : events) {
            fold.apply(event);
        }
        return fold.state();
    }

    public boolean exists() {
        return planId != null;
    }

    /** Not a property of its own: {@link #branch} says it, and JSON would otherwise hold "branch" twice. */
    @JsonIgnore
    public boolean isBranch() {
        return branch != null;
    }

    /** A merged or discarded what-if branch: read-only, its last event closed it. */
    @JsonIgnore
    public boolean isClosedBranch() {
        return branch != null && branch.status() != BranchStatus.OPEN;
    }

    /** The same plan under the identity of {@code other}: how a branch and its plan of record are compared. */
    public PlanState under(PlanState other) {
        return new PlanState(other.planId, revision, title, portfolio, calendar, goal, status, metrics, milestones,
                questions, risks, baselines, achievedOn, other.branch);
    }

    public LocalDate targetDate() {
        return goal == null ? null : goal.targetDate();
    }

    /** The state after the event, one revision later. */
    public PlanState evolve(PlanEvent event) {
        return new Fold(this).apply(event).state();
    }

    /**
     * Applies events one after another. Each part of the plan (metrics, milestones, questions, risks, baselines) is
     * copied at most once however many events change it, so a history of any length folds in time proportional to
     * its length. This is where every event's meaning is defined.
     */
    public static final class Fold {

        private UUID planId;
        private long revision;
        private String title;
        private String portfolio;
        private SchedulingCalendar calendar;
        private Goal goal;
        private PlanStatus status;
        private LocalDate achievedOn;
        private Branch branch;
        private final Part<UUID, SuccessMetric> metrics;
        private final Part<UUID, Milestone> milestones;
        private final Part<UUID, Question> questions;
        private final Part<UUID, Risk> risks;
        private final Part<String, Baseline> baselines;

        public Fold(PlanState start) {
            planId = start.planId();
            revision = start.revision();
            title = start.title();
            portfolio = start.portfolio();
            calendar = start.calendar();
            goal = start.goal();
            status = start.status();
            achievedOn = start.achievedOn();
            branch = start.branch();
            metrics = new Part<>(start.metrics());
            milestones = new Part<>(start.milestones());
            questions = new Part<>(start.questions());
            risks = new Part<>(start.risks());
            baselines = new Part<>(start.baselines());
        }

        public long revision() {
            return revision;
        }

        public PlanState state() {
            return new PlanState(planId, revision, title, portfolio, calendar, goal, status, metrics.freeze(),
                    milestones.freeze(), questions.freeze(), risks.freeze(), baselines.freeze(), achievedOn, branch);
        }

        public Fold apply(PlanEvent event) {
            applyMeaning(event);
            revision++;
            return this;
        }

        private void applyMeaning(PlanEvent event) {
            if (event instanceof PlanCreated e) {
                planId = e.planId();
                title = e.title();
                portfolio = e.portfolio();
                calendar = SchedulingCalendar.of(e.calendar(), e.holidays());
                goal = e.goal();
                status = PlanStatus.DRAFT;
            } else if (event instanceof PlanBranched e) {
                startFrom(e.origin());
                planId = e.planId();
                branch = new Branch(e.originPlanId(), e.fromRevision(), e.name(), BranchStatus.OPEN);
            } else if (event instanceof BranchDiscarded) {
                branch = branch.withStatus(BranchStatus.DISCARDED);
            } else if (event instanceof BranchMerged) {
                branch = branch.withStatus(BranchStatus.MERGED);
            } else if (event instanceof PlanDetailsChanged e) {
                title = e.title();
                portfolio = e.portfolio();
                calendar = SchedulingCalendar.of(e.calendar(), e.holidays());
            } else if (event instanceof GoalRedefined e) {
                goal = new Goal(e.headline(), e.subheading(), e.customerProblem(), e.solution(), e.customerQuote(),
                        e.leaderQuote(), e.callToAction(), goal.targetDate());
            } else if (event instanceof TargetDateMoved e) {
                goal = goal.withTargetDate(e.targetDate());
            } else if (event instanceof MetricDefined e) {
                metrics.edit().put(e.metricId(), new SuccessMetric(e.metricId(), e.name(), e.unit(),
                        e.baselineValue(), e.targetValue(), e.direction(), e.measuredBy(), List.of()));
            } else if (event instanceof MetricRevised e) {
                SuccessMetric metric = metrics.get(e.metricId());
                metrics.edit().put(e.metricId(), new SuccessMetric(e.metricId(), e.name(), e.unit(),
                        e.baselineValue(), e.targetValue(), e.direction(), e.measuredBy(), metric.measurements()));
            } else if (event instanceof MetricDropped e) {
                metrics.edit().remove(e.metricId());
            } else if (event instanceof MetricMeasured e) {
                SuccessMetric m = metrics.get(e.metricId());
                List<Measurement> measurements = new ArrayList<>(m.measurements());
                measurements.add(new Measurement(e.value(), e.on()));
                metrics.edit().put(e.metricId(), new SuccessMetric(m.id(), m.name(), m.unit(), m.baselineValue(),
                        m.targetValue(), m.direction(), m.measuredBy(), measurements));
            } else if (event instanceof MilestoneAdded e) {
                milestones.edit().put(e.milestoneId(), new Milestone(e.milestoneId(), e.name(), e.definitionOfDone(),
                        e.owner(), e.leadTimeDays(), e.predecessors(), e.deadline(), e.metrics(), null, Map.of()));
            } else if (event instanceof MilestoneRevised e) {
                changeMilestone(e.milestoneId(), m -> new Milestone(m.id(), e.name(), e.definitionOfDone(), e.owner(),
                        m.leadTimeDays(), m.predecessors(), m.deadline(), e.metrics(), m.reachedOn(), m.steps()));
            } else if (event instanceof MilestoneLeadTimeReestimated e) {
                changeMilestone(e.milestoneId(), m -> new Milestone(m.id(), m.name(), m.definitionOfDone(), m.owner(),
                        e.leadTimeDays(), m.predecessors(), m.deadline(), m.metrics(), m.reachedOn(), m.steps()));
            } else if (event instanceof MilestoneDeadlineChanged e) {
                changeMilestone(e.milestoneId(), m -> new Milestone(m.id(), m.name(), m.definitionOfDone(), m.owner(),
                        m.leadTimeDays(), m.predecessors(), e.deadline(), m.metrics(), m.reachedOn(), m.steps()));
            } else if (event instanceof MilestonePredecessorsChanged e) {
                changeMilestone(e.milestoneId(), m -> new Milestone(m.id(), m.name(), m.definitionOfDone(), m.owner(),
                        m.leadTimeDays(), e.predecessors(), m.deadline(), m.metrics(), m.reachedOn(), m.steps()));
            } else if (event instanceof MilestoneRemoved e) {
                milestones.edit().remove(e.milestoneId());
            } else if (event instanceof MilestoneReached e) {
                changeMilestone(e.milestoneId(), m -> reachedOn(m, e.on()));
            } else if (event instanceof MilestoneReachRetracted e) {
                changeMilestone(e.milestoneId(), m -> reachedOn(m, null));
            } else if (event instanceof StepAdded e) {
                changeStep(e.milestoneId(), e.stepId(), s -> new ActionStep(e.stepId(), e.description(), e.owner(),
                        e.durationDays(), e.predecessors(), null));
            } else if (event instanceof StepRevised e) {
                changeStep(e.milestoneId(), e.stepId(), s -> new ActionStep(s.id(), e.description(), e.owner(),
                        e.durationDays(), e.predecessors(), s.doneOn()));
            } else if (event instanceof StepRemoved e) {
                changeStep(e.milestoneId(), e.stepId(), s -> null);
            } else if (event instanceof StepMarkedDone e) {
                changeStep(e.milestoneId(), e.stepId(), s -> new ActionStep(s.id(), s.description(), s.owner(),
                        s.durationDays(), s.predecessors(), e.on()));
            } else if (event instanceof StepReopened e) {
                changeStep(e.milestoneId(), e.stepId(), s -> new ActionStep(s.id(), s.description(), s.owner(),
                        s.durationDays(), s.predecessors(), null));
            } else if (event instanceof QuestionRaised e) {
                questions.edit().put(e.questionId(), new Question(e.questionId(), e.kind(), e.text(), null));
            } else if (event instanceof QuestionAnswered e) {
                Question q = questions.get(e.questionId());
                questions.edit().put(e.questionId(), new Question(q.id(), q.kind(), q.text(), e.answer()));
            } else if (event instanceof RiskIdentified e) {
                risks.edit().put(e.riskId(), new Risk(e.riskId(), e.description(), e.likelihood(), e.impact(),
                        e.mitigation(), RiskStatus.OPEN, null));
            } else if (event instanceof RiskReassessed e) {
                Risk r = risks.get(e.riskId());
                risks.edit().put(e.riskId(), new Risk(r.id(), e.description(), e.likelihood(), e.impact(),
                        e.mitigation(), r.status(), r.closingNote()));
            } else if (event instanceof RiskClosed e) {
                Risk r = risks.get(e.riskId());
                risks.edit().put(e.riskId(), new Risk(r.id(), r.description(), r.likelihood(), r.impact(),
                        r.mitigation(), e.outcome(), e.note()));
            } else if (event instanceof BaselineCaptured e) {
                baselines.edit().put(e.name(), new Baseline(e.name(), e.targetDate(), e.dueDates()));
            } else if (event instanceof PlanApproved) {
                status = PlanStatus.ACTIVE;
            } else if (event instanceof GoalAchieved e) {
                status = PlanStatus.ACHIEVED;
                achievedOn = e.on();
            } else if (event instanceof PlanAbandoned) {
                status = PlanStatus.ABANDONED;
            } else {
                throw new IllegalArgumentException("No meaning is defined for " + event.getClass().getName());
            }
        }

        /** Everything but the identity and the revision, as {@code origin} holds it. */
        private void startFrom(PlanState origin) {
            title = origin.title();
            portfolio = origin.portfolio();
            calendar = origin.calendar();
            goal = origin.goal();
            status = origin.status();
            achievedOn = origin.achievedOn();
            metrics.replace(origin.metrics());
            milestones.replace(origin.milestones());
            questions.replace(origin.questions());
            risks.replace(origin.risks());
            baselines.replace(origin.baselines());
        }

        private void changeMilestone(UUID milestoneId, UnaryOperator<Milestone> change) {
            milestones.edit().put(milestoneId, change.apply(milestones.get(milestoneId)));
        }

        /** Replaces one step of a milestone; a change that yields null removes the step. */
        private void changeStep(UUID milestoneId, UUID stepId, UnaryOperator<ActionStep> change) {
            changeMilestone(milestoneId, m -> {
                ActionStep changed = change.apply(m.steps().get(stepId));
                Map<UUID, ActionStep> steps = new LinkedHashMap<>(m.steps());
                if (changed == null) {
                    steps.remove(stepId);
                } else {
                    steps.put(stepId, changed);
                }
                return new Milestone(m.id(), m.name(), m.definitionOfDone(), m.owner(), m.leadTimeDays(),
                        m.predecessors(), m.deadline(), m.metrics(), m.reachedOn(), steps);
            });
        }

        private static Milestone reachedOn(Milestone m, LocalDate on) {
            return new Milestone(m.id(), m.name(), m.definitionOfDone(), m.owner(), m.leadTimeDays(),
                    m.predecessors(), m.deadline(), m.metrics(), on, m.steps());
        }
    }

    /** One part of the plan, copied on its first change and handed out without copying. */
    private static final class Part<K, V> {
        private Map<K, V> current;
        private boolean owned;

        private Part(Map<K, V> frozen) {
            this.current = frozen;
        }

        V get(K key) {
            return current.get(key);
        }

        void replace(Map<K, V> frozen) {
            current = frozen;
            owned = false;
        }

        LinkedHashMap<K, V> edit() {
            if (!owned) {
                current = new LinkedHashMap<>(current);
                owned = true;
            }
            return (LinkedHashMap<K, V>) current;
        }

        Map<K, V> freeze() {
            if (owned) {
                current = FrozenMap.adopt((LinkedHashMap<K, V>) current);
                owned = false;
            }
            return current;
        }
    }
}
