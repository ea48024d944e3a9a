package dev.backcast.server.branches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.command.plan.PlanRejection;
import dev.backcast.command.web.DeleteReasons;
import dev.backcast.command.web.InvalidRequest;
import dev.backcast.command.web.PlanWrites;
import dev.backcast.command.web.WriteProblems;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.Reason;
import dev.backcast.plan.branches.BranchPlan;
import dev.backcast.plan.branches.BranchStatus;
import dev.backcast.plan.branches.DiscardBranch;
import dev.backcast.plan.branches.MarkBranchMerged;
import dev.backcast.plan.branches.MergeBranch;
import dev.backcast.plan.forecasting.ReferenceRecord;
import dev.backcast.query.diff.DiffController;
import dev.backcast.query.diff.PlanDiff;
import dev.backcast.query.forecasts.CalibratedForecasts;
import dev.backcast.query.forecasts.ForecastController;
import dev.backcast.query.forecasts.PlanForecast;
import dev.backcast.query.forecasts.ReferenceRecords;
import dev.backcast.query.plans.PlanDocuments;
import dev.backcast.query.plans.PlanReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What-if branches of a plan: starting one from any revision, listing them, comparing one with the plan of record,
 * merging its changes as one refinement of the plan of record, and discarding it. Everything else a plan offers is
 * offered on a branch by {@link BranchPaths}.
 */
@RestController
@Tag(name = "What-if branches")
public class BranchController {

    private static final int RUNS = Integer.parseInt(ForecastController.DEFAULT_RUNS);
    private static final long SEED = Long.parseLong(ForecastController.DEFAULT_SEED);

    private final PlanWrites writes;
    private final PlanReader reader;
    private final Branches branches;
    private final DiffController diffs;
    private final CalibratedForecasts forecasts;
    private final ReferenceRecords records;
    private final EventStore eventStore;
    private final CommandGateway commands;
    private final ObjectMapper json;
    private final Clock clock;

