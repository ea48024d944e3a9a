package dev.backcast.query.history;

import dev.backcast.plan.Goal;
import dev.backcast.plan.GoalAchieved;
import dev.backcast.plan.PlanAbandoned;
import dev.backcast.plan.branches.BranchDiscarded;
import dev.backcast.plan.branches.BranchMerged;
import dev.backcast.plan.branches.PlanBranched;
import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.PlanCreated;
import dev.backcast.plan.PlanDetailsChanged;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.Reason;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.goal.GoalRedefined;
import dev.backcast.plan.goal.TargetDateMoved;
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
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.plan.questions.QuestionRaised;
import dev.backcast.plan.risks.Risk;
import dev.backcast.plan.risks.RiskClosed;
import dev.backcast.plan.risks.RiskIdentified;
import dev.backcast.plan.risks.RiskReassessed;
import dev.backcast.plan.steps.ActionStep;
import dev.backcast.plan.steps.StepAdded;
import dev.backcast.plan.steps.StepMarkedDone;
import dev.backcast.plan.steps.StepRemoved;
import dev.backcast.plan.steps.StepReopened;
import dev.backcast.plan.steps.StepRevised;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One line per event for the revision history, written for an auditor: things are named by their names (never by
 * their ids), what changed is shown as {@code before → after}, and the reason follows as {@code (CATEGORY: note)}.
 */
public final class RevisionSummaries {

    /** Long enough to recognise a question or a headline, short enough to keep the history one line per event. */
    private static final int TEXT_LIMIT = 80;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final String ARROW = " → ";
    private static final String NONE = "none";

    private RevisionSummaries() {
    }

    /**
     * @param before the plan as it stood before the event; removed things are named from here
     * @param after  the plan after the event: {@code before.evolve(event)}
     * @throws IllegalArgumentException for an event type without a summary — as {@link PlanState#evolve} does for
     *                                  one without a meaning, so a new event type cannot slip into history unexplained
     */
    public static String summarize(PlanState before, PlanEvent event, PlanState after) {
        return describe(before, event, after) + reasonOf(event.reason());
    }

