package dev.backcast.command.risks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.command.web.PlanWrites;
import dev.backcast.plan.risks.CloseRisk;
import dev.backcast.plan.risks.IdentifyRisk;
import dev.backcast.plan.risks.ReassessRisk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** Identifying, reassessing and closing the risks to a plan. */
@RestController
@RequestMapping("/api/plans/{planId}/risks")
@Tag(name = "Risks", description = "Threats to the plan, rated by likelihood and impact")
public class RiskController {

    private final PlanWrites writes;

    public RiskController(PlanWrites writes) {
        this.writes = writes;
    }

    @PostMapping
    @Operation(summary = "Identify a risk", description = "likelihood and impact 1..5; riskId may be chosen by the client.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = IdentifyRisk.class)))
    public ResponseEntity<Map<String, Object>> identify(HttpServletRequest request, @PathVariable UUID planId,
                                                        @RequestBody JsonNode body) {
        return writes.change(request, planId, "identifyRisk", body, Map.of());
    }

    @PatchMapping("/{riskId}")
    @Operation(summary = "Reassess or close a risk", description = "With `outcome` (MITIGATED, CLOSED or "
            + "MATERIALISED) and an optional `note` the risk is closed; otherwise description, likelihood, impact "
            + "and mitigation are reassessed (fields left out stay as they are, reason required).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(oneOf = {ReassessRisk.class, CloseRisk.class})))
    public ResponseEntity<Map<String, Object>> reassessOrClose(HttpServletRequest request, @PathVariable UUID planId,
                                                               @PathVariable UUID riskId, @RequestBody JsonNode body) {
        String op = body != null && body.has("outcome") ? "closeRisk" : "reassessRisk";
        return writes.change(request, planId, op, body, Map.of("riskId", riskId));
    }
}
