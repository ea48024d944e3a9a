package dev.backcast.query.timeline;

import dev.backcast.query.plans.PlanReader;
import dev.backcast.query.web.BadQuery;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Computes a plan's planned-against-actual timeline from its history. */
@Component
public class Timelines {

    private final EventStore eventStore;
    private final PlanReader reader;
    private final Clock clock;

    public Timelines(EventStore eventStore, PlanReader reader, Clock clock) {
        this.eventStore = eventStore;
        this.reader = reader;
        this.clock = clock;
    }

    /** @param baseline the baseline to measure against besides the approved one, or null */
    public PlanTimeline of(UUID planId, String baseline) {
        reader.head(planId);
        TimelineCalculator calculator = new TimelineCalculator(clock.getZone());
        DomainEventStream events = eventStore.readEvents(planId.toString(), 0);
        while (events.hasNext()) {
            calculator.apply(events.next());
        }
        PlanTimeline timeline = calculator.result(LocalDate.now(clock), baseline);
        if (baseline != null && timeline.goal().baselineTargetDate().get(baseline) == null) {
            throw new BadQuery("baseline", "This plan has no baseline named '" + baseline + "'; it has "
                    + timeline.goal().baselineTargetDate().keySet());
        }
        return timeline;
    }
}
