package dev.backcast.query.plans;

import dev.backcast.plan.PlanState;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The current state of one plan as the projection folded it, with the columns plan lists filter and sort on. */
@Entity
@Table(name = "plan_view")
public class PlanView implements Persistable<UUID> {

    @Id
    private UUID planId;
    private long revision;
    private String title;
    private String portfolio;
    private String status;
    private LocalDate targetDate;
    private Instant createdAt;
    private String createdBy;
    private Instant lastChangedAt;
    private String lastChangedBy;
    private LocalDate forecastGoalDate;
    private int lateByDays;
    private LocalDate figuresAsOf;
    /** The plan of record a what-if branch was drawn from; null for a plan of record. */
    private UUID branchOf;
    /** A what-if branch's status (open, merged, discarded); null for a plan of record. */
    private String branchStatus;

    /** JSON as text: the order in which elements were added is part of the plan, and jsonb would reorder keys. */
    private String state;

    /** The folded state, kept so a batch of events on one plan reads its JSON once. */
    @Transient
    private PlanState folded;

    /** Whether this view was created, not loaded: saving a new one inserts it without looking for it first. */
    @Transient
    private boolean created;

    protected PlanView() {
    }

    public PlanView(UUID planId, Instant createdAt, String createdBy) {
        this.created = true;
        this.planId = planId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** Records the state after an event; its JSON is stored with {@link #storeState}. */
    public void update(PlanState newState, Instant changedAt, String changedBy) {
        this.folded = newState;
        this.revision = newState.revision();
        this.title = newState.title();
        this.portfolio = newState.portfolio();
        this.status = newState.status().name();
        this.targetDate = newState.targetDate();
        this.branchOf = newState.isBranch() ? newState.branch().originPlanId() : null;
        this.branchStatus = newState.isBranch() ? newState.branch().status().name() : null;
        this.lastChangedAt = changedAt;
        this.lastChangedBy = changedBy;
    }

    @Override
    public boolean isNew() {
        return created;
    }

    @Override
    public UUID getId() {
        return planId;
    }

    @PostPersist
    void persisted() {
        created = false;
    }

    public void storeState(String json) {
        this.state = json;
    }

    /** The figures that depend on today, as of {@code day}. */
    public void storeFigures(PlanDocuments.GoalOutlook outlook, LocalDate day) {
        this.forecastGoalDate = outlook.forecastGoalDate();
        this.lateByDays = outlook.lateByDays();
        this.figuresAsOf = day;
    }

    public PlanState folded() {
        return folded;
    }

    public void rememberFolded(PlanState state) {
        this.folded = state;
    }

    public UUID planId() {
        return planId;
    }

    public long revision() {
        return revision;
    }

    public String title() {
        return title;
    }

    public String portfolioName() {
        return portfolio;
    }

    public String status() {
        return status;
    }

    public String stateJson() {
        return state;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant lastChangedAt() {
        return lastChangedAt;
    }

    public String lastChangedBy() {
        return lastChangedBy;
    }
}
