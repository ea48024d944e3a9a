package dev.backcast.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.plan.Reason;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.query.web.BadQuery;
import dev.backcast.query.plans.PlanReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A plan's full revision history, filtered and paged. */
@RestController
@Tag(name = "History", description = "How a plan evolved: who changed what, when, why, and what it did to the dates")
public class RevisionsController {

    private static final int MAX_LIMIT = 500;

    private final PlanRevisionRepository revisions;
    private final PlanReader reader;
    private final ObjectMapper json;

    public RevisionsController(PlanRevisionRepository revisions, PlanReader reader, ObjectMapper json) {
        this.revisions = revisions;
        this.reader = reader;
        this.json = json;
    }

    @GetMapping("/api/plans/{planId}/revisions")
    @Operation(summary = "The plan's revision history", description = "One entry per revision, newest first "
            + "(order=oldest for oldest first); filter by revision range, recorded-time range, author, event type "
            + "and reason category; page with limit and the nextCursor of the previous page.")
    public RevisionPage revisions(@PathVariable UUID planId,
                                  @RequestParam(defaultValue = "newest") String order,
                                  @RequestParam(required = false) Long fromRevision,
                                  @RequestParam(required = false) Long toRevision,
                                  @RequestParam(required = false) Instant from,
                                  @RequestParam(required = false) Instant to,
                                  @RequestParam(required = false) String author,
                                  @RequestParam(required = false) String type,
                                  @RequestParam(required = false) ReasonCategory reasonCategory,
                                  @RequestParam(defaultValue = "50") int limit,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(required = false) Long minRevision) {
        boolean newestFirst = switch (order) {
            case "newest" -> true;
            case "oldest" -> false;
            default -> throw new BadQuery("order", "order must be 'newest' or 'oldest'");
        };
        if (fromRevision != null && toRevision != null && fromRevision > toRevision) {
            throw new BadQuery("fromRevision", "fromRevision " + fromRevision + " is after toRevision " + toRevision);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadQuery("from", "from " + from + " is after to " + to);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadQuery("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if ((fromRevision != null && fromRevision < 1) || (toRevision != null && toRevision < 1)) {
            throw new BadQuery(fromRevision != null && fromRevision < 1 ? "fromRevision" : "toRevision",
                    "revisions count from 1");
        }
        Long after = cursor == null ? null : parseCursor(cursor);
        reader.head(planId);
        reader.requireNoRebuild();
        if (minRevision != null) {
            reader.awaitRevision(planId, minRevision);
        }
        Specification<PlanRevision> matching = (root, query, criteria) -> {
            List<Predicate> conditions = new ArrayList<>();
            conditions.add(criteria.equal(root.get("planId"), planId));
            if (fromRevision != null) {
                conditions.add(criteria.ge(root.get("revision"), fromRevision));
            }
            if (toRevision != null) {
                conditions.add(criteria.le(root.get("revision"), toRevision));
            }
            if (from != null) {
                conditions.add(criteria.greaterThanOrEqualTo(root.get("recordedAt"), from));
            }
            if (to != null) {
                conditions.add(criteria.lessThanOrEqualTo(root.get("recordedAt"), to));
            }
            if (author != null) {
                conditions.add(criteria.equal(root.get("author"), author));
            }
            if (type != null) {
                conditions.add(criteria.equal(root.get("eventType"), type));
            }
            if (reasonCategory != null) {
                conditions.add(criteria.equal(root.get("reasonCategory"), reasonCategory.name()));
            }
            if (after != null) {
                conditions.add(newestFirst ? criteria.lt(root.get("revision"), after)
                        : criteria.gt(root.get("revision"), after));
            }
            return criteria.and(conditions.toArray(Predicate[]::new));
        };
        Sort sort = newestFirst ? Sort.by("revision").descending() : Sort.by("revision").ascending();
        List<PlanRevision> page = revisions.findAll(matching, PageRequest.of(0, limit + 1, sort)).getContent();
        boolean more = page.size() > limit;
        List<RevisionEntry> items = page.stream().limit(limit).map(this::entry).toList();
        String next = more ? "r" + items.get(items.size() - 1).revision() : null;
        return new RevisionPage(items, next);
    }

    private static Long parseCursor(String cursor) {
        if (!cursor.matches("r\\d{1,18}")) {
            throw new BadQuery("cursor", "cursor must be the nextCursor of a previous page");
        }
        return Long.parseLong(cursor.substring(1));
    }

    private RevisionEntry entry(PlanRevision revision) {
        try {
            return new RevisionEntry(revision.revision(), revision.recordedAt(), revision.author(),
                    revision.correlationId(), revision.changeSetId(), revision.changeSetMessage(),
                    revision.eventType(), revision.summary(),
                    revision.reasonCategory() == null ? null
                            : new Reason(ReasonCategory.valueOf(revision.reasonCategory()), revision.reasonNote()),
                    json.readTree(revision.changesJson()), json.readTree(revision.dueDateEffectsJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored history entry is not JSON", e);
        }
    }
}