    private static String describe(PlanState before, PlanEvent event, PlanState after) {
        if (event instanceof PlanCreated e) {
            return "Plan created: " + quoted(e.title()) + ", target " + e.goal().targetDate();
        }
        if (event instanceof PlanDetailsChanged) {
            return "Plan details changed: " + detailChanges(before, after);
        }
        if (event instanceof GoalRedefined) {
            return "Goal redefined: " + goalChanges(before.goal(), after.goal());
        }
        if (event instanceof TargetDateMoved e) {
            return "Target date moved " + before.targetDate() + ARROW + e.targetDate();
        }
        if (event instanceof MetricDefined e) {
            return "Metric defined: " + quoted(e.name()) + ", baseline " + number(e.baselineValue())
                    + unitSuffix(e.unit()) + ", target " + number(e.targetValue()) + unitSuffix(e.unit()) + " ("
                    + lowerCase(e.direction()) + ")" + (e.measuredBy() == null ? "" : ", measured by " + e.measuredBy());
        }
        if (event instanceof MetricRevised e) {
            return "Metric " + quoted(before.metrics().get(e.metricId()).name()) + " revised: "
                    + metricChanges(before.metrics().get(e.metricId()), after.metrics().get(e.metricId()));
        }
        if (event instanceof MetricDropped e) {
            return "Metric dropped: " + quoted(before.metrics().get(e.metricId()).name());
        }
        if (event instanceof MetricMeasured e) {
            SuccessMetric metric = after.metrics().get(e.metricId());
            return shortened(metric.name()) + " measured: " + number(e.value()) + unitSuffix(metric.unit()) + " on "
                    + e.on();
        }
        if (event instanceof MilestoneAdded e) {
            return "Milestone added: " + quoted(e.name()) + " (lead time " + days(e.leadTimeDays())
                    + (e.predecessors().isEmpty() ? "" : ", after " + milestoneNames(after, e.predecessors()))
                    + (e.deadline() == null ? "" : ", deadline " + e.deadline()) + ")";
        }
        if (event instanceof MilestoneRevised e) {
            return milestoneName(before, e.milestoneId()) + " revised: " + milestoneChanges(before, after,
                    e.milestoneId());
        }
        if (event instanceof MilestoneLeadTimeReestimated e) {
            return milestoneName(before, e.milestoneId()) + ": lead time "
                    + before.milestones().get(e.milestoneId()).leadTimeDays() + ARROW + days(e.leadTimeDays());
        }
        if (event instanceof MilestoneDeadlineChanged e) {
            return milestoneName(before, e.milestoneId()) + ": "
                    + deadlineChange(before.milestones().get(e.milestoneId()).deadline(), e.deadline());
        }
        if (event instanceof MilestonePredecessorsChanged e) {
            return milestoneName(before, e.milestoneId()) + ": predecessors "
                    + milestoneNames(before, before.milestones().get(e.milestoneId()).predecessors()) + ARROW
                    + milestoneNames(after, e.predecessors());
        }
        if (event instanceof MilestoneRemoved e) {
            return "Milestone removed: " + quoted(before.milestones().get(e.milestoneId()).name());
        }
        if (event instanceof MilestoneReached e) {
            return milestoneName(before, e.milestoneId()) + " reached on " + e.on();
        }
        if (event instanceof MilestoneReachRetracted e) {
            return milestoneName(before, e.milestoneId()) + " no longer reached, was recorded on "
                    + before.milestones().get(e.milestoneId()).reachedOn();
        }
        if (event instanceof StepAdded e) {
            return "Step added under " + quoted(milestoneName(after, e.milestoneId())) + ": "
                    + quoted(e.description()) + " (" + days(e.durationDays())
                    + (e.predecessors().isEmpty() ? "" : ", after " + stepNames(after, e.milestoneId(),
                    e.predecessors())) + ")";
        }
        if (event instanceof StepRevised e) {
            return stepTitle(before, e.milestoneId(), e.stepId()) + " revised: "
                    + stepChanges(before, after, e.milestoneId(), e.stepId());
        }
        if (event instanceof StepRemoved e) {
            return "Step removed from " + quoted(milestoneName(before, e.milestoneId())) + ": "
                    + quoted(step(before, e.milestoneId(), e.stepId()).description());
        }
        if (event instanceof StepMarkedDone e) {
            return stepTitle(before, e.milestoneId(), e.stepId()) + " done on " + e.on();
        }
        if (event instanceof StepReopened e) {
            return stepTitle(before, e.milestoneId(), e.stepId()) + " reopened, was done on "
                    + step(before, e.milestoneId(), e.stepId()).doneOn();
        }
        if (event instanceof QuestionRaised e) {
            return questionKind(e.kind()) + " raised: " + quoted(e.text());
        }
        if (event instanceof QuestionAnswered e) {
            Question question = before.questions().get(e.questionId());
            return (question.answered() ? "Answer changed: " : "Question answered: ") + quoted(question.text());
        }
        if (event instanceof RiskIdentified e) {
            return "Risk identified: " + quoted(e.description()) + " (likelihood " + e.likelihood() + ", impact "
                    + e.impact() + ")";
        }
        if (event instanceof RiskReassessed e) {
            return "Risk " + quoted(before.risks().get(e.riskId()).description()) + " reassessed: "
                    + riskChanges(before.risks().get(e.riskId()), after.risks().get(e.riskId()));
        }
        if (event instanceof RiskClosed e) {
            return "Risk " + quoted(before.risks().get(e.riskId()).description()) + " closed as " + e.outcome();
        }
        if (event instanceof BaselineCaptured e) {
            return "Baseline " + quoted(e.name()) + " captured";
        }
        if (event instanceof PlanApproved) {
            return "Plan approved";
        }
        if (event instanceof GoalAchieved e) {
            return "Goal achieved on " + e.on();
        }
        if (event instanceof PlanAbandoned) {
            return "Plan abandoned";
        }
        if (event instanceof PlanBranched e) {
            return "What-if branch " + quoted(e.name()) + " started from revision " + e.fromRevision()
                    + " of the plan of record";
        }
        if (event instanceof BranchDiscarded) {
            return "What-if branch discarded";
        }
        if (event instanceof BranchMerged e) {
            return "What-if branch merged into the plan of record, which reached revision " + e.mergedIntoRevision();
        }
        throw new IllegalArgumentException("No summary is defined for " + event.getClass().getName());
    }

