package dev.backcast.plan.forecasting;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The organisation's record as it stood on a day: every reference milestone (a reached milestone of a plan closed or
 * past its target by then) and its plan's due-date and target-date moves by reason category. Any plan's reference
 * class is drawn from it: the record without the plan itself, its own portfolio's part when that holds enough.
 *
 * @param observations ordered as the simulation should meet them, so a seed always draws the same ratios
 */
public record ReferenceRecord(LocalDate day, List<Observation> observations,
                              Map<UUID, Map<String, Long>> movesByPlan) {

    /** Fewer reference milestones than this give percentiles that say more about chance than about the record. */
    public static final int MINIMUM_SIZE = 30;

    /** One reference milestone: its plan, the plan's portfolio, its actual days ÷ planned lead time, when reached. */
    public record Observation(UUID planId, String portfolio, double ratio, LocalDate reachedOn) {
    }

    /**
     * @param portfolio  the portfolio it was drawn from, or null for the whole organisation
     * @param ratios     each milestone's actual days ÷ planned lead time
     * @param moves      the due-date and target-date moves of the class's plans by reason category, up to the day
     */
    public record ReferenceClass(int size, String portfolio, LocalDate firstReached, LocalDate lastReached,
                                 double[] ratios, Map<String, Long> moves) {
    }

    public ReferenceClass classFor(UUID planId, String portfolio) {
        List<Observation> others = observations.stream().filter(seen -> !seen.planId().equals(planId)).toList();
        long inPortfolio = portfolio == null ? 0
                : others.stream().filter(seen -> portfolio.equals(seen.portfolio())).count();
        String scope = inPortfolio >= MINIMUM_SIZE ? portfolio : null;
        List<Observation> members = scope == null ? others
                : others.stream().filter(seen -> scope.equals(seen.portfolio())).toList();
        LocalDate first = members.stream().map(Observation::reachedOn).min(Comparator.naturalOrder()).orElse(null);
        LocalDate last = members.stream().map(Observation::reachedOn).max(Comparator.naturalOrder()).orElse(null);
        return new ReferenceClass(members.size(), scope, first, last,
                members.stream().mapToDouble(Observation::ratio).toArray(), movesOf(members));
    }

    /** The moves of the members' plans, the most frequent reason first. */
    private Map<String, Long> movesOf(List<Observation> members) {
        Set<UUID> plans = new HashSet<>();
        Map<String, Long> moves = new HashMap<>();
        for (Observation member : members) {
            if (plans.add(member.planId())) {
                movesByPlan.getOrDefault(member.planId(), Map.of()).forEach(
                        (category, count) -> moves.merge(category, count, Long::sum));
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        moves.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return ordered;
    }
}
