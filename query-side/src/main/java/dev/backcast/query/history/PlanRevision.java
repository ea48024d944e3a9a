package dev.backcast.query.history;

import dev.backcast.query.plans.RevisionRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One entry of a plan's revision history: one event, explained. */
@Entity
@Table(name = "plan_revision")
@IdClass(RevisionRow.Key.class)
public class PlanRevision extends RevisionRow {

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
        super(planId, revision);
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
