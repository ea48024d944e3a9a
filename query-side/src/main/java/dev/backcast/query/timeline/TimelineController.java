package dev.backcast.query.timeline;

import dev.backcast.query.web.Csv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Planned against actual for one plan. */
@RestController
@Tag(name = "Planned vs actual", description = "Baselines, slip and the moves of due dates")
public class TimelineController {

    private static final String CSV = "text/csv";

    private final Timelines timelines;

    public TimelineController(Timelines timelines) {
        this.timelines = timelines;
    }

    @GetMapping(value = "/api/plans/{planId}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Planned vs actual per milestone and for the goal", description = "First planned, baseline, "
            + "current and forecast dates, the date reached, slip against the first plan, the approved baseline and "
            + "`baseline`, and every move of a due date (when, by whom, why). Accept: text/csv gives one row per "
            + "milestone.")
    public PlanTimeline timeline(@PathVariable UUID planId, @RequestParam(required = false) String baseline) {
        return compute(planId, baseline);
    }

    @GetMapping(value = "/api/plans/{planId}/timeline", produces = CSV)
    public ResponseEntity<String> timelineCsv(@PathVariable UUID planId,
                                              @RequestParam(required = false) String baseline) {
        PlanTimeline timeline = compute(planId, baseline);
        StringBuilder csv = new StringBuilder(Csv.row("milestoneId", "name", "removed", "firstPlannedDue",
                "approvedDue", "baselineDue", "currentDue", "forecast", "reachedOn", "slipAgainstFirstPlan",
                "slipAgainstApproved", "slipAgainstBaseline", "moveCount"));
        for (PlanTimeline.MilestoneLine line : timeline.milestones()) {
            csv.append(Csv.row(line.milestoneId(), line.name(), line.removed(), line.firstPlannedDue(),
                    line.baselineDue().get("approved"), baseline == null ? null : line.baselineDue().get(baseline),
                    line.currentDue(), line.forecast(), line.reachedOn(), line.slipAgainstFirstPlan(),
                    line.slipAgainstApproved(), line.slipAgainstBaseline(), line.moveCount()));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8")).body(csv.toString());
    }

    private PlanTimeline compute(UUID planId, String baseline) {
        return timelines.of(planId, baseline);
    }
}
