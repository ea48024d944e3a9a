package dev.backcast.command.plan;

import dev.backcast.plan.branches.BranchStatus;

import java.util.Locale;

/**
 * A command the plan refuses; nothing is recorded. Each kind tells the caller what to fix, and maps onto one HTTP
 * status in the write API.
 */
public class PlanRejection extends RuntimeException {

    /** What the caller got wrong. */
    public enum Kind {
        /** A field is missing, too long or out of range. */
        INVALID_INPUT,
        /** The plan element the change is about does not exist. */
        UNKNOWN_TARGET,
        /** The change refers to another element that does not exist. */
        UNKNOWN_REFERENCE,
        /** The change would break one of the plan's rules. */
        RULE_VIOLATED,
        /** The plan is achieved or abandoned, or not yet in the state the change needs. */
        WRONG_STATUS
    }

    private final Kind kind;
    private final String field;

    public PlanRejection(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field the rejection is about, or null when it concerns the change as a whole. */
    public String field() {
        return field;
    }

    public static PlanRejection invalid(String field, String message) {
        return new PlanRejection(Kind.INVALID_INPUT, field, message);
    }

    public static PlanRejection ruleViolated(String field, String message) {
        return new PlanRejection(Kind.RULE_VIOLATED, field, message);
    }

    public static PlanRejection wrongStatus(String message) {
        return new PlanRejection(Kind.WRONG_STATUS, null, message);
    }

    /** A what-if branch that was merged or discarded: it stays as it was. */
    public static PlanRejection branchClosed(BranchStatus status) {
        return wrongStatus("This what-if branch was " + status.name().toLowerCase(Locale.ROOT) + " and accepts no further change");
    }
}
