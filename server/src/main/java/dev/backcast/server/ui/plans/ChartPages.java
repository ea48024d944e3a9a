package dev.backcast.server.ui.plans;

import dev.backcast.query.plans.PlanReader;
import dev.backcast.query.timeline.TimelineController;
import dev.backcast.server.ui.Downloads;
import dev.backcast.server.ui.Filters;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/**
 * The timeline (Gantt) and trend pages; their charts read the timeline and trend APIs. The baseline select's "none"
 * sends an empty baseline, which here means no baseline; the API, asked by name, refuses a name that is empty.
 */
@Controller
@RequestMapping("/plans/{planId}")
public class ChartPages {

    private final PlanReader reader;
    private final TimelineController timelines;

    public ChartPages(PlanReader reader, TimelineController timelines) {
        this.reader = reader;
        this.timelines = timelines;
    }

    @GetMapping("/timeline")
    public String timeline(@PathVariable UUID planId, @RequestParam(required = false) String baseline, Model model) {
        model.addAttribute("plan", reader.current(planId));
        model.addAttribute("baseline", Filters.optional(baseline));
        return "timeline";
    }

    @GetMapping("/trend")
    public String trend(@PathVariable UUID planId, @RequestParam(defaultValue = "week") String interval, Model model) {
        model.addAttribute("plan", reader.current(planId));
        model.addAttribute("interval", interval);
        return "trend";
    }

    /** The planned-against-actual table as a file, for a link a browser can follow. */
    @GetMapping("/timeline.csv")
    public ResponseEntity<String> timelineCsv(@PathVariable UUID planId,
                                              @RequestParam(required = false) String baseline) {
        return Downloads.attachment(timelines.timelineCsv(planId, Filters.optional(baseline)),
                "timeline-" + planId + ".csv");
    }
}
