package dev.backcast.command.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backcast.command.plan.RefinementRejected;
import dev.backcast.command.web.InvalidRequest;
import dev.backcast.command.web.PlanWrites;
import dev.backcast.command.web.WriteProblems;
import dev.backcast.plan.ImportPlan;
import dev.backcast.plan.PlanChange;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.milestones.AddMilestone;
import dev.backcast.plan.milestones.ReachMilestone;
import dev.backcast.plan.steps.AddStep;
import dev.backcast.plan.steps.MarkStepDone;
import dev.backcast.plan.scheduling.BackwardScheduler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Imports a schedule from Microsoft Project, Primavera P6, ProjectLibre, GanttProject, GNOME Planner or MPX as a new
 * DRAFT plan recorded as one change set, or previews the import without recording anything.
 */
@RestController
@RequestMapping("/api/plans/imports")
@Tag(name = "Imports", description = "Schedules from other planning tools as new plans")
public class ImportController {

    /** The largest schedule file taken; the request may hold a few form fields besides. */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private static final long WAIT_FOR_READING_SECONDS = 30;

    /** A file is held in memory while it is read; one at a time keeps that bounded whatever arrives at once. */
    private final Semaphore reading = new Semaphore(1);
    private final PlanWrites writes;
    private final ObjectMapper json;
    private final Clock clock;

    public ImportController(PlanWrites writes, ObjectMapper json, Clock clock) {
        this.writes = writes;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Import a schedule as a new DRAFT plan", description = "Multipart `file` (any format "
            + "named in the README; recognised by content, not name, at most 50 MiB), optional `title`, `portfolio` "
            + "and `targetDate`. Records the plan and its milestones, progress and baselines as one change set "
            + "attributed to you, or nothing. Answers 201 with `planId`, `revision` and the import `report`: every "
            + "task's milestone, due date and the late finish the file stored, the baselines, and a warning for "
            + "everything approximated.")
    public ResponseEntity<Map<String, Object>> create(HttpServletRequest request,
                                                      @RequestParam(required = false) String title,
                                                      @RequestParam(required = false) String portfolio,
                                                      @RequestParam(required = false) LocalDate targetDate,
                                                      @RequestPart("file") MultipartFile file) {
        Decided decided = decide(file, title, portfolio, targetDate);
        ImportPlan command = decided.command();
        Map<String, Object> answer = PlanWrites.answer(command.planId());
        answer.put("changeSetId", command.changeSetId());
        answer.put("report", decided.report());
        ObjectNode requestIdentity = json.createObjectNode().put("file", decided.report().file().sha256())
                .put("title", title).put("portfolio", portfolio)
                .put("targetDate", targetDate == null ? null : targetDate.toString());
        return writes.send(request, requestIdentity, new PlanWrites.Write(command.planId(), expected -> command,
                HttpStatus.CREATED, URI.create("/api/plans/" + command.planId()), answer, decided.revision()));
    }

    @PostMapping("/preview")
    @Operation(summary = "Preview an import", description = "Records nothing. Reads the file exactly as importing "
            + "would and answers the import report, or the problem importing would meet.")
    public ImportReport preview(@RequestParam(required = false) String title,
                                @RequestParam(required = false) String portfolio,
                                @RequestParam(required = false) LocalDate targetDate,
                                @RequestPart("file") MultipartFile file) {
        return decide(file, title, portfolio, targetDate).report();
    }

    @ExceptionHandler(ScheduleRejected.class)
    ResponseEntity<ProblemDetail> rejected(ScheduleRejected rejected) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(rejected.status(), rejected.getMessage());
        problem.setType(WriteProblems.type(rejected.type()));
        problem.setTitle(rejected.title());
        return ResponseEntity.status(rejected.status()).body(problem);
    }

    private record Decided(ImportPlan command, ImportReport report, long revision) {
    }

    private Decided decide(MultipartFile file, String title, String portfolio, LocalDate targetDate) {
        if (file.isEmpty()) {
            throw new InvalidRequest("file", "Send the schedule as a non-empty multipart part named `file`");
        }
        LocalDate today = LocalDate.now(clock);
        String fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "schedule"
                : file.getOriginalFilename().replaceAll("^.*[/\\\\]", "");
        ScheduleMapping.Mapped mapped;
        byte[] content;
        acquireReading();
        try {
            content = file.getBytes();
            ScheduleFiles.Read read = ScheduleFiles.read(content);
            mapped = ScheduleMapping.map(read, new ScheduleMapping.Request(fileName, sha256(content),
                    content.length, title, portfolio, targetDate), today);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } finally {
            reading.release();
        }
        List<PlanEvent> events;
        try {
            events = ImportDecisions.decide(mapped.command(), today);
        } catch (RefinementRejected rejected) {
            throw refused(mapped, rejected);
        }
        PlanState plan = PlanState.replay(events);
        return new Decided(mapped.command(), mapped.report().complete(mapped.command(),
                BackwardScheduler.schedule(plan, today)), plan.revision());
    }

    /** A change the plan refuses, named by the task it came from. */
    private static RuntimeException refused(ScheduleMapping.Mapped mapped, RefinementRejected rejected) {
        PlanChange change = mapped.command().changes().get(rejected.changeIndex());
        UUID milestoneId;
        if (change instanceof AddMilestone added) {
            milestoneId = added.milestoneId();
        } else if (change instanceof ReachMilestone reached) {
            milestoneId = reached.milestoneId();
        } else if (change instanceof AddStep step) {
            milestoneId = step.milestoneId();
        } else {
            milestoneId = ((MarkStepDone) change).milestoneId();
        }
        ImportReport.ImportedMilestone task = mapped.report().milestones().stream()
                .filter(candidate -> candidate.milestoneId().equals(milestoneId)).findFirst().orElseThrow();
        return ScheduleRejected.unrepresentable("Task #" + task.taskId() + " '" + task.name()
                + "' cannot become a milestone: " + rejected.rejection().getMessage());
    }

    private void acquireReading() {
        try {
            if (!reading.tryAcquire(WAIT_FOR_READING_SECONDS, TimeUnit.SECONDS)) {
                throw new ScheduleRejected(HttpStatus.SERVICE_UNAVAILABLE, "import-busy", "Another import is being "
                        + "read", "Another schedule is being read; try again in a minute");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to read the schedule", interrupted);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
