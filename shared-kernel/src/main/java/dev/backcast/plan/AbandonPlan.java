package dev.backcast.plan;

/** Give the plan up; the reason is required. */
public record AbandonPlan(Reason reason) implements PlanChange {
    @Override
    public boolean refinable() {
        return false;
    }
}
