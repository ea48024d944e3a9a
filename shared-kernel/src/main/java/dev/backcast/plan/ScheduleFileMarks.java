package dev.backcast.plan;

/**
 * How a schedule file written by Backcast marks what other tools have no word for, so that importing it gives back
 * the same plan: a milestone with action steps is a summary task marked as a milestone, holding its own lead time,
 * and its steps are subtasks marked as steps.
 */
public final class ScheduleFileMarks {

    /** The task text field (Text1) that holds the mark. */
    public static final int MARK_FIELD = 1;
    /**
     * The task text field (Text2) that holds a marked milestone's lead time in days: a number field would not keep a
     * lead time of 0, which tools do not write.
     */
    public static final int LEAD_TIME_FIELD = 2;
    public static final String MILESTONE = "Backcast milestone";
    public static final String STEP = "Backcast step";

    private ScheduleFileMarks() {
    }
}
