package dev.backcast.server.branches;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.query.history.FieldChange;
import dev.backcast.query.history.StateChanges;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What keeps a branch from merging: the elements its plan of record and it both changed since it began. */
final class MergeConflicts {

    private MergeConflicts() {
    }

    /** One element both the plan of record and the branch changed since the branch began. */
    public record Conflict(String element, List<FieldChange> onPlan, List<FieldChange> onBranch) {
    }

    /**
     * The elements (a metric, milestone, step, question, risk, baseline, the plan's details, its press release or
     * its target date) changed on both sides since the branch began. The branch's are taken event by event, so a
     * change it made and took back still counts: merging replays every one of its events. An element conflicts
     * with what it holds too: a step revised on one side, its milestone removed on the other.
     */
    static List<Conflict> between(PlanState planThen, PlanState planNow, PlanState branchThen,
                                  List<PlanEvent> branchEvents) {
        List<FieldChange> onPlan = StateChanges.between(planThen, planNow);
        List<FieldChange> onBranch = new ArrayList<>();
        PlanState before = branchThen;
        for (PlanEvent event : branchEvents) {
            PlanState after = before.evolve(event);
            onBranch.addAll(StateChanges.between(before.under(planThen), after.under(planThen)));
            before = after;
        }
        Map<String, Conflict> conflicts = new LinkedHashMap<>();
        for (FieldChange change : onBranch) {
            String element = element(change.path());
            List<FieldChange> clashing = onPlan.stream().filter(planChange -> overlap(element(planChange.path()),
                    element)).toList();
            if (!clashing.isEmpty()) {
                Conflict conflict = conflicts.computeIfAbsent(element, key -> new Conflict(key, clashing,
                        new ArrayList<>()));
                if (!conflict.onBranch().contains(change)) {
                    conflict.onBranch().add(change);
                }
            }
        }
        return List.copyOf(conflicts.values());
    }

    /** Whether two elements are the same, or one holds the other. */
    private static boolean overlap(String one, String other) {
        return one.equals(other) || one.startsWith(other + "/") || other.startsWith(one + "/");
    }

    /**
     * The element a changed path belongs to, as the events that change it see it: a step within its milestone; a
     * metric, milestone, question, risk or baseline; the details (title, portfolio, calendar), which change
     * together; the press release, whose texts change together; the target date, which moves on its own.
     */
    static String element(String path) {
        String[] keys = path.split("/");
        switch (keys[0]) {
            case "title", "portfolio", "calendar" -> {
                return "details";
            }
            case "goal" -> {
                return keys.length > 1 && keys[1].equals("targetDate") ? "goal/targetDate" : "goal";
            }
            default -> {
                int depth = keys.length > 3 && keys[0].equals("milestones") && keys[2].equals("steps") ? 4 : 2;
                return String.join("/", Arrays.copyOf(keys, Math.min(depth, keys.length)));
            }
        }
    }
}
