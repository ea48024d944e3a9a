package dev.backcast.plan.baselines;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.Reason;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The due date of every milestone and the target date were frozen under a name. */
public record BaselineCaptured(UUID planId, String name, LocalDate targetDate, Map<UUID, LocalDate> dueDates, Reason reason) implements PlanEvent {
    public BaselineCaptured {
        dueDates = dueDates == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dueDates));
    }
}
