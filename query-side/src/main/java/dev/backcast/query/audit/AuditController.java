package dev.backcast.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.query.events.PlanEventsController;
import dev.backcast.query.web.BadQuery;
import dev.backcast.query.web.UnknownPlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Proof that the record of decisions is as it was recorded: chain verification, seals and evidence packages. */
@RestController
@Tag(name = "Audit", description = "Tamper evidence: verify the chain of recorded events, take and check seals, "
        + "export evidence packages")
public class AuditController {

    private static final int MAX_SEALS = 500;

    private final StoredEvents events;
    private final Seals seals;
    private final AuditPackages packages;
    private final ObjectMapper json;

    public AuditController(StoredEvents events, Seals seals, AuditPackages packages, ObjectMapper json) {
        this.events = events;
        this.seals = seals;
        this.packages = packages;
        this.json = json;
    }

    @GetMapping("/api/plans/{planId}/audit")
    @Operation(summary = "Whether the plan's recorded history is intact", description = "Recomputes the plan's chain "
            + "from its stored events; when it breaks, names the first revision that fails, how (CHANGED, MISSING, "
            + "INSERTED, REORDERED), and the expected and found hashes.")
    public ChainReport plan(@PathVariable UUID planId) {
        String plan = planId.toString();
        if (!events.exists(plan)) {
            throw new UnknownPlan(planId);
        }
        return events.ofPlan(plan, Long.MAX_VALUE, stored -> ChainVerification.verify(plan, stored, Long.MAX_VALUE));
    }

    @GetMapping(value = "/api/audit", produces = "application/x-ndjson")
    @Operation(summary = "Verify the whole store, streamed", description = "One NDJSON line per plan as it is "
            + "verified (its report), then a line with the summary: plans, intact, broken, events, seconds and "
            + "events per second. The store is read through a cursor, never loaded at once.")
    public ResponseEntity<StreamingResponseBody> all() {
        StreamingResponseBody body = output -> {
            try (JsonGenerator lines = json.getFactory().createGenerator(output)) {
                lines.setRootValueSeparator(null);
                long started = System.nanoTime();
                long[] intactAndBroken = new long[2];
                long verified = events.eachPlan((planId, stored) -> {
                    ChainReport report = ChainVerification.verify(planId, stored, Long.MAX_VALUE);
                    intactAndBroken[report.intact() ? 0 : 1]++;
                    write(lines, report);
                });
                double seconds = (System.nanoTime() - started) / 1e9;
                write(lines, Map.of("summary", Map.of("plans", intactAndBroken[0] + intactAndBroken[1],
                        "intact", intactAndBroken[0], "broken", intactAndBroken[1],
                        "events", verified, "seconds", seconds, "eventsPerSecond",
                        seconds > 0 ? Math.round(verified / seconds) : verified)));
            }
        };
        return ResponseEntity.ok().contentType(PlanEventsController.NDJSON).body(body);
    }

    @PostMapping("/api/audit/seals")
    @Operation(summary = "Take a seal now", description = "Signs, with the server's Ed25519 key, every plan's head "
            + "revision and chain hash and the Merkle root over them. Keep the answer outside Backcast.")
    public ResponseEntity<SealStatement> seal() {
        return ResponseEntity.status(HttpStatus.CREATED).body(seals.take());
    }

    @GetMapping("/api/audit/seals")
    @Operation(summary = "The seals kept, newest first")
    public List<SealStatement> kept(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_SEALS) {
            throw new BadQuery("limit", "limit must be between 1 and " + MAX_SEALS);
        }
        return seals.recent(limit);
    }

    @GetMapping("/api/audit/seals/{sealId}")
    @Operation(summary = "One kept seal")
    public ResponseEntity<SealStatement> kept(@PathVariable UUID sealId) {
        return ResponseEntity.of(seals.find(sealId));
    }

    @PostMapping("/api/audit/verify")
    @Operation(summary = "Check a seal against the record as it is now", description = "Rejects (422) a seal this "
            + "server's key did not sign as it stands; otherwise answers whether every plan it covers is unchanged "
            + "up to the sealed revision, and names those that are not.")
    public SealCheck verify(@RequestBody SealStatement seal) {
        return seals.verify(seal);
    }

    @GetMapping(value = "/api/audit/public-key", produces = "application/x-pem-file")
    @Operation(summary = "The public key that verifies seals, as PEM")
    public String publicKey() {
        return seals.publicKeyPem();
    }

    @GetMapping(value = "/api/plans/{planId}/audit/package", produces = "application/zip")
    @Operation(summary = "The plan's evidence package (ZIP)", description = "Events as stored with their chain "
            + "hashes, the newest seal covering the plan with its inclusion proof, the public key and a printable "
            + "report. Check it offline with `java -jar backcast.jar verify package.zip`.")
    public ResponseEntity<StreamingResponseBody> evidence(@PathVariable UUID planId) {
        if (!events.exists(planId.toString())) {
            throw new UnknownPlan(planId);
        }
        StreamingResponseBody body = output -> packages.write(planId, output);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("backcast-plan-" + planId + "-evidence.zip").build().toString())
                .body(body);
    }

    private void write(JsonGenerator lines, Object value) {
        try {
            json.writeValue(lines, value);
            lines.writeRaw('\n');
            lines.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
