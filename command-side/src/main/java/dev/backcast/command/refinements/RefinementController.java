package dev.backcast.command.refinements;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcast.command.plan.RecordedPlans;
import dev.backcast.command.web.ChangeRequests;
import dev.backcast.command.web.InvalidRequest;
import dev.backcast.command.web.PlanWrites;
import dev.backcast.plan.PlanChange;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.RefinePlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Refinements: several changes applied as one atomic change set with one message, or previewed first. */
@RestController
@RequestMapping("/api/plans/{planId}/refinements")
@Tag(name = "Refinements", description = "Several changes recorded together or not at all")
public class RefinementController {

    private final PlanWrites writes;
    private final ChangeRequests requests;
    private final RecordedPlans plans;
    private final Clock clock;

    public RefinementController(PlanWrites writes, ChangeRequests requests, RecordedPlans plans, Clock clock) {
        this.writes = writes;
        this.requests = requests;
        this.plans = plans;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Apply a refinement", description = "All changes are recorded as one change set, or none is: "
            + "a refused change is named by its index. Each change is {\"op\": ..., ...} with the fields of its "
            + "single-change request and the id of what it changes. Answers the questions named in `answers`.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RefinementRequest.class)))
    public ResponseEntity<Map<String, Object>> refine(HttpServletRequest request, @PathVariable UUID planId,
                                                      @RequestBody JsonNode body) {
        RefinePlan refinement = refinement(planId, body);
        List<Map<String, Object>> created = new ArrayList<>();
        for (int index = 0; index < refinement.changes().size(); index++) {
            PlanChange change = refinement.changes().get(index);
            String idField = ChangeRequests.NEW_ELEMENT_ID_FIELDS.get(change.op());
            if (idField != null) {
                created.add(Map.of("index", index, idField, requests.idOf(change, idField)));
            }
        }
        Map<String, Object> answer = PlanWrites.answer(planId);
        answer.put("changeSetId", refinement.changeSetId());
        answer.put("created", created);
        return writes.send(request, body, new PlanWrites.Write(planId,
                expected -> new RefinePlan(planId, expected, refinement.changeSetId(), refinement.message(),
                        refinement.answers(), refinement.changes()),
                HttpStatus.OK, null, answer));
    }

    @PostMapping("/preview")
    @Operation(summary = "Preview a refinement", description = "Records nothing. Decides the refinement against the "
            + "plan as it is now, exactly as applying it would, and answers what it would do to the dates: the target "
            + "date, must-start-by and forecast goal date before and after, and each milestone's due, start-by and "
            + "forecast before and after (ADDED, REMOVED, MOVED or UNCHANGED), from the goal backward. A refinement "
            + "that would be refused is refused with the same problem. `ETag` is the revision previewed: send the "
            + "refinement with it as `If-Match` to record it only if the plan has not changed since.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RefinementRequest.class)))
    public ResponseEntity<RefinementPreview> preview(HttpServletRequest request, @PathVariable UUID planId,
                                                     @RequestBody JsonNode body) {
        RefinePlan refinement = refinement(planId, body);
        Long expectedVersion = PlanWrites.expectedVersion(request.getHeader(HttpHeaders.IF_MATCH));
        PlanState plan = plans.current(planId);
        long version = plan.revision() - 1;
        // In the order the write would refuse: a revision the plan has not reached when the plan is loaded, an older
        // one only after the refinement was decided, so a refused change is named even on a stale revision.
        if (expectedVersion != null && expectedVersion > version) {
            throw new ConflictingAggregateVersionException(planId.toString(), expectedVersion, version);
        }
        RefinementPreview preview = RefinementPreview.of(plan, refinement, LocalDate.now(clock));
        if (expectedVersion != null && expectedVersion < version) {
            throw new ConflictingAggregateVersionException(planId.toString(), expectedVersion, version);
        }
        return ResponseEntity.ok().eTag(PlanWrites.etag(plan.revision())).body(preview);
    }

    /** The body as the command both applying and previewing decide, with a new change set id. */
    private RefinePlan refinement(UUID planId, JsonNode body) {
        RefinementRequest refinement = requests.read(body, RefinementRequest.class);
        if (refinement.changes() == null || refinement.changes().isEmpty()) {
            throw new InvalidRequest("changes", "A refinement needs at least one change in `changes`");
        }
        List<PlanChange> changes = new ArrayList<>();
        for (int index = 0; index < refinement.changes().size(); index++) {
            changes.add(requests.toChange(null, refinement.changes().get(index), Map.of(), "changes[" + index + "]."));
        }
        return new RefinePlan(planId, null, UUID.randomUUID(), refinement.message(), refinement.answers(), changes);
    }
}
