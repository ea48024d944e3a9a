package dev.backcast.plan.baselines;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A named, frozen copy of the target date and every milestone's due date. */
public record Baseline(String name, LocalDate targetDate, Map<UUID, LocalDate> dueDates) {

    public Baseline {
        dueDates = dueDates == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dueDates));
    }
}
