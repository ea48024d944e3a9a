package dev.backcast.server.ui.plans;

import dev.backcast.plan.PlanStatus;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.query.plans.PlanPage;
import dev.backcast.query.plans.PlanQueriesController;
import dev.backcast.query.plans.PlanReader;
import dev.backcast.server.branches.Branches;
import dev.backcast.server.ui.Filters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/**
 * The list of plans, a plan as its PR/FAQ document with its write controls, the form that starts a plan and the page
 * that imports one from another tool's schedule.
 */
@Controller
@RequestMapping("/plans")
public class PlanPages {

    private static final int LIST_SIZE = 50;

    private final PlanQueriesController plans;
    private final PlanReader reader;
    private final Branches branches;

    public PlanPages(PlanQueriesController plans, PlanReader reader, Branches branches) {
        this.plans = plans;
        this.reader = reader;
        this.branches = branches;
    }

    @GetMapping
    public String list(@RequestParam(required = false) String portfolio,
                       @RequestParam(required = false) PlanStatus status,
                       @RequestParam(required = false) Boolean late,
                       @RequestParam(required = false) String q,
                       @RequestParam(defaultValue = "lastChangedAt,desc") String sort,
                       @RequestParam(defaultValue = "0") int page,
                       Model model) {
        String portfolioFilter = Filters.optional(portfolio);
        String search = Filters.optional(q);
        PlanPage listed = plans.plans(portfolioFilter, status, late, search, sort, page, LIST_SIZE);
        model.addAttribute("page", listed);
        model.addAttribute("lastPage", Math.max(0, (listed.total() - 1) / LIST_SIZE));
        model.addAttribute("q", search);
        model.addAttribute("portfolio", portfolioFilter);
        model.addAttribute("status", status);
        model.addAttribute("late", late);
        model.addAttribute("sort", sort);
        model.addAttribute("statuses", PlanStatus.values());
        return "plans";
    }

    @GetMapping("/new")
    public String newPlan() {
        return "new-plan";
    }

    @GetMapping("/import")
    public String importPlan() {
        return "import-plan";
    }

    /** @param minRevision after a write, the revision it made, so the page shows it rather than an older one */
    @GetMapping("/{planId}")
    public String plan(@PathVariable UUID planId, @RequestParam(required = false) Long minRevision, Model model) {
        if (minRevision != null) {
            reader.awaitRevision(planId, minRevision);
        }
        model.addAttribute("sheet", PlanSheet.of(reader.current(planId)));
        model.addAttribute("branches", branches.of(planId));
        model.addAttribute("reasons", ReasonCategory.values());
        model.addAttribute("questionKinds", QuestionKind.values());
        return "plan";
    }
}
