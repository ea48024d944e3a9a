package dev.backcast.query.plans;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.springframework.data.domain.Persistable;

import java.io.Serializable;
import java.util.UUID;

/**
 * A read-model row kept per plan and revision that is only ever added: saving one inserts it without looking for
 * it first.
 */
@MappedSuperclass
public abstract class RevisionRow implements Persistable<RevisionRow.Key> {

    /** A row is identified by its plan and revision. */
    public record Key(UUID planId, long revision) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    private UUID planId;
    @Id
    private long revision;

    protected RevisionRow() {
    }

    protected RevisionRow(UUID planId, long revision) {
        this.planId = planId;
        this.revision = revision;
    }

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
}
