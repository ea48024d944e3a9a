package dev.backcast.command.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.command.web.DeleteReasons;
import dev.backcast.command.web.PlanWrites;
import dev.backcast.plan.metrics.DefineMetric;
import dev.backcast.plan.metrics.ReviseMetric;
import dev.backcast.plan.metrics.DropMetric;
import dev.backcast.plan.metrics.MeasureMetric;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.util.Map;
import java.util.UUID;

/** Defining, revising, dropping and measuring success metrics. */
@RestController
@RequestMapping("/api/plans/{planId}/metrics")
@Tag(name = "Success metrics", description = "How the press release coming true is measured")
public class MetricController {

    private final PlanWrites writes;

    public MetricController(PlanWrites writes) {
        this.writes = writes;
    }

    @PostMapping
    @Operation(summary = "Define a success metric", description = "metricId may be chosen by the client; otherwise the server makes one.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = DefineMetric.class)))
    public ResponseEntity<Map<String, Object>> define(HttpServletRequest request, @PathVariable UUID planId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "defineMetric", body, Map.of());
    }

    @PatchMapping("/{metricId}")
    @Operation(summary = "Revise a success metric", description = "Fields left out stay as they are; reason required.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ReviseMetric.class)))
    public ResponseEntity<Map<String, Object>> revise(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID metricId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "reviseMetric", body, Map.of("metricId", metricId));
    }

    @DeleteMapping("/{metricId}")
    @Operation(summary = "Drop a success metric", description = "Refused while a milestone serves it. The reason goes in the body as {\"reason\": {...}} or as ?category=&note=.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(schema = @Schema(implementation = DropMetric.class)))
    public ResponseEntity<Map<String, Object>> drop(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID metricId,
            @RequestBody(required = false) JsonNode body, @RequestParam(required = false) String category,
            @RequestParam(required = false) String note) {
        return writes.change(request, planId, "dropMetric", DeleteReasons.withReason(body, category, note), Map.of("metricId", metricId));
    }

    @PostMapping("/{metricId}/measurements")
    @Operation(summary = "Record a measurement", description = "value and the day it was measured (on), not in the future.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = MeasureMetric.class)))
    public ResponseEntity<Map<String, Object>> measure(HttpServletRequest request, @PathVariable UUID planId, @PathVariable UUID metricId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "measureMetric", body, Map.of("metricId", metricId));
    }
}
