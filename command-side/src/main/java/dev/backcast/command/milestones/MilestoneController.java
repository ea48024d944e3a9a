package dev.backcast.command.milestones;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.command.web.DeleteReasons;
import dev.backcast.command.web.PlanWrites;
import dev.backcast.plan.milestones.AddMilestone;
import dev.backcast.plan.milestones.ReviseMilestone;
import dev.backcast.plan.milestones.RemoveMilestone;
import dev.backcast.plan.milestones.ReachMilestone;
import dev.backcast.plan.milestones.RetractMilestoneReached;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.util.Map;
import java.util.UUID;

/** Adding, revising, removing and reaching milestones. */
@RestController
@RequestMapping("/api/plans/{planId}/milestones")
@Tag(name = "Milestones", description = "What must be reached before the goal, with lead times and dependencies")
public class MilestoneController {

    private final PlanWrites writes;

    public MilestoneController(PlanWrites writes) {
        this.writes = writes;
    }

    @PostMapping
    @Operation(summary = "Add a milestone", description = "name and leadTimeDays (0..3650) are required; predecessors must exist.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = AddMilestone.class)))
    public ResponseEntity<Map<String, Object>> add(HttpServletRequest request, @PathVariable UUID planId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "addMilestone", body, Map.of());
    }

    @PatchMapping("/{milestoneId}")
    @Operation(summary = "Revise a milestone", description = "Fields left out stay as they are; deadline: null unpins it. Reason required.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ReviseMilestone.class)))
    public ResponseEntity<Map<String, Object>> revise(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID milestoneId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "reviseMilestone", body, Map.of("milestoneId", milestoneId));
    }

    @DeleteMapping("/{milestoneId}")
    @Operation(summary = "Remove a milestone", description = "Refused while other milestones depend on it. The reason goes in the body as {\"reason\": {...}} or as ?category=&note=.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(schema = @Schema(implementation = RemoveMilestone.class)))
    public ResponseEntity<Map<String, Object>> remove(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID milestoneId,
            @RequestBody(required = false) JsonNode body, @RequestParam(required = false) String category,
            @RequestParam(required = false) String note) {
        return writes.change(request, planId, "removeMilestone", DeleteReasons.withReason(body, category, note), Map.of("milestoneId", milestoneId));
    }

    @PostMapping("/{milestoneId}/reached")
    @Operation(summary = "Record a milestone reached", description = "on: the day it was actually reached, not in the future.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ReachMilestone.class)))
    public ResponseEntity<Map<String, Object>> reach(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID milestoneId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "reachMilestone", body, Map.of("milestoneId", milestoneId));
    }

    @DeleteMapping("/{milestoneId}/reached")
    @Operation(summary = "Retract a milestone recorded as reached", description = "Reason required. The reason goes in the body as {\"reason\": {...}} or as ?category=&note=.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(schema = @Schema(implementation = RetractMilestoneReached.class)))
    public ResponseEntity<Map<String, Object>> retractReached(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID milestoneId,
            @RequestBody(required = false) JsonNode body, @RequestParam(required = false) String category,
            @RequestParam(required = false) String note) {
        return writes.change(request, planId, "retractMilestoneReached", DeleteReasons.withReason(body, category, note), Map.of("milestoneId", milestoneId));
    }
}