    private static String detailChanges(PlanState before, PlanState after) {
        ChangeList changes = new ChangeList()
                .text("title", before.title(), after.title())
                .text("portfolio", before.portfolio(), after.portfolio())
                .value("calendar", before.calendar().kind(), after.calendar().kind());
        List<LocalDate> added = without(after.calendar().holidays(), before.calendar().holidays());
        List<LocalDate> removed = without(before.calendar().holidays(), after.calendar().holidays());
        if (!added.isEmpty()) {
            changes.add("holidays added " + joined(added));
        }
        if (!removed.isEmpty()) {
            changes.add("holidays removed " + joined(removed));
        }
        return changes.toString();
    }

    private static String goalChanges(Goal before, Goal after) {
        return new ChangeList()
                .text("headline", before.headline(), after.headline())
                .mentioned("subheading", before.subheading(), after.subheading())
                .mentioned("customer problem", before.customerProblem(), after.customerProblem())
                .mentioned("solution", before.solution(), after.solution())
                .mentioned("customer quote", before.customerQuote(), after.customerQuote())
                .mentioned("leader quote", before.leaderQuote(), after.leaderQuote())
                .mentioned("call to action", before.callToAction(), after.callToAction())
                .toString();
    }

    private static String metricChanges(SuccessMetric before, SuccessMetric after) {
        return new ChangeList()
                .text("name", before.name(), after.name())
                .text("unit", before.unit(), after.unit())
                .number("baseline", before.baselineValue(), after.baselineValue())
                .number("target", before.targetValue(), after.targetValue())
                .value("direction", before.direction(), after.direction())
                .value("measured by", before.measuredBy(), after.measuredBy())
                .toString();
    }

    private static String milestoneChanges(PlanState before, PlanState after, UUID milestoneId) {
        Milestone was = before.milestones().get(milestoneId);
        Milestone is = after.milestones().get(milestoneId);
        ChangeList changes = new ChangeList()
                .text("name", was.name(), is.name())
                .text("owner", was.owner(), is.owner())
                .mentioned("definition of done", was.definitionOfDone(), is.definitionOfDone());
        if (!was.metrics().equals(is.metrics())) {
            changes.add("metrics " + names(was.metrics(), before.metrics(), SuccessMetric::name) + ARROW
                    + names(is.metrics(), after.metrics(), SuccessMetric::name));
        }
        return changes.toString();
    }

    private static String stepChanges(PlanState before, PlanState after, UUID milestoneId, UUID stepId) {
        ActionStep was = step(before, milestoneId, stepId);
        ActionStep is = step(after, milestoneId, stepId);
        ChangeList changes = new ChangeList()
                .text("description", was.description(), is.description())
                .text("owner", was.owner(), is.owner());
        if (was.durationDays() != is.durationDays()) {
            changes.add("duration " + was.durationDays() + ARROW + days(is.durationDays()));
        }
        if (!was.predecessors().equals(is.predecessors())) {
            changes.add("predecessors " + stepNames(before, milestoneId, was.predecessors()) + ARROW
                    + stepNames(after, milestoneId, is.predecessors()));
        }
        return changes.toString();
    }

    private static String riskChanges(Risk before, Risk after) {
        return new ChangeList()
                .text("description", before.description(), after.description())
                .value("likelihood", before.likelihood(), after.likelihood())
                .value("impact", before.impact(), after.impact())
                .mentioned("mitigation", before.mitigation(), after.mitigation())
                .toString();
    }

