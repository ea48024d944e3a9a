package dev.backcast.query.diff;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.query.history.DueDateEffects;
import dev.backcast.query.history.PlanRevision;
import dev.backcast.query.history.PlanRevisionRepository;
import dev.backcast.query.history.StateChanges;
import dev.backcast.query.plans.PlanReader;
import dev.backcast.query.web.BadQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The difference between two revisions of a plan. */
@RestController
@Tag(name = "History")
public class DiffController {

    private final PlanReader reader;
    private final PlanRevisionRepository revisions;

    public DiffController(PlanReader reader, PlanRevisionRepository revisions) {
        this.reader = reader;
        this.revisions = revisions;
    }

    @GetMapping("/api/plans/{planId}/diff")
    @Operation(summary = "What changed between two revisions", description = "Fields changed with before and "
            + "after, milestones and steps added and removed, due dates moved, and the revisions in between.")
    public PlanDiff diff(@PathVariable UUID planId, @RequestParam long from, @RequestParam long to,
                         @RequestParam(required = false) Long minRevision) {
        if (from > to) {
            throw new BadQuery("from", "from (" + from + ") must not be after to (" + to + ")");
        }
        PlanReader.PlanAt before = reader.at(planId, from);
        PlanReader.PlanAt after = reader.at(planId, to);
        reader.awaitRevision(planId, minRevision == null ? to : Math.max(minRevision, to));
        return between(planId, from, to, before.state(), after.state(), after.recordedOn(),
                revisions(planId, from, to));
    }

    /** The revisions of a plan after {@code from}, up to and including {@code to}, oldest first. */
    public List<PlanDiff.Revision> revisions(UUID planId, long from, long to) {
        Specification<PlanRevision> between = (root, query, criteria) -> criteria.and(
                criteria.equal(root.get("planId"), planId),
                criteria.gt(root.get("revision"), from),
                criteria.le(root.get("revision"), to));
        return revisions.findAll(between, Sort.by("revision")).stream()
                .map(revision -> new PlanDiff.Revision(revision.revision(), revision.recordedAt(), revision.author(),
                        revision.eventType(), revision.summary()))
                .toList();
    }

    /**
     * What differs from {@code a} to {@code b}, due dates scheduled as of {@code day}; {@code inBetween} are the
     * revisions that made the difference.
     */
    public static PlanDiff between(UUID planId, long from, long to, PlanState a, PlanState b, LocalDate day,
                                   List<PlanDiff.Revision> inBetween) {
        List<PlanDiff.Element> milestonesAdded = new ArrayList<>();
        List<PlanDiff.Element> milestonesRemoved = new ArrayList<>();
        List<PlanDiff.Element> stepsAdded = new ArrayList<>();
        List<PlanDiff.Element> stepsRemoved = new ArrayList<>();
        compareMilestones(a, b, milestonesAdded, stepsAdded);
        compareMilestones(b, a, milestonesRemoved, stepsRemoved);
        return new PlanDiff(planId, from, to, StateChanges.between(a, b), milestonesAdded, milestonesRemoved,
                stepsAdded, stepsRemoved, DueDateEffects.between(a, b, day), inBetween);
    }

    /** Collects what {@code later} holds that {@code earlier} does not. */
    private static void compareMilestones(PlanState earlier, PlanState later, List<PlanDiff.Element> milestones,
                                          List<PlanDiff.Element> steps) {
        for (Milestone milestone : later.milestones().values()) {
            Milestone known = earlier.milestones().get(milestone.id());
            if (known == null) {
                milestones.add(new PlanDiff.Element(milestone.id(), milestone.name(), null));
            }
            milestone.steps().values().stream()
                    .filter(step -> known == null || !known.steps().containsKey(step.id()))
                    .forEach(step -> steps.add(new PlanDiff.Element(step.id(), step.description(), milestone.id())));
        }
    }
}
