package dev.backcast.query.plans;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.PlanStatus;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.query.web.BadQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The current reverse plan, the plan as it stood at any revision or instant, and lists of plans. */
@RestController
@Tag(name = "Plans")
public class PlanQueriesController {

    private static final int MAX_PAGE_SIZE = 200;
    private static final Map<String, Comparator<PlanSummary>> SORTS = Map.of(
            "title", Comparator.comparing(PlanSummary::title, String.CASE_INSENSITIVE_ORDER),
            "targetDate", Comparator.comparing(PlanSummary::targetDate),
            "forecastGoalDate", Comparator.comparing(PlanSummary::forecastGoalDate,
                    Comparator.nullsLast(Comparator.naturalOrder())),
            "lateByDays", Comparator.comparingInt(PlanSummary::lateByDays),
            "lastChangedAt", Comparator.comparing(PlanSummary::lastChangedAt));

    private final PlanReader reader;
    private final PlanViewRepository views;
    private final PlanStateJson json;
    private final Clock clock;

    public PlanQueriesController(PlanReader reader, PlanViewRepository views, PlanStateJson json, Clock clock) {
        this.reader = reader;
        this.views = views;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/plans/{planId}")
    @Operation(summary = "The reverse plan", description = "Now, or as it stood at a `revision` or instant (`asOf`), "
            + "in the same shape with the forecast as of that moment. `minRevision` waits up to 5 s for your own "
            + "write to be projected (503 with Retry-After if it is not).")
    public ResponseEntity<PlanDocument> plan(
            @PathVariable UUID planId,
            @Parameter(description = "the revision to show, 1 to the latest") @RequestParam(required = false) Long revision,
            @Parameter(description = "an instant, e.g. 2027-03-01T12:00:00Z") @RequestParam(required = false)
            Instant asOf,
            @RequestParam(required = false) Long minRevision) {
        if (revision != null && asOf != null) {
            throw new BadQuery("asOf", "Ask for either a revision or an instant (asOf), not both");
        }
        PlanDocument document;
        if (revision != null) {
            document = reader.atRevision(planId, revision);
        } else if (asOf != null) {
            document = reader.asOf(planId, asOf);
        } else {
            if (minRevision != null) {
                reader.awaitRevision(planId, minRevision);
            }
            document = reader.current(planId);
        }
        return ResponseEntity.ok().eTag("\"" + document.revision() + "\"").body(document);
    }

    @GetMapping("/api/plans")
    @Operation(summary = "Plan summaries", description = "Filtered by portfolio, status and lateness; sorted by "
            + "title, targetDate, forecastGoalDate, lateByDays or lastChangedAt (append ',desc' to reverse).")
    @Transactional(readOnly = true)
    public PlanPage plans(@RequestParam(required = false) String portfolio,
                          @RequestParam(required = false) PlanStatus status,
                          @RequestParam(required = false) Boolean late,
                          @RequestParam(defaultValue = "lastChangedAt,desc") String sort,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new BadQuery("page", "page counts from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadQuery("size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        reader.requireNoRebuild();
        LocalDate today = LocalDate.now(clock);
        List<PlanSummary> matching = views.findMatching(portfolio, status == null ? null : status.name()).stream()
                .map(view -> summary(view, today))
                .filter(summary -> late == null || late == (summary.lateByDays() > 0))
                .sorted(order(sort))
                .toList();
        List<PlanSummary> items = matching.stream().skip((long) page * size).limit(size).toList();
        return new PlanPage(items, page, size, matching.size());
    }

    private PlanSummary summary(PlanView view, LocalDate today) {
        PlanState state = json.stateOf(view);
        PlanDocuments.GoalOutlook outlook = PlanDocuments.GoalOutlook.of(state,
                BackwardScheduler.schedule(state, today));
        return new PlanSummary(view.planId(), state.title(), state.portfolio(), state.status(), state.targetDate(),
                outlook.forecastGoalDate(), outlook.lateByDays(), view.revision(), view.lastChangedAt(),
                view.lastChangedBy());
    }

    private static Comparator<PlanSummary> order(String sort) {
        String[] parts = sort.split(",");
        Comparator<PlanSummary> comparator = SORTS.get(parts[0].strip());
        if (comparator == null || parts.length > 2
                || (parts.length == 2 && !parts[1].strip().matches("(?i)asc|desc"))) {
            throw new BadQuery("sort", "sort must be one of " + SORTS.keySet() + ", optionally followed by ',asc' "
                    + "or ',desc'; it was '" + sort + "'");
        }
        Comparator<PlanSummary> ordered = parts.length == 2 && parts[1].strip().equalsIgnoreCase("desc")
                ? comparator.reversed() : comparator;
        return ordered.thenComparing(PlanSummary::planId);
    }
}
