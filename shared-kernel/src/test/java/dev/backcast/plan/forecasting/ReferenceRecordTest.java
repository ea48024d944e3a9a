package dev.backcast.plan.forecasting;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan's reference class: the record without the plan itself, its own portfolio's part once that holds 30. */
class ReferenceRecordTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);
    private final UUID subject = UUID.randomUUID();

    @Test
    void a_portfolio_with_thirty_reference_milestones_of_other_plans_is_the_class() {
        List<ReferenceRecord.Observation> observations = new ArrayList<>();
        observations.addAll(milestones(UUID.randomUUID(), "Payments", 30, 2.0));
        observations.addAll(milestones(UUID.randomUUID(), "Search", 10, 1.0));
        observations.addAll(milestones(subject, "Payments", 5, 9.0));

        ReferenceRecord.ReferenceClass reference = new ReferenceRecord(DAY, observations, Map.of())
                .classFor(subject, "Payments");

        assertThat(reference.portfolio()).isEqualTo("Payments");
        assertThat(reference.size()).isEqualTo(30);
        assertThat(reference.ratios()).containsOnly(2.0);
    }

    @Test
    void a_portfolio_under_thirty_without_the_plan_itself_falls_back_to_the_organisation() {
        UUID payments = UUID.randomUUID();
        UUID search = UUID.randomUUID();
        List<ReferenceRecord.Observation> observations = new ArrayList<>();
        observations.addAll(milestones(payments, "Payments", 25, 2.0));
        observations.addAll(milestones(search, "Search", 10, 1.0));
        observations.addAll(milestones(subject, "Payments", 5, 9.0));
        Map<UUID, Map<String, Long>> moves = Map.of(payments, Map.of("SCOPE", 2L, "ESTIMATE", 5L),
                search, Map.of("SCOPE", 4L), subject, Map.of("OTHER", 7L));

        ReferenceRecord.ReferenceClass reference = new ReferenceRecord(DAY, observations, moves)
                .classFor(subject, "Payments");

        assertThat(reference.portfolio()).isNull();
        assertThat(reference.size()).isEqualTo(35);
        assertThat(reference.ratios()).doesNotContain(9.0);
        assertThat(reference.moves()).containsExactly(Map.entry("SCOPE", 6L), Map.entry("ESTIMATE", 5L));
        assertThat(reference.firstReached()).isEqualTo(DAY.minusDays(24));
        assertThat(reference.lastReached()).isEqualTo(DAY);
    }

    /** {@code count} reference milestones of one plan, reached on the days before {@link #DAY}. */
    private static List<ReferenceRecord.Observation> milestones(UUID planId, String portfolio, int count,
                                                                double ratio) {
        List<ReferenceRecord.Observation> observations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            observations.add(new ReferenceRecord.Observation(planId, portfolio, ratio, DAY.minusDays(i)));
        }
        return observations;
    }
}
