package dev.backcast.server.ui.branches;

import dev.backcast.plan.ReasonCategory;
import dev.backcast.query.plans.PlanDocument;
import dev.backcast.query.plans.PlanReader;
import dev.backcast.server.branches.BranchController;
import dev.backcast.server.ui.history.ChangeLabels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A what-if branch set against its plan of record: the redline, both timelines, and merging or discarding it. */
@Controller
public class BranchPages {

    private final BranchController branches;
    private final PlanReader reader;

    public BranchPages(BranchController branches, PlanReader reader) {
        this.branches = branches;
        this.reader = reader;
    }

    /** One milestone on both timelines; the dates of a side are null where the milestone is not on it. */
    public record TimelineRow(String name, LocalDate planDue, LocalDate planForecast, LocalDate branchDue,
                              LocalDate branchForecast) {

        public boolean differs() {
            return planDue == null || branchDue == null || !planDue.equals(branchDue)
                    || planForecast != null && !planForecast.equals(branchForecast);
        }
    }

    @GetMapping("/plans/{planId}/branches/{branchId}/compare")
    public String compare(@PathVariable UUID planId, @PathVariable UUID branchId,
                          @RequestParam(required = false) Long minRevision, Model model) {
        BranchController.Comparison comparison = branches.compare(planId, branchId, null, minRevision);
        PlanDocument plan = reader.current(planId);
        PlanDocument branch = reader.current(branchId);
        model.addAttribute("plan", plan);
        model.addAttribute("branch", branch);
        model.addAttribute("comparison", comparison);
        model.addAttribute("diff", comparison.diff());
        model.addAttribute("labels", ChangeLabels.of(plan, branch));
        model.addAttribute("timelines", timelines(plan, branch));
        model.addAttribute("reasons", ReasonCategory.values());
        return "branch-compare";
    }

    /** The plan's milestones in its order, then those only the branch has. */
    static List<TimelineRow> timelines(PlanDocument plan, PlanDocument branch) {
        Map<UUID, PlanDocument.Milestone> onBranch = new LinkedHashMap<>();
        branch.milestones().forEach(milestone -> onBranch.put(milestone.milestoneId(), milestone));
        List<TimelineRow> rows = new ArrayList<>();
        for (PlanDocument.Milestone milestone : plan.milestones()) {
            PlanDocument.Milestone other = onBranch.remove(milestone.milestoneId());
            rows.add(new TimelineRow(milestone.name(), milestone.due(), milestone.forecast(),
                    other == null ? null : other.due(), other == null ? null : other.forecast()));
        }
        onBranch.values().forEach(milestone -> rows.add(new TimelineRow(milestone.name(), null, null,
                milestone.due(), milestone.forecast())));
        return rows;
    }
}
