package dev.backcast.query.plans;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A plan's state at one revision, kept so time travel starts from the nearest one instead of the first event. */
@Entity
@Table(name = "plan_checkpoint")
@IdClass(RevisionRow.Key.class)
public class PlanCheckpoint extends RevisionRow {

    private Instant createdAt;
    private String createdBy;
    private Instant recordedAt;
    private String recordedBy;
    /** JSON as text, like the plan view. */
    private String state;

    protected PlanCheckpoint() {
    }

    public PlanCheckpoint(UUID planId, long revision, Instant createdAt, String createdBy, Instant recordedAt,
                          String recordedBy, String state) {
        super(planId, revision);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.state = state;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public String stateJson() {
        return state;
    }
}