    private static String deadlineChange(LocalDate before, LocalDate after) {
        if (before == null) {
            return "deadline pinned to " + after;
        }
        if (after == null) {
            return "deadline " + before + " unpinned";
        }
        return "deadline " + before + ARROW + after;
    }

    private static String questionKind(QuestionKind kind) {
        return switch (kind) {
            case CUSTOMER_FAQ -> "Customer FAQ";
            case INTERNAL_FAQ -> "Internal FAQ";
            case SKEPTIC -> "Skeptic's question";
        };
    }

    private static String reasonOf(Reason reason) {
        if (reason == null) {
            return "";
        }
        boolean withoutNote = reason.note() == null || reason.note().isBlank();
        return " (" + reason.category() + (withoutNote ? "" : ": " + shortened(reason.note())) + ")";
    }

    private static String milestoneName(PlanState state, UUID milestoneId) {
        return shortened(state.milestones().get(milestoneId).name());
    }

    private static String milestoneNames(PlanState state, List<UUID> milestoneIds) {
        return names(milestoneIds, state.milestones(), Milestone::name);
    }

    private static ActionStep step(PlanState state, UUID milestoneId, UUID stepId) {
        return state.milestones().get(milestoneId).steps().get(stepId);
    }

    private static String stepTitle(PlanState state, UUID milestoneId, UUID stepId) {
        return "Step " + quoted(step(state, milestoneId, stepId).description()) + " under "
                + quoted(milestoneName(state, milestoneId));
    }

    private static String stepNames(PlanState state, UUID milestoneId, List<UUID> stepIds) {
        return names(stepIds, state.milestones().get(milestoneId).steps(), ActionStep::description);
    }

    private static <T> String names(List<UUID> ids, Map<UUID, T> things, Function<T, String> nameOf) {
        if (ids.isEmpty()) {
            return NONE;
        }
        return String.join(", ", ids.stream().map(id -> quoted(nameOf.apply(things.get(id)))).toList());
    }

    private static List<LocalDate> without(Collection<LocalDate> days, Collection<LocalDate> excluded) {
        return days.stream().filter(day -> !excluded.contains(day)).sorted().toList();
    }

    private static String joined(List<?> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }

    /** Without trailing zeros, so 3100.00 reads as the 3100 the user typed, and never in scientific notation. */
    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String unitSuffix(String unit) {
        return unit == null || unit.isBlank() ? "" : " " + shortened(unit);
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String quoted(String text) {
        return text == null ? NONE : "\"" + shortened(text) + "\"";
    }

    /** One line, at most {@link #TEXT_LIMIT} characters; cut between code points so no character is split. */
    private static String shortened(String text) {
        String oneLine = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        if (oneLine.codePointCount(0, oneLine.length()) <= TEXT_LIMIT) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, TEXT_LIMIT - 1)).stripTrailing() + "…";
    }

    /** The parts of a revision that changed, in a fixed order; unchanged parts are left out. */
    private static final class ChangeList {

        private final List<String> parts = new ArrayList<>();

        void add(String part) {
            parts.add(part);
        }

        ChangeList text(String label, String before, String after) {
            if (!Objects.equals(before, after)) {
                parts.add(label + " " + quoted(before) + ARROW + quoted(after));
            }
            return this;
        }

        ChangeList value(String label, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                parts.add(label + " " + (before == null ? NONE : before) + ARROW + (after == null ? NONE : after));
            }
            return this;
        }

        /** Compared by value, not scale: 3000 and 3000.0 are the same target. */
        ChangeList number(String label, BigDecimal before, BigDecimal after) {
            if (before.compareTo(after) != 0) {
                parts.add(label + " " + RevisionSummaries.number(before) + ARROW + RevisionSummaries.number(after));
            }
            return this;
        }

        /** For prose too long to show twice on one line: only that it changed. */
        ChangeList mentioned(String label, String before, String after) {
            if (!Objects.equals(before, after)) {
                parts.add(label + " changed");
            }
            return this;
        }

        @Override
        public String toString() {
            return parts.isEmpty() ? "nothing changed" : String.join(", ", parts);
        }
    }
}
