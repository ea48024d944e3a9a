package dev.backcast.plan.branches;

/** A branch takes changes while OPEN; merged or discarded, it stays in the record as it was. */
public enum BranchStatus {
    OPEN, MERGED, DISCARDED
}
