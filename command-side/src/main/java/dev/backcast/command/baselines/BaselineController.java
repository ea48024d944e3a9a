package dev.backcast.command.baselines;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.command.web.PlanWrites;
import dev.backcast.plan.baselines.CaptureBaseline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.util.Map;
import java.util.UUID;

/** Capturing named baselines. */
@RestController
@RequestMapping("/api/plans/{planId}/baselines")
@Tag(name = "Baselines", description = "Frozen copies of the schedule")
public class BaselineController {

    private final PlanWrites writes;

    public BaselineController(PlanWrites writes) {
        this.writes = writes;
    }

    @PostMapping
    @Operation(summary = "Capture a baseline", description = "Freezes every milestone's due date and the target date under a new name.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CaptureBaseline.class)))
    public ResponseEntity<Map<String, Object>> capture(HttpServletRequest request, @PathVariable UUID planId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "captureBaseline", body, Map.of());
    }
}
