package dev.backcast.query.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.springframework.data.domain.Persistable;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One entry of a plan's revision history: one event, explained. */
@Entity
@Table(name = "plan_revision")
@IdClass(PlanRevision.Key.class)
public class PlanRevision implements Persistable<PlanRevision.Key> {

    /** A revision is identified by its plan and its number. */
    public record Key(UUID planId, long revision) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    private UUID planId;
    @Id
    private long revision;
    private long globalIndex;
    private Instant recordedAt;
    private String author;
    private String correlationId;
    private UUID changeSetId;
    private String changeSetMessage;
    private String eventType;
    private String summary;
    private String reasonCategory;
    private String reasonNote;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String changes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String dueDateEffects;

    protected PlanRevision() {
    }

    public PlanRevision(UUID planId, long revision, long globalIndex, Instant recordedAt, String author,
                        String correlationId, UUID changeSetId, String changeSetMessage, String eventType,
                        String summary, String reasonCategory, String reasonNote, String changes,
                        String dueDateEffects) {
        this.planId = planId;
        this.revision = revision;
        this.globalIndex = globalIndex;
        this.recordedAt = recordedAt;
        this.author = author;
        this.correlationId = correlationId;
        this.changeSetId = changeSetId;
        this.changeSetMessage = changeSetMessage;
        this.eventType = eventType;
        this.summary = summary;
        this.reasonCategory = reasonCategory;
        this.reasonNote = reasonNote;
        this.changes = changes;
        this.dueDateEffects = dueDateEffects;
    }

    /** Entries are only ever added: saving one inserts it without looking for it first. */
    @Override
    public boolean isNew() {
        return true;
    }

    @Override
    public Key getId() {
        return new Key(planId, revision);
    }

    public UUID planId() {
        return planId;
    }

    public long revision() {
        return revision;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String author() {
        return author;
    }

    public String correlationId() {
        return correlationId;
    }

    public UUID changeSetId() {
        return changeSetId;
    }

    public String changeSetMessage() {
        return changeSetMessage;
    }

    public String eventType() {
        return eventType;
    }

    public String summary() {
        return summary;
    }

    public String reasonCategory() {
        return reasonCategory;
    }

    public String reasonNote() {
        return reasonNote;
    }

    public String changesJson() {
        return changes;
    }

    public String dueDateEffectsJson() {
        return dueDateEffects;
    }
}
