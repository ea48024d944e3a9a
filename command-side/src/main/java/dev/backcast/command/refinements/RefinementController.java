package dev.backcast.command.refinements;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.command.web.ChangeRequests;
import dev.backcast.command.web.InvalidRequest;
import dev.backcast.command.web.PlanWrites;
import dev.backcast.plan.PlanChange;
import dev.backcast.plan.RefinePlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Refinements: several changes applied as one atomic change set with one message. */
@RestController
@RequestMapping("/api/plans/{planId}/refinements")
@Tag(name = "Refinements", description = "Several changes recorded together or not at all")
public class RefinementController {

    private final PlanWrites writes;
    private final ChangeRequests requests;

    public RefinementController(PlanWrites writes, ChangeRequests requests) {
        this.writes = writes;
        this.requests = requests;
    }

    @PostMapping
    @Operation(summary = "Apply a refinement", description = "All changes are recorded as one change set, or none is: "
            + "a refused change is named by its index. Each change is {\"op\": ..., ...} with the fields of its "
            + "single-change request and the id of what it changes. Answers the questions named in `answers`.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RefinementRequest.class)))
    public ResponseEntity<Map<String, Object>> refine(HttpServletRequest request, @PathVariable UUID planId,
                                                      @RequestBody JsonNode body) {
        RefinementRequest refinement = requests.read(body, RefinementRequest.class);
        if (refinement.changes() == null || refinement.changes().isEmpty()) {
            throw new InvalidRequest("changes", "A refinement needs at least one change in `changes`");
        }
        List<PlanChange> changes = new ArrayList<>();
        List<Map<String, Object>> created = new ArrayList<>();
        for (int index = 0; index < refinement.changes().size(); index++) {
            PlanChange change = requests.toChange(null, refinement.changes().get(index), Map.of(),
                    "changes[" + index + "].");
            changes.add(change);
            String op = refinement.changes().get(index).get("op").asText();
            String idField = ChangeRequests.NEW_ELEMENT_ID_FIELDS.get(op);
            if (idField != null) {
                created.add(Map.of("index", index, idField, requests.idOf(change, idField)));
            }
        }
        UUID changeSetId = UUID.randomUUID();
        Map<String, Object> answer = PlanWrites.answer(planId);
        answer.put("changeSetId", changeSetId);
        answer.put("created", created);
        return writes.send(request, body, new PlanWrites.Write(planId,
                expected -> new RefinePlan(planId, expected, changeSetId, refinement.message(), refinement.answers(),
                        changes),
                HttpStatus.OK, null, answer));
    }
}
