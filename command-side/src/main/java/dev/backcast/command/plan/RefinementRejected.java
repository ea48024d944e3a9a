package dev.backcast.command.plan;

/** One change of a refinement was refused, so none of them was recorded. */
public class RefinementRejected extends RuntimeException {

    private final int changeIndex;
    private final String op;
    private final PlanRejection cause;

    public RefinementRejected(int changeIndex, String op, PlanRejection cause) {
        super("Change " + changeIndex + " (" + op + ") was refused, so nothing of the refinement was recorded: "
                + cause.getMessage(), cause);
        this.changeIndex = changeIndex;
        this.op = op;
        this.cause = cause;
    }

    public int changeIndex() {
        return changeIndex;
    }

    public String op() {
        return op;
    }

    public PlanRejection rejection() {
        return cause;
    }
}
