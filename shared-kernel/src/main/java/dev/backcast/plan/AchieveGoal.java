package dev.backcast.plan;

import java.time.LocalDate;

/** Record that the goal was reached on the given day. */
public record AchieveGoal(LocalDate on, Reason reason) implements PlanChange {
    @Override
    public boolean refinable() {
        return false;
    }
}
