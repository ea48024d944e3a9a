package dev.backcast.query.retrospective;

import dev.backcast.plan.ReasonCategory;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.query.timeline.PlanTimeline;

import java.util.Map;
import java.util.UUID;

/**
 * How a plan evolved. Scope change counts milestones and steps added or removed after approval; due-date moves count
 * every change of a milestone's due date after it was first planned, with their days summed (later is positive).
 *
 * @param milestonesReachedOnTime reached on or before their due date in the approved baseline
 * @param milestonesReachedAgainstApproved reached and present in the approved baseline: the base of the on-time rate
 */
public record Retrospective(UUID planId, long revisions, long refinements, long goalRedefinitions,
                            long targetDateMoves, long targetDateMoveDays, Scope scopeAfterApproval,
                            Map<ReasonCategory, Moves> dueDateMovesByReason, Map<QuestionKind, Questions> questions,
                            Risks risks, long milestonesReachedOnTime, long milestonesReachedAgainstApproved) {

    public record Scope(long milestonesAdded, long milestonesRemoved, long stepsAdded, long stepsRemoved) {
    }

    public record Moves(long count, long days) {

        /** Adds a move to its reason's tally; a move recorded without a reason counts as OTHER. */
        public static void count(Map<ReasonCategory, Moves> byReason, PlanTimeline.Move move) {
            ReasonCategory category = move.reasonCategory() == null ? ReasonCategory.OTHER : move.reasonCategory();
            Moves sofar = byReason.getOrDefault(category, new Moves(0, 0));
            byReason.put(category, new Moves(sofar.count() + 1, sofar.days() + move.days()));
        }
    }

    /** @param meanDaysToAnswer from raised to first answered, in calendar days; null when none was answered */
    public record Questions(long raised, long answered, Double meanDaysToAnswer, Long longestDaysToAnswer) {
    }

    public record Risks(long identified, long materialised, long closed, long mitigated, long open) {
    }
}
