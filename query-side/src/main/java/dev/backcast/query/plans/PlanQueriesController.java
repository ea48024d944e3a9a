package dev.backcast.query.plans;

import dev.backcast.plan.PlanStatus;
import dev.backcast.query.web.BadQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/** The current reverse plan, the plan as it stood at any revision or instant, and lists of plans. */
@RestController
@Tag(name = "Plans")
public class PlanQueriesController {

    private static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_SEARCH_LENGTH = 200;

    private final PlanReader reader;
    private final PlanList list;

    public PlanQueriesController(PlanReader reader, PlanList list) {
        this.reader = reader;
        this.list = list;
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
    @Operation(summary = "Plan summaries", description = "Filtered by portfolio, status, lateness and words of the "
            + "title (`q`); sorted by title, targetDate, forecastGoalDate, lateByDays or lastChangedAt (append ',desc' "
            + "to reverse), ties by plan id; paged. Forecasts and days late are as of `figuresAsOf`.")
    public PlanPage plans(@RequestParam(required = false) String portfolio,
                          @RequestParam(required = false) PlanStatus status,
                          @RequestParam(required = false) Boolean late,
                          @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "lastChangedAt,desc") String sort,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new BadQuery("page", "page counts from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadQuery("size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (q != null && q.length() > MAX_SEARCH_LENGTH) {
            throw new BadQuery("q", "q is at most " + MAX_SEARCH_LENGTH + " characters; a title is at most 200");
        }
        reader.requireNoRebuild();
        return list.page(new PlanList.Filter(portfolio, status, late, q), sort, page, size);
    }
}
