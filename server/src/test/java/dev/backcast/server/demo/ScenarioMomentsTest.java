package dev.backcast.server.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A scenario's decisions are recorded on their scenario days, in their order, never after now: at every half hour of
 * the day, at the first and the last instant of a day, on the days clocks change, in UTC and the zones furthest ahead
 * of it and behind it.
 */
class ScenarioMomentsTest {

    private static final List<Integer> DAYS = List.of(0, 0, 1, 5, 5, 5, 149, 150, 150, 150, 150);
    private static final int ELAPSED = 150;

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin", "America/St_Johns"})
    void everyDecisionFallsOnItsDayInOrderAndNotInTheFutureAtAnyTimeOfDay(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        for (LocalDate today : List.of(LocalDate.of(2026, 12, 5), LocalDate.of(2027, 3, 28), LocalDate.of(2027, 10, 31),
                LocalDate.of(2028, 2, 29))) {
            List<Instant> nows = new ArrayList<>();
            for (int halfHours = 0; halfHours < 48; halfHours++) {
                nows.add(today.atTime(LocalTime.MIDNIGHT.plusMinutes(30L * halfHours)).atZone(zone).toInstant());
            }
            nows.add(today.atStartOfDay(zone).toInstant());
            nows.add(today.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1));
            for (Instant now : nows) {
                LocalDate dayZero = today.minusDays(ELAPSED);
                List<Instant> moments = ScenarioMoments.of(DAYS, dayZero, zone, now);

                assertThat(moments).as("at %s", now).hasSize(DAYS.size()).isSorted()
                        .allSatisfy(moment -> assertThat(moment).isBeforeOrEqualTo(now));
                for (int i = 0; i < DAYS.size(); i++) {
                    assertThat(LocalDate.ofInstant(moments.get(i), zone)).as("decision %d at %s", i + 1, now)
                            .isEqualTo(dayZero.plusDays(DAYS.get(i)));
                }
            }
        }
    }

    @Test
    void aDayWithTimeToSpareRecordsItsDecisionsAMinuteApartFromNine() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        LocalDate dayZero = LocalDate.of(2026, 11, 1);
        Instant now = LocalDate.of(2026, 12, 5).atTime(15, 0).atZone(zone).toInstant();

        List<Instant> moments = ScenarioMoments.of(List.of(0, 0, 34, 34), dayZero, zone, now);

        assertThat(moments).containsExactly(
                dayZero.atTime(9, 0).atZone(zone).toInstant(), dayZero.atTime(9, 1).atZone(zone).toInstant(),
                dayZero.plusDays(34).atTime(9, 0).atZone(zone).toInstant(),
                dayZero.plusDays(34).atTime(9, 1).atZone(zone).toInstant());
    }

    @Test
    void todaysDecisionsBeforeNineShareTheMorningSoFar() {
        ZoneId zone = ZoneId.of("UTC");
        Instant now = Instant.parse("2026-12-05T02:20:00Z");

        List<Instant> moments = ScenarioMoments.of(List.of(0, 0, 0), LocalDate.of(2026, 12, 5), zone, now);

        Duration quarter = Duration.ofMinutes(35);
        Instant midnight = Instant.parse("2026-12-05T00:00:00Z");
        assertThat(moments).containsExactly(midnight.plus(quarter), midnight.plus(quarter.multipliedBy(2)),
                midnight.plus(quarter.multipliedBy(3)));
    }

    @Test
    void aDecisionAfterTodayBeforeDayZeroOrOutOfOrderIsRefusedBeforeAnythingIsRecorded() {
        ZoneId zone = ZoneId.of("UTC");
        LocalDate dayZero = LocalDate.of(2026, 12, 1);
        Instant now = Instant.parse("2026-12-05T12:00:00Z");

        assertThatThrownBy(() -> ScenarioMoments.of(List.of(0, 5), dayZero, zone, now))
                .hasMessage("decision 2 is on day 5, which is after today (day 4)");
        assertThatThrownBy(() -> ScenarioMoments.of(List.of(-1, 0), dayZero, zone, now))
                .hasMessage("decision 1 is on day -1, which is before day 0");
        assertThatThrownBy(() -> ScenarioMoments.of(List.of(0, 3, 2), dayZero, zone, now))
                .hasMessage("decision 3 is on day 2, before the decision listed ahead of it (day 3)");
    }
}
