package dev.backcast.query.history;

import dev.backcast.plan.Goal;
import dev.backcast.plan.PlanCreated;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.scheduling.CalendarKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The example of DESIGN section 4 (calendar days): target 2027-06-30; "GA ready" (lead 10) ← "Beta done" (lead 20)
 * ← "Prototype" (lead 5).
 */
final class DesignExample {

    static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final UUID PROTOTYPE = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID BETA = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID GA = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final LocalDate TARGET = LocalDate.of(2027, 6, 30);
    static final LocalDate AS_OF = LocalDate.of(2027, 1, 4);

    private DesignExample() {
    }

    static PlanCreated created() {
        return new PlanCreated(PLAN, "Mobile wallet for small merchants", "Payments", CalendarKind.CALENDAR_DAYS,
                List.of(), new Goal("Small merchants take wallet payments", null, "Card terminals cost too much",
                        "Accept payments with a phone", null, null, null, TARGET));
    }

    static List<PlanEvent> history() {
        List<PlanEvent> history = new ArrayList<>();
        history.add(created());
        history.add(milestone(PROTOTYPE, "Prototype", 5));
        history.add(milestone(BETA, "Beta done", 20, PROTOTYPE));
        history.add(milestone(GA, "GA ready", 10, BETA));
        return history;
    }

    static PlanState state() {
        return PlanState.replay(history());
    }

    static MilestoneAdded milestone(UUID id, String name, int leadTimeDays, UUID... predecessors) {
        return new MilestoneAdded(PLAN, id, name, null, null, leadTimeDays, List.of(predecessors), null, List.of(),
                null);
    }
}
