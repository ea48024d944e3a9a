package dev.backcast.plan;

/** A plan's lifecycle: DRAFT → ACTIVE → ACHIEVED or ABANDONED; the last two are final. */
public enum PlanStatus {
    DRAFT, ACTIVE, ACHIEVED, ABANDONED;

    public boolean closed() {
        return this == ACHIEVED || this == ABANDONED;
    }
}
