package dev.backcast.server.ui.history;

import dev.backcast.plan.ReasonCategory;
import dev.backcast.query.diff.DiffController;
import dev.backcast.query.history.RevisionPage;
import dev.backcast.query.history.RevisionsController;
import dev.backcast.query.plans.PlanDocument;
import dev.backcast.query.plans.PlanReader;
import dev.backcast.server.ui.Filters;
import dev.backcast.server.ui.plans.PlanSheet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/**
 * How a plan came to be: its revisions with their authors and reasons, a slider that shows the whole plan as it stood
 * at any revision, and two revisions compared as a redline.
 */
@Controller
@RequestMapping("/plans/{planId}")
public class HistoryPages {

    private static final int REVISIONS_PER_PAGE = 100;

    private final PlanReader reader;
    private final RevisionsController revisions;
    private final DiffController diffs;

    public HistoryPages(PlanReader reader, RevisionsController revisions, DiffController diffs) {
        this.reader = reader;
        this.revisions = revisions;
        this.diffs = diffs;
    }

    @GetMapping("/history")
    public String history(@PathVariable UUID planId,
                          @RequestParam(required = false) String author,
                          @RequestParam(required = false) String type,
                          @RequestParam(required = false) ReasonCategory reasonCategory,
                          @RequestParam(required = false) String cursor,
                          @RequestParam(required = false) Long revision,
                          Model model) {
        PlanDocument current = reader.current(planId);
        String authorFilter = Filters.optional(author);
        String typeFilter = Filters.optional(type);
        model.addAttribute("plan", current);
        model.addAttribute("revisions", revisions.revisions(planId, "newest", null, null, null, null, authorFilter,
                typeFilter, reasonCategory, REVISIONS_PER_PAGE, Filters.optional(cursor), null));
        model.addAttribute("author", authorFilter);
        model.addAttribute("type", typeFilter);
        model.addAttribute("reasonCategory", reasonCategory);
        model.addAttribute("reasons", ReasonCategory.values());
        addRevision(model, planId, revision == null ? current.revision() : revision);
        return "history";
    }

    /** The plan at one revision, swapped into the history page as the slider moves. */
    @GetMapping("/at")
    public String atRevision(@PathVariable UUID planId, @RequestParam long revision, Model model) {
        model.addAttribute("plan", reader.current(planId));
        addRevision(model, planId, revision);
        return "history-parts :: slider-update";
    }

    @GetMapping("/compare")
    public String compare(@PathVariable UUID planId, @RequestParam long from, @RequestParam long to, Model model) {
        model.addAttribute("plan", reader.current(planId));
        model.addAttribute("diff", diffs.diff(planId, from, to, null));
        model.addAttribute("labels", ChangeLabels.of(reader.atRevision(planId, from), reader.atRevision(planId, to)));
        return "compare";
    }

    private void addRevision(Model model, UUID planId, long revision) {
        model.addAttribute("sheetAt", PlanSheet.of(reader.atRevision(planId, revision)));
        RevisionPage entry = revisions.revisions(planId, "oldest", revision, revision, null, null, null, null, null,
                1, null, null);
        model.addAttribute("entryAt", entry.items().isEmpty() ? null : entry.items().get(0));
    }
}
