package dev.backcast.command.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.command.web.DeleteReasons;
import dev.backcast.command.web.PlanWrites;
import dev.backcast.plan.steps.AddStep;
import dev.backcast.plan.steps.ReviseStep;
import dev.backcast.plan.steps.RemoveStep;
import dev.backcast.plan.steps.MarkStepDone;
import dev.backcast.plan.steps.ReopenStep;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.util.Map;
import java.util.UUID;

/** Adding, revising, removing and completing the action steps under a milestone. */
@RestController
@RequestMapping("/api/plans/{planId}/milestones/{milestoneId}/steps")
@Tag(name = "Action steps", description = "The reverse action plan under each milestone")
public class StepController {

    private final PlanWrites writes;

    public StepController(PlanWrites writes) {
        this.writes = writes;
    }

    @PostMapping
    @Operation(summary = "Add an action step", description = "description and durationDays (0..3650) are required; predecessors are steps of the same milestone.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = AddStep.class)))
    public ResponseEntity<Map<String, Object>> add(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID milestoneId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "addStep", body, Map.of("milestoneId", milestoneId));
    }

    @PatchMapping("/{stepId}")
    @Operation(summary = "Revise an action step", description = "Fields left out stay as they are; reason required.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ReviseStep.class)))
    public ResponseEntity<Map<String, Object>> revise(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID milestoneId, @PathVariable UUID stepId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "reviseStep", body, Map.of("milestoneId", milestoneId, "stepId", stepId));
    }

    @DeleteMapping("/{stepId}")
    @Operation(summary = "Remove an action step", description = "Refused while other steps depend on it. The reason goes in the body as {\"reason\": {...}} or as ?category=&note=.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(schema = @Schema(implementation = RemoveStep.class)))
    public ResponseEntity<Map<String, Object>> remove(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID milestoneId, @PathVariable UUID stepId,
            @RequestBody(required = false) JsonNode body, @RequestParam(required = false) String category,
            @RequestParam(required = false) String note) {
        return writes.change(request, planId, "removeStep", DeleteReasons.withReason(body, category, note), Map.of("milestoneId", milestoneId, "stepId", stepId));
    }

    @PostMapping("/{stepId}/done")
    @Operation(summary = "Record an action step done", description = "on: the day it was done, not in the future.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = MarkStepDone.class)))
    public ResponseEntity<Map<String, Object>> markDone(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID milestoneId, @PathVariable UUID stepId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "markStepDone", body, Map.of("milestoneId", milestoneId, "stepId", stepId));
    }

    @DeleteMapping("/{stepId}/done")
    @Operation(summary = "Reopen an action step", description = "Reason required. The reason goes in the body as {\"reason\": {...}} or as ?category=&note=.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(schema = @Schema(implementation = ReopenStep.class)))
    public ResponseEntity<Map<String, Object>> reopen(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID milestoneId, @PathVariable UUID stepId,
            @RequestBody(required = false) JsonNode body, @RequestParam(required = false) String category,
            @RequestParam(required = false) String note) {
        return writes.change(request, planId, "reopenStep", DeleteReasons.withReason(body, category, note), Map.of("milestoneId", milestoneId, "stepId", stepId));
    }
}
