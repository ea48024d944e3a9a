package dev.backcast.plan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.plan.steps.StepAdded;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Builds plans from events, naming milestones and steps by their names: {@code id("Beta done")} is the same UUID
 * wherever it is used, so a specification can say {@code milestone("GA ready", 10, "Beta done")}.
 */
public final class PlanFixtures {

    public static final UUID PLAN_ID = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    public static final Reason BECAUSE = new Reason(ReasonCategory.ESTIMATE, "We know more now");

    private PlanFixtures() {
    }

    /** JSON as events and snapshots are stored: ISO dates, and unknown properties refused so nothing is lost. */
    public static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** A stable id for a name. */
    public static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    public static PlanState plan(PlanEvent... events) {
        return PlanState.replay(List.of(events));
    }

    public static Goal pressRelease(LocalDate targetDate) {
        return new Goal("Backcast plans from the finish line", "Plans that explain themselves",
                "PMOs cannot tell why a plan slipped", "Every decision is recorded with its reason",
                "Finally an audit trail", "We plan backwards now", "Try it today", targetDate);
    }

    public static PlanCreated created(LocalDate targetDate) {
        return created(CalendarKind.CALENDAR_DAYS, List.of(), targetDate);
    }

    public static PlanCreated created(CalendarKind calendar, List<LocalDate> holidays, LocalDate targetDate) {
        return new PlanCreated(PLAN_ID, "Launch Backcast", "Platform", calendar, holidays,
                pressRelease(targetDate));
    }

    public static MilestoneAdded milestone(String name, int leadTimeDays, String... predecessors) {
        return milestone(name, leadTimeDays, null, predecessors);
    }

    public static MilestoneAdded milestone(String name, int leadTimeDays, LocalDate deadline,
                                           String... predecessors) {
        return new MilestoneAdded(PLAN_ID, id(name), name, "Done when " + name, "Ada", leadTimeDays,
                ids(predecessors), deadline, List.of(), null);
    }

    public static StepAdded step(String milestone, String step, int durationDays, String... predecessors) {
        return new StepAdded(PLAN_ID, id(milestone), id(step), step, "Grace", durationDays, ids(predecessors), null);
    }

    public static List<UUID> ids(String... names) {
        return Arrays.stream(names).map(PlanFixtures::id).toList();
    }
}
