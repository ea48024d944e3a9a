package dev.backcast.command.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Policy: milestones, and the steps under one milestone, must never depend on themselves through a chain. */
public final class AcyclicDependencies {

    private AcyclicDependencies() {
    }

    /**
     * Rejects giving {@code node} the predecessors {@code newPredecessors} when that would close a cycle.
     *
     * @param predecessorsOf the current predecessors of every node
     * @param nameOf         how to call a node in the message
     */
    public static void requireAcyclic(String field, UUID node, List<UUID> newPredecessors,
                                      Map<UUID, List<UUID>> predecessorsOf, Function<UUID, String> nameOf) {
        for (UUID predecessor : newPredecessors) {
            List<UUID> path = pathTo(predecessor, node, predecessorsOf, new HashSet<>());
            if (path != null) {
                List<String> names = new ArrayList<>();
                names.add(nameOf.apply(node));
                path.forEach(id -> names.add(nameOf.apply(id)));
                throw PlanRejection.ruleViolated(field, "This would make a cycle: " + String.join(" needs ", names)
                        + ". Dependencies must lead back toward the start of the plan, never round in a circle");
            }
        }
    }

    /** The chain of predecessors leading from {@code from} to {@code target}, both included, or null if none. */
    private static List<UUID> pathTo(UUID from, UUID target, Map<UUID, List<UUID>> predecessorsOf, Set<UUID> seen) {
        if (from.equals(target)) {
            return new ArrayList<>(List.of(from));
        }
        if (!seen.add(from)) {
            return null;
        }
        for (UUID next : predecessorsOf.getOrDefault(from, List.of())) {
            List<UUID> rest = pathTo(next, target, predecessorsOf, seen);
            if (rest != null) {
                rest.add(0, from);
                return rest;
            }
        }
        return null;
    }
}
