package dev.backcast.query.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.backcast.plan.PlanStatus;
import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.branches.BranchStatus;
import dev.backcast.plan.metrics.Direction;
import dev.backcast.plan.metrics.Measurement;
import dev.backcast.plan.milestones.MilestoneStatus;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.plan.risks.RiskStatus;
import dev.backcast.plan.scheduling.CalendarKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A plan read as a reverse plan: the press release, its metrics, the milestones from the goal backward with their
 * dates, then the questions and risks. The current view, time travel and diffs all answer in this shape.
 *
 * @param asOf   the day the forecast was computed for
 * @param branch for a what-if branch, the plan of record it was drawn from and where it stands; absent otherwise
 */
public record PlanDocument(UUID planId, long revision, String title, String portfolio, PlanStatus status,
                           CalendarKind calendar, List<LocalDate> holidays, Goal goal, LocalDate targetDate,
                           LocalDate mustStartBy, LocalDate forecastGoalDate, Integer goalSlackDays, int lateByDays,
                           List<UUID> criticalPath, LocalDate achievedOn, List<Metric> metrics,
                           List<Milestone> milestones, List<Question> openQuestions,
                           List<Question> answeredQuestions, List<Risk> risks, List<Baseline> baselines,
                           LocalDate asOf, Instant createdAt, String createdBy, Instant lastChangedAt,
                           String lastChangedBy,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Branch branch) {

    /** A what-if branch: its plan of record, the revision it started from, its name, OPEN, MERGED or DISCARDED. */
    public record Branch(UUID planId, long fromRevision, String name, BranchStatus status) {
    }

    /** The press release. */
    public record Goal(String headline, String subheading, String customerProblem, String solution,
                       String customerQuote, String leaderQuote, String callToAction, LocalDate targetDate) {
    }

    /**
     * @param progress how far the latest measurement has come from the baseline toward the target (1 = reached),
     *                 null before the first measurement
     */
    public record Metric(UUID metricId, String name, String unit, BigDecimal baselineValue, BigDecimal targetValue,
                         Direction direction, LocalDate measuredBy, Measurement latest, BigDecimal progress,
                         List<Measurement> measurements) {
    }

    /** A milestone with its schedule; its steps from last to first. */
    public record Milestone(UUID milestoneId, String name, String definitionOfDone, String owner, int leadTimeDays,
                            int scheduledLeadTimeDays, int remainingDays, List<UUID> predecessors, LocalDate deadline,
                            List<UUID> metrics, LocalDate due, LocalDate startBy, LocalDate forecast, int slackDays,
                            int lateByDays, boolean critical, MilestoneStatus status, LocalDate reachedOn,
                            List<Step> steps) {
    }

    public record Step(UUID stepId, String description, String owner, int durationDays, List<UUID> predecessors,
                       LocalDate due, LocalDate startBy, boolean done, LocalDate doneOn) {
    }

    public record Question(UUID questionId, QuestionKind kind, String text, String answer) {
    }

    public record Risk(UUID riskId, String description, int likelihood, int impact, int exposure, String mitigation,
                       RiskStatus status, String closingNote) {
    }
}
