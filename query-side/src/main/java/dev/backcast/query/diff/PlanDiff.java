package dev.backcast.query.diff;

import dev.backcast.query.history.DueDateEffects;
import dev.backcast.query.history.FieldChange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What changed between two revisions of a plan.
 *
 * @param changes   every field that differs, with its value in each revision
 * @param dueDates  due dates that moved between the two revisions, and the plan's must-start-by in each
 * @param revisions the revisions that made the difference, oldest first
 */
public record PlanDiff(UUID planId, long from, long to, List<FieldChange> changes, List<Element> milestonesAdded,
                       List<Element> milestonesRemoved, List<Element> stepsAdded, List<Element> stepsRemoved,
                       DueDateEffects dueDates, List<Revision> revisions) {

    /** A milestone or step, named; {@code milestoneId} is the milestone a step belongs to. */
    public record Element(UUID id, String name, UUID milestoneId) {
    }

    public record Revision(long revision, Instant recordedAt, String author, String eventType, String summary) {
    }
}
