package dev.backcast.command.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.command.web.ChangeRequests;
import dev.backcast.command.web.PlanWrites;
import dev.backcast.plan.AbandonPlan;
import dev.backcast.plan.AchieveGoal;
import dev.backcast.plan.ApprovePlan;
import dev.backcast.plan.ChangePlanDetails;
import dev.backcast.plan.CreatePlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** Creating a plan and the decisions about it as a whole. */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "Plans", description = "Create a plan from its press release; approve, achieve or abandon it")
public class PlanCommandsController {

    private final PlanWrites writes;
    private final ChangeRequests requests;

    public PlanCommandsController(PlanWrites writes, ChangeRequests requests) {
        this.writes = writes;
        this.requests = requests;
    }

    @PostMapping
    @Operation(summary = "Create a plan", description = "Records one event (revision 1) with the title, portfolio, "
            + "calendar and the goal as a press release. The server chooses the plan id.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = NewPlan.class)))
    public ResponseEntity<Map<String, Object>> create(HttpServletRequest request, @RequestBody JsonNode body) {
        NewPlan plan = requests.read(body, NewPlan.class);
        UUID planId = UUID.randomUUID();
        CreatePlan command = new CreatePlan(planId, plan.title(), plan.portfolio(), plan.calendar(), plan.holidays(),
                plan.goal());
        return writes.send(request, body, new PlanWrites.Write(planId, expected -> command, HttpStatus.CREATED,
                URI.create("/api/plans/" + planId), PlanWrites.answer(planId)));
    }

    @PatchMapping("/{planId}")
    @Operation(summary = "Change title, portfolio or calendar", description = "Fields left out stay as they are; reason required.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ChangePlanDetails.class)))
    public ResponseEntity<Map<String, Object>> changeDetails(HttpServletRequest request, @PathVariable UUID planId,
                                                             @RequestBody JsonNode body) {
        return writes.change(request, planId, "changePlanDetails", body, Map.of());
    }

    @PostMapping("/{planId}/approve")
    @Operation(summary = "Approve the plan", description = "DRAFT → ACTIVE; needs a success metric and a milestone, "
            + "and captures the baseline named \"approved\".")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApprovePlan.class)))
    public ResponseEntity<Map<String, Object>> approve(HttpServletRequest request, @PathVariable UUID planId,
                                                       @RequestBody(required = false) JsonNode body) {
        return writes.change(request, planId, "approve", body, Map.of());
    }

    @PostMapping("/{planId}/achieve")
    @Operation(summary = "Record that the goal was achieved", description = "ACTIVE → ACHIEVED on the day given as `on`.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = AchieveGoal.class)))
    public ResponseEntity<Map<String, Object>> achieve(HttpServletRequest request, @PathVariable UUID planId,
                                                       @RequestBody JsonNode body) {
        return writes.change(request, planId, "achieve", body, Map.of());
    }

    @PostMapping("/{planId}/abandon")
    @Operation(summary = "Abandon the plan", description = "Final; the reason is required.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = AbandonPlan.class)))
    public ResponseEntity<Map<String, Object>> abandon(HttpServletRequest request, @PathVariable UUID planId,
                                                       @RequestBody JsonNode body) {
        return writes.change(request, planId, "abandon", body, Map.of());
    }
}
