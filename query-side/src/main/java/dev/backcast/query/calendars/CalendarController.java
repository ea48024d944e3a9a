package dev.backcast.query.calendars;

import dev.backcast.query.plans.PlanReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.UUID;

/** Calendar feeds of plans' dates, to subscribe to from any calendar app. */
@RestController
@Tag(name = "Exports")
public class CalendarController {

    private static final MediaType ICALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final PlanCalendars calendars;
    private final PlanReader reader;

    public CalendarController(PlanCalendars calendars, PlanReader reader) {
        this.calendars = calendars;
        this.reader = reader;
    }

    @GetMapping("/api/plans/{planId}/calendar.ics")
    @Operation(summary = "A plan's dates as iCalendar", description = "One all-day event per milestone due date and "
            + "for the target date, with stable UIDs, SEQUENCE the revision that last moved the date, the plan's "
            + "URL and the last move's reason. Calendar apps subscribe with a read-only API token as ?token=.")
    public ResponseEntity<byte[]> plan(@PathVariable UUID planId, HttpServletRequest request) {
        reader.requireNoRebuild();
        reader.head(planId);
        return ResponseEntity.ok().contentType(ICALENDAR).body(calendars.plan(planId, site(request)));
    }

    @GetMapping("/api/portfolio/calendar.ics")
    @Operation(summary = "The dates of every open plan as iCalendar", description = "Draft and active plans of "
            + "`portfolio`, or of all portfolios; the same events as a plan's calendar.")
    public ResponseEntity<byte[]> portfolio(@RequestParam(required = false) String portfolio,
                                            HttpServletRequest request) {
        reader.requireNoRebuild();
        String chosen = portfolio == null || portfolio.isBlank() ? null : portfolio.strip();
        return ResponseEntity.ok().contentType(ICALENDAR).body(calendars.portfolio(chosen, site(request)));
    }

    private static URI site(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replacePath("/").replaceQuery(null).build().toUri();
    }
}
