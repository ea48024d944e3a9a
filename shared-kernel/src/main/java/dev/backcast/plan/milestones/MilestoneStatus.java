package dev.backcast.plan.milestones;

/** Whether a milestone is still ahead or was reached. */
public enum MilestoneStatus {
    PLANNED, REACHED
}
