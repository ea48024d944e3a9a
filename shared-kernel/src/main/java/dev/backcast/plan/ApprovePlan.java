package dev.backcast.plan;

/** Make the plan active and capture the "approved" baseline. */
public record ApprovePlan(Reason reason) implements PlanChange {
    @Override
    public boolean refinable() {
        return false;
    }
}