    public BranchController(PlanWrites writes, PlanReader reader, Branches branches, DiffController diffs,
                            CalibratedForecasts forecasts, ReferenceRecords records, EventStore eventStore,
                            CommandGateway commands, ObjectMapper json, Clock clock) {
        this.writes = writes;
        this.reader = reader;
        this.branches = branches;
        this.diffs = diffs;
        this.forecasts = forecasts;
        this.records = records;
        this.eventStore = eventStore;
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/api/plans/{planId}/branches")
    @Operation(summary = "Start a what-if branch", description = "Body {name, fromRevision?}: a branch of the plan as "
            + "it stood at fromRevision (default its latest revision), a plan of its own that every read and write of "
            + "a plan works on at /api/plans/{planId}/branches/{branchId}/…, never seen in the plan of record, lists, "
            + "the portfolio, exports or the plan's audit chain.")
    public ResponseEntity<Map<String, Object>> branch(HttpServletRequest request, @PathVariable UUID planId,
                                                      @RequestBody JsonNode body) {
        String name = body != null && body.hasNonNull("name") && body.get("name").isTextual()
                ? body.get("name").asText() : null;
        if (name == null || name.isBlank()) {
            throw new InvalidRequest("name", "A branch needs a name saying what it tries, e.g. \"Certification "
                    + "takes 30 days more\"");
        }
        JsonNode from = body.get("fromRevision");
        if (from != null && !from.isNull() && !from.canConvertToLong()) {
            throw new InvalidRequest("fromRevision", "fromRevision is a revision of the plan, a whole number");
        }
        long head = reader.head(planId);
        long fromRevision = from == null || from.isNull() ? head : from.asLong();
        PlanState origin = reader.at(planId, fromRevision).state();
        UUID branchId = UUID.randomUUID();
        Map<String, Object> answer = PlanWrites.answer(planId);
        answer.put("branchId", branchId);
        answer.put("fromRevision", fromRevision);
        return writes.send(request, body, new PlanWrites.Write(branchId,
                expected -> new BranchPlan(branchId, name, fromRevision, origin), HttpStatus.CREATED,
                URI.create("/api/plans/" + planId + "/branches/" + branchId), answer));
    }

    @GetMapping("/api/plans/{planId}/branches")
    @Operation(summary = "The plan's what-if branches", description = "Oldest first: name, the revision each started "
            + "from, OPEN, MERGED or DISCARDED, its own revision and its goal forecast.")
    public List<Branches.BranchSummary> list(@PathVariable UUID planId) {
        reader.head(planId);
        return branches.of(planId);
    }

    /**
     * A branch set against its plan of record.
     *
     * @param diff   from the plan (at {@code planRevision}) to the branch, in the shape of {@code /diff}; its
     *               revisions are the branch's own
     * @param plan   the plan of record's goal outlook
     * @param branch the branch's goal outlook
     */
    public record Comparison(UUID planId, UUID branchId, long planRevision, long branchRevision, PlanDiff diff,
                             Outlook plan, Outlook branch) {
    }

    /** A goal outlook: the plain forecast, and the calibrated one when there is history enough. */
    public record Outlook(LocalDate targetDate, LocalDate forecastGoalDate, int lateByDays, boolean calibrated,
                          LocalDate calibratedP50, LocalDate calibratedP80, Double probabilityOfMeetingTarget) {

        static Outlook of(PlanState plan, LocalDate day, PlanForecast forecast) {
            PlanDocuments.GoalOutlook outlook = PlanDocuments.GoalOutlook.asOf(plan, day);
            return new Outlook(plan.targetDate(), outlook.forecastGoalDate(), outlook.lateByDays(),
                    forecast.calibrated(), forecast.calibrated() ? forecast.goal().p50() : null,
                    forecast.calibrated() ? forecast.goal().p80() : null, forecast.probabilityOfMeetingTarget());
        }
    }

    @GetMapping("/api/plans/{planId}/branches/{branchId}/compare")
    @Operation(summary = "Compare a branch with its plan of record", description = "The branch against the plan's "
            + "latest revision (or `revision`): the same shape as /diff, plus the plain goal forecast and the "
            + "calibrated P80 of both.")
    public Comparison compare(@PathVariable UUID planId, @PathVariable UUID branchId,
                              @RequestParam(required = false) Long revision,
                              @RequestParam(required = false) Long minRevision) {
        branches.requireBranchOf(planId, branchId);
        if (minRevision != null) {
            reader.awaitRevision(branchId, minRevision);
        }
        PlanState plan = revision == null ? reader.currentState(planId) : reader.at(planId, revision).state();
        PlanState branch = reader.currentState(branchId);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        ReferenceRecord record = records.load(forecasts.isExample(planId), now, today);
        PlanDiff diff = DiffController.between(planId, plan.revision(), branch.revision(), plan, branch.under(plan),
                today, diffs.revisions(branchId, 1, branch.revision()));
        return new Comparison(planId, branchId, plan.revision(), branch.revision(), diff,
                Outlook.of(plan, today, CalibratedForecasts.forecast(plan, record, RUNS, SEED)),
                Outlook.of(branch, today, CalibratedForecasts.forecast(branch, record, RUNS, SEED)));
    }

    @PostMapping("/api/plans/{planId}/branches/{branchId}/merge")
    @Operation(summary = "Merge a branch into its plan of record", description = "Body {message?}; If-Match the "
            + "plan of record's revision. Records the branch's changes, each with its own reason, on the plan of "
            + "record as one refinement, and closes the branch as merged. Refused (409) when the plan of record "
            + "changed an element the branch changed too since the branch began.")
    public ResponseEntity<Map<String, Object>> merge(HttpServletRequest request, @PathVariable UUID planId,
                                                     @PathVariable UUID branchId,
                                                     @RequestBody(required = false) JsonNode body) {
        branches.requireBranchOf(planId, branchId);
        Optional<ResponseEntity<Map<String, Object>>> answered = writes.storedAnswer(request, body);
        if (answered.isPresent()) {
            reader.awaitRevision(branchId, reader.head(branchId));
            PlanState branch = reader.currentState(branchId);
            if (branch.branch().status() == BranchStatus.OPEN) {
                markMerged(branch, ((Number) answered.get().getBody().get("revision")).longValue());
            }
            return answered.get();
        }
        reader.awaitRevision(branchId, reader.head(branchId));
        PlanState branch = reader.currentState(branchId);
        if (branch.branch().status() != BranchStatus.OPEN) {
            throw PlanRejection.branchClosed(branch.branch().status());
        }
        reader.awaitRevision(planId, reader.head(planId));
        PlanState plan = reader.currentState(planId);
        List<PlanEvent> changes = new ArrayList<>();
        eventStore.readEvents(branchId.toString(), 1).asStream()
                .takeWhile(event -> event.getSequenceNumber() < branch.revision())
                .forEach(event -> changes.add((PlanEvent) event.getPayload()));
        List<MergeConflicts.Conflict> conflicts = MergeConflicts.between(
                reader.at(planId, branch.branch().fromRevision()).state(), plan, reader.at(branchId, 1).state(),
                changes);
        if (!conflicts.isEmpty()) {
            throw new BranchConflict(branch.branch().name(), branch.branch().fromRevision(), conflicts);
        }
        String message = body != null && body.hasNonNull("message") && body.get("message").isTextual()
                ? body.get("message").asText() : "Merged what-if branch \"" + branch.branch().name() + "\"";
        String name = branch.branch().name();
        Map<String, Object> answer = PlanWrites.answer(planId);
        answer.put("branchId", branchId);
        answer.put("changes", changes.size());
        ResponseEntity<Map<String, Object>> merged = writes.send(request, body, new PlanWrites.Write(planId,
                expected -> new MergeBranch(planId, expected != null ? expected : plan.revision() - 1, branchId, name,
                        UUID.randomUUID(), message, changes), HttpStatus.OK, null, answer));
        markMerged(branch, ((Number) merged.getBody().get("revision")).longValue());
        reader.awaitRevision(branchId, branch.revision() + 1);
        return merged;
    }

    /**
     * Closes the branch once the plan of record holds its changes; refused, as a conflict, if the branch changed
     * since its events were read, and then the plan of record holds what was read and the branch stays open. The
     * answer waits until the branch reads as closed, so the plan's list of branches shows it at once.
     */
    private void markMerged(PlanState branch, long mergedIntoRevision) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new MarkBranchMerged(branch.planId(),
                        branch.revision() - 1, mergedIntoRevision))
                .andMetaData(Map.of("author", SecurityContextHolder.getContext().getAuthentication().getName(),
                        "correlationId", UUID.randomUUID().toString())));
    }

    @DeleteMapping("/api/plans/{planId}/branches/{branchId}")
    @Operation(summary = "Discard a branch", description = "Reason required ({\"reason\": {...}} or "
            + "?category=&note=). The branch stays in the record, read-only, as discarded.")
    public ResponseEntity<Map<String, Object>> discard(HttpServletRequest request, @PathVariable UUID planId,
                                                       @PathVariable UUID branchId,
                                                       @RequestBody(required = false) JsonNode body,
                                                       @RequestParam(required = false) String category,
                                                       @RequestParam(required = false) String note) {
        branches.requireBranchOf(planId, branchId);
        JsonNode withReason = DeleteReasons.withReason(body, category, note);
        Reason reason = reasonOf(withReason);
        Map<String, Object> answer = PlanWrites.answer(planId);
        answer.put("branchId", branchId);
        ResponseEntity<Map<String, Object>> discarded = writes.send(request, withReason, new PlanWrites.Write(branchId,
                expected -> new DiscardBranch(branchId, expected, reason), HttpStatus.OK, null, answer));
        reader.awaitRevision(branchId, ((Number) discarded.getBody().get("revision")).longValue());
        return discarded;
    }

    private Reason reasonOf(JsonNode body) {
        if (body == null || !body.hasNonNull("reason")) {
            return null;
        }
        try {
            return json.treeToValue(body.get("reason"), Reason.class);
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            throw new InvalidRequest("reason", "reason is {\"category\": one of SCOPE, ESTIMATE, DEPENDENCY, "
                    + "RESOURCING, EXTERNAL, FEEDBACK, OTHER, \"note\": \"...\"}");
        }
    }

    /** The branch and the plan of record both changed the same elements. */
    static class BranchConflict extends RuntimeException {

        private final transient List<MergeConflicts.Conflict> conflicts;

        BranchConflict(String name, long fromRevision, List<MergeConflicts.Conflict> conflicts) {
            super("The plan of record changed " + conflicts.size() + " element" + (conflicts.size() == 1 ? "" : "s")
                    + " that the branch \"" + name + "\" changed too since it began at revision " + fromRevision
                    + ": " + String.join(", ", conflicts.stream().map(MergeConflicts.Conflict::element).toList())
                    + ". Make the branch agree with the plan of record on them, or start a new branch from its latest "
                    + "revision, then merge");
            this.conflicts = conflicts;
        }
    }

    @ExceptionHandler(BranchConflict.class)
    ResponseEntity<ProblemDetail> conflict(BranchConflict conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        problem.setTitle("The branch conflicts with the plan of record");
        problem.setType(WriteProblems.type("branch-conflict"));
        problem.setProperty("conflicts", conflict.conflicts);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
