package dev.backcast.server.branches;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.branches.BranchStatus;
import dev.backcast.query.plans.PlanReader;
import dev.backcast.query.plans.PlanStateJson;
import dev.backcast.query.web.UnknownPlan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Which plans are what-if branches of which plan of record, as the plans projection holds them. */
@Component
public class Branches {

    private final JdbcTemplate jdbc;
    private final PlanReader reader;
    private final PlanStateJson json;

    public Branches(JdbcTemplate jdbc, PlanReader reader, PlanStateJson json) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.json = json;
    }

    /**
     * One branch of a plan.
     *
     * @param fromRevision the plan of record's revision the branch started from
     * @param revision     the branch's own revision, 1 when nothing was changed on it yet
     * @param figuresAsOf  the day the forecast goal date and days late are as of: today for an open branch once the
     *                     day's refresh ran, the day it was closed for a merged or discarded one
     */
    public record BranchSummary(UUID branchId, String name, long fromRevision, BranchStatus status, long revision,
                                Instant createdAt, String createdBy, Instant lastChangedAt, LocalDate targetDate,
                                LocalDate forecastGoalDate, int lateByDays, LocalDate figuresAsOf) {
    }

    /**
     * Refuses, as an unknown plan, a branch that was not drawn from {@code planId}; a branch created a moment ago
     * is waited for until the projection holds it.
     */
    public void requireBranchOf(UUID planId, UUID branchId) {
        UUID origin = originOf(branchId);
        if (origin == null) {
            try {
                reader.awaitRevision(branchId, 1);
            } catch (UnknownPlan unknown) {
                throw notABranchOf(planId, branchId);
            }
            origin = originOf(branchId);
        }
        if (!planId.equals(origin)) {
            throw notABranchOf(planId, branchId);
        }
    }

    /** The plan of record a branch was drawn from, or null when the projection holds no such branch. */
    UUID originOf(UUID branchId) {
        return jdbc.query("SELECT branch_of FROM plan_view WHERE plan_id = ?",
                row -> row.next() ? row.getObject("branch_of", UUID.class) : null, branchId);
    }

    static UnknownPlan notABranchOf(UUID planId, UUID branchId) {
        return new UnknownPlan("Plan " + planId + " has no what-if branch " + branchId + "; GET /api/plans/"
                + planId + "/branches lists its branches");
    }

    /** The plan's branches, the oldest first. */
    public List<BranchSummary> of(UUID planId) {
        return jdbc.query("""
                SELECT plan_id, revision, state, created_at, created_by, last_changed_at, target_date,
                       forecast_goal_date, late_by_days, figures_as_of
                  FROM plan_view WHERE branch_of = ? ORDER BY created_at, plan_id""", (row, number) -> {
            PlanState branch = json.read(row.getString("state"));
            return new BranchSummary(branch.planId(), branch.branch().name(), branch.branch().fromRevision(),
                    branch.branch().status(), row.getLong("revision"), row.getTimestamp("created_at").toInstant(),
                    row.getString("created_by"), row.getTimestamp("last_changed_at").toInstant(),
                    row.getObject("target_date", LocalDate.class), row.getObject("forecast_goal_date", LocalDate.class),
                    row.getInt("late_by_days"), row.getObject("figures_as_of", LocalDate.class));
        }, planId);
    }
}
