package dev.backcast.plan.branches;

import dev.backcast.plan.PlanState;

import java.util.UUID;

/**
 * Start a what-if branch of a plan: a plan of its own, {@code branchId}, that begins as {@code origin}, the plan of
 * record as it stood at {@code fromRevision}.
 */
public record BranchPlan(UUID branchId, String name, long fromRevision, PlanState origin) {
}
