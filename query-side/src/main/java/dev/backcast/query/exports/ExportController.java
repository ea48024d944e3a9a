package dev.backcast.query.exports;

import dev.backcast.query.plans.PlanReader;
import dev.backcast.query.web.BadQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** A plan as a schedule file for Microsoft Project, ProjectLibre, GanttProject or GNOME Planner. */
@RestController
@Tag(name = "Exports", description = "Plans as schedule files and calendars")
public class ExportController {

    private final PlanReader reader;
    private final Clock clock;

    public ExportController(PlanReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @GetMapping("/api/plans/{planId}/export")
    @Operation(summary = "Export a plan as a schedule file", description = "`format`: `mspdi` (Microsoft Project "
            + "XML, opened by Microsoft Project, ProjectLibre and GanttProject; the default), `mpx` or `planner`. "
            + "Milestones are tasks finishing on their due dates, scheduled as late as possible from the target "
            + "date; predecessors, deadlines, actual finishes, steps as subtasks and the named baselines as "
            + "Baseline, Baseline1, … travel with them. `revision` exports the plan as it stood then.")
    public ResponseEntity<byte[]> export(@PathVariable UUID planId,
                                         @RequestParam(defaultValue = "mspdi") String format,
                                         @RequestParam(required = false) Long revision) {
        ScheduleFormat chosen = ScheduleFormat.named(format).orElseThrow(() -> new BadQuery("format",
                "format must be one of " + Arrays.stream(ScheduleFormat.values()).map(ScheduleFormat::parameter)
                        .collect(Collectors.joining(", ")) + ", not '" + format + "'"));
        long exported = revision == null ? reader.head(planId) : revision;
        PlanReader.PlanAt plan = reader.at(planId, exported);
        LocalDate asOf = revision == null ? LocalDate.now(clock) : plan.recordedOn();
        byte[] file = ScheduleExport.write(plan.state(), asOf, chosen);
        String slug = plan.state().title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        String name = (slug.isEmpty() ? "plan" : slug) + "-r" + exported + chosen.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .eTag("\"" + exported + "\"")
                .body(file);
    }
}
