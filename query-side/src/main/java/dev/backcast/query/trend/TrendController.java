package dev.backcast.query.trend;

import dev.backcast.plan.GoalAchieved;
import dev.backcast.plan.PlanAbandoned;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.MilestoneSchedule;
import dev.backcast.plan.scheduling.Schedule;
import dev.backcast.query.plans.PlanDocuments;
import dev.backcast.query.plans.PlanReader;
import dev.backcast.query.web.BadQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Milestone trend analysis for one plan. */
@RestController
@Tag(name = "Planned vs actual")
public class TrendController {

    private static final int MAX_POINTS = 5000;

    private final EventStore eventStore;
    private final PlanReader reader;
    private final Clock clock;

    public TrendController(EventStore eventStore, PlanReader reader, Clock clock) {
        this.eventStore = eventStore;
        this.reader = reader;
        this.clock = clock;
    }

    /** One line of the chart while it is being drawn. */
    private static final class Line {
        private String name;
        private LocalDate reachedOn;
        private LocalDate lastPlanned;
        private final List<PlanTrend.PlannedPoint> planned = new ArrayList<>();
        private final List<PlanTrend.ForecastPoint> forecasts = new ArrayList<>();

        private PlanTrend.Series series(UUID id) {
            return new PlanTrend.Series(id, name, reachedOn, List.copyOf(planned), List.copyOf(forecasts));
        }
    }

    @GetMapping("/api/plans/{planId}/trend")
    @Operation(summary = "Milestone trend analysis", description = "Per milestone and for the goal: the planned "
            + "(due or target) date at every revision that changed it, and the forecast at the end of every "
            + "`interval` (week, default; day; month) from the plan's creation to today or its end, as the plan "
            + "stood then. A milestone's line ends where it was reached.")
    public PlanTrend trend(@PathVariable UUID planId, @RequestParam(defaultValue = "week") String interval) {
        if (!List.of("day", "week", "month").contains(interval)) {
            throw new BadQuery("interval", "interval must be day, week or month");
        }
        reader.head(planId);
        List<DomainEventMessage<?>> history = new ArrayList<>();
        eventStore.readEvents(planId.toString(), 0).asStream().forEach(history::add);
        LocalDate created = day(history.get(0));
        LocalDate end = history.stream().filter(event -> event.getPayload() instanceof GoalAchieved
                        || event.getPayload() instanceof PlanAbandoned)
                .map(this::day).findFirst().orElse(LocalDate.now(clock));
        List<LocalDate> boundaries = boundaries(created, end, interval);

        PlanState.Fold fold = new PlanState.Fold(PlanState.initial());
        PlanState state = PlanState.initial();
        Map<UUID, Line> lines = new LinkedHashMap<>();
        Line goal = new Line();
        int next = 0;
        for (DomainEventMessage<?> event : history) {
            while (next < boundaries.size() && day(event).isAfter(boundaries.get(next))) {
                forecast(state, boundaries.get(next++), lines, goal);
            }
            state = fold.apply((PlanEvent) event.getPayload()).state();
            planned(state, event, lines, goal);
        }
        while (next < boundaries.size()) {
            forecast(state, boundaries.get(next++), lines, goal);
        }
        List<PlanTrend.Series> series = new ArrayList<>();
        lines.forEach((id, line) -> series.add(line.series(id)));
        goal.name = "Goal";
        goal.reachedOn = state.achievedOn();
        return new PlanTrend(planId, interval, created, end, series, goal.series(null));
    }

    private void planned(PlanState state, DomainEventMessage<?> event, Map<UUID, Line> lines, Line goal) {
        Schedule schedule = BackwardScheduler.schedule(state, day(event));
        long revision = event.getSequenceNumber() + 1;
        for (MilestoneSchedule scheduled : schedule.milestones().values()) {
            Milestone milestone = state.milestones().get(scheduled.milestoneId());
            Line line = lines.computeIfAbsent(scheduled.milestoneId(), id -> new Line());
            line.name = milestone.name();
            line.reachedOn = milestone.reachedOn();
            if (!scheduled.due().equals(line.lastPlanned)) {
                line.planned.add(new PlanTrend.PlannedPoint(revision, day(event), scheduled.due()));
                line.lastPlanned = scheduled.due();
            }
        }
        if (!Objects.equals(state.targetDate(), goal.lastPlanned)) {
            goal.planned.add(new PlanTrend.PlannedPoint(revision, day(event), state.targetDate()));
            goal.lastPlanned = state.targetDate();
        }
    }

    private static void forecast(PlanState state, LocalDate on, Map<UUID, Line> lines, Line goal) {
        if (!state.exists()) {
            return;
        }
        Schedule schedule = BackwardScheduler.schedule(state, on);
        Map<UUID, LocalDate> reachedBy = new HashMap<>();
        state.milestones().values().forEach(m -> reachedBy.put(m.id(), m.reachedOn()));
        schedule.milestones().values().forEach(scheduled -> {
            LocalDate reached = reachedBy.get(scheduled.milestoneId());
            if (reached == null || !reached.isBefore(on)) {
                lines.get(scheduled.milestoneId()).forecasts.add(new PlanTrend.ForecastPoint(on, scheduled.forecast()));
            }
        });
        LocalDate goalForecast = PlanDocuments.GoalOutlook.of(state, schedule).forecastGoalDate();
        if (goalForecast != null) {
            goal.forecasts.add(new PlanTrend.ForecastPoint(on, goalForecast));
        }
    }

    /** The last day of every interval from the one holding {@code from} up to {@code to}, then {@code to} itself. */
    private static List<LocalDate> boundaries(LocalDate from, LocalDate to, String interval) {
        List<LocalDate> ends = new ArrayList<>();
        LocalDate end = switch (interval) {
            case "day" -> from;
            case "week" -> from.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            default -> from.with(TemporalAdjusters.lastDayOfMonth());
        };
        while (!end.isAfter(to)) {
            ends.add(end);
            if (ends.size() > MAX_POINTS) {
                throw new BadQuery("interval", "That interval gives more than " + MAX_POINTS + " points; choose a "
                        + "longer one");
            }
            end = switch (interval) {
                case "day" -> end.plusDays(1);
                case "week" -> end.plusWeeks(1);
                default -> end.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
            };
        }
        if (ends.isEmpty() || !ends.get(ends.size() - 1).equals(to)) {
            ends.add(to);
        }
        return ends;
    }

    private LocalDate day(DomainEventMessage<?> event) {
        return LocalDate.ofInstant(event.getTimestamp(), clock.getZone());
    }
}
