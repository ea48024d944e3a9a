package dev.backcast.command.goal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.command.web.PlanWrites;
import dev.backcast.plan.goal.RedefineGoal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.util.Map;
import java.util.UUID;

/** Redefining the press release and moving its target date. */
@RestController
@RequestMapping("/api/plans/{planId}/goal")
@Tag(name = "Goal", description = "The press release and its target date")
public class GoalController {

    private final PlanWrites writes;

    public GoalController(PlanWrites writes) {
        this.writes = writes;
    }

    @PutMapping
    @Operation(summary = "Redefine the press release", description = "Replaces the press release; a different targetDate also moves the target date. Reason required.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RedefineGoal.class)))
    public ResponseEntity<Map<String, Object>> redefine(HttpServletRequest request, @PathVariable UUID planId,
            @RequestBody JsonNode body) {
        return writes.change(request, planId, "redefineGoal", body, Map.of());
    }
}
