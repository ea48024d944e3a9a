package dev.backcast.plan.baselines;

import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;

/** Freeze the current due dates under a name. */
public record CaptureBaseline(String name, Reason reason) implements PlanChange {
    @Override
    public boolean refinable() {
        return false;
    }
}
