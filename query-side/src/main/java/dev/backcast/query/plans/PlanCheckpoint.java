package dev.backcast.query.plans;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.springframework.data.domain.Persistable;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A plan's state at one revision, kept so time travel starts from the nearest one instead of the first event. */
@Entity
@Table(name = "plan_checkpoint")
@IdClass(PlanCheckpoint.Key.class)
public class PlanCheckpoint implements Persistable<PlanCheckpoint.Key> {

    /** A checkpoint is identified by its plan and revision. */
    public record Key(UUID planId, long revision) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    private UUID planId;
    @Id
    private long revision;
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
        this.planId = planId;
        this.revision = revision;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.state = state;
    }

    /** Checkpoints are only ever added: saving one inserts it without looking for it first. */
    @Override
    public boolean isNew() {
        return true;
    }

    @Override
    public Key getId() {
        return new Key(planId, revision);
    }

    public long revision() {
        return revision;
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
