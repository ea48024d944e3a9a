package dev.backcast.plan.scheduling;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulingCalendarTest {

    // The week of 2027-06-28: Monday 28, Tuesday 29, Wednesday 30, Thursday 07-01, Friday 07-02; Monday 07-05 is a
    // holiday (Independence Day observed).
    private static final LocalDate FRI_JUN_25 = LocalDate.of(2027, 6, 25);
    private static final LocalDate SAT_JUN_26 = LocalDate.of(2027, 6, 26);
    private static final LocalDate SUN_JUN_27 = LocalDate.of(2027, 6, 27);
    private static final LocalDate MON_JUN_28 = LocalDate.of(2027, 6, 28);
    private static final LocalDate TUE_JUN_29 = LocalDate.of(2027, 6, 29);
    private static final LocalDate WED_JUN_30 = LocalDate.of(2027, 6, 30);
    private static final LocalDate THU_JUL_01 = LocalDate.of(2027, 7, 1);
    private static final LocalDate FRI_JUL_02 = LocalDate.of(2027, 7, 2);
    private static final LocalDate SAT_JUL_03 = LocalDate.of(2027, 7, 3);
    private static final LocalDate MON_JUL_05 = LocalDate.of(2027, 7, 5);
    private static final LocalDate TUE_JUL_06 = LocalDate.of(2027, 7, 6);

    private static final SchedulingCalendar CALENDAR_DAYS = SchedulingCalendar.of(CalendarKind.CALENDAR_DAYS,
            List.of(MON_JUL_05));
    private static final SchedulingCalendar MONDAY_TO_FRIDAY = SchedulingCalendar.of(CalendarKind.WORKING_DAYS,
            List.of());
    private static final SchedulingCalendar WITH_HOLIDAY = SchedulingCalendar.of(CalendarKind.WORKING_DAYS,
            List.of(MON_JUL_05));

    @Nested
    @DisplayName("calendar days: plain date arithmetic, holidays ignored")
    class CalendarDays {

        @Test
        void every_day_counts() {
            assertThat(CALENDAR_DAYS.workingDay(SAT_JUN_26)).isTrue();
            assertThat(CALENDAR_DAYS.workingDay(MON_JUL_05)).isTrue();
            assertThat(CALENDAR_DAYS.onOrBefore(SUN_JUN_27)).isEqualTo(SUN_JUN_27);
            assertThat(CALENDAR_DAYS.onOrAfter(SAT_JUN_26)).isEqualTo(SAT_JUN_26);
        }

        @Test
        void days_are_added_and_subtracted_as_they_are() {
            assertThat(CALENDAR_DAYS.minusDays(TUE_JUL_06, 10)).isEqualTo(SAT_JUN_26);
            assertThat(CALENDAR_DAYS.plusDays(SAT_JUN_26, 10)).isEqualTo(TUE_JUL_06);
            assertThat(CALENDAR_DAYS.minusDays(TUE_JUL_06, 0)).isEqualTo(TUE_JUL_06);
            assertThat(CALENDAR_DAYS.plusDays(SUN_JUN_27, 0)).isEqualTo(SUN_JUN_27);
        }

        @Test
        void days_between_is_signed() {
            assertThat(CALENDAR_DAYS.daysBetween(SAT_JUN_26, TUE_JUL_06)).isEqualTo(10);
            assertThat(CALENDAR_DAYS.daysBetween(TUE_JUL_06, SAT_JUN_26)).isEqualTo(-10);
            assertThat(CALENDAR_DAYS.daysBetween(TUE_JUL_06, TUE_JUL_06)).isZero();
        }

        @Test
        void a_missing_kind_means_calendar_days() {
            SchedulingCalendar calendar = SchedulingCalendar.of(null, null);

            assertThat(calendar.kind()).isEqualTo(CalendarKind.CALENDAR_DAYS);
            assertThat(calendar.holidays()).isEmpty();
        }
    }

    @Nested
    @DisplayName("working days: Monday to Friday less holidays")
    class WorkingDays {

        @Test
        void weekends_and_holidays_are_not_working_days() {
            assertThat(WITH_HOLIDAY.workingDay(FRI_JUL_02)).isTrue();
            assertThat(WITH_HOLIDAY.workingDay(SAT_JUL_03)).isFalse();
            assertThat(WITH_HOLIDAY.workingDay(SUN_JUN_27)).isFalse();
            assertThat(WITH_HOLIDAY.workingDay(MON_JUL_05)).isFalse();
            assertThat(MONDAY_TO_FRIDAY.workingDay(MON_JUL_05)).isTrue();
        }

        @Test
        void on_or_before_moves_back_to_the_previous_working_day() {
            assertThat(MONDAY_TO_FRIDAY.onOrBefore(WED_JUN_30)).isEqualTo(WED_JUN_30);
            assertThat(MONDAY_TO_FRIDAY.onOrBefore(SAT_JUN_26)).isEqualTo(FRI_JUN_25);
            assertThat(MONDAY_TO_FRIDAY.onOrBefore(SUN_JUN_27)).isEqualTo(FRI_JUN_25);
            assertThat(WITH_HOLIDAY.onOrBefore(MON_JUL_05)).isEqualTo(FRI_JUL_02);
        }

        @Test
        void on_or_after_moves_forward_to_the_next_working_day() {
            assertThat(MONDAY_TO_FRIDAY.onOrAfter(WED_JUN_30)).isEqualTo(WED_JUN_30);
            assertThat(MONDAY_TO_FRIDAY.onOrAfter(SAT_JUN_26)).isEqualTo(MON_JUN_28);
            assertThat(WITH_HOLIDAY.onOrAfter(SAT_JUL_03)).isEqualTo(TUE_JUL_06);
        }

        @Test
        void minus_days_steps_back_over_working_days_only() {
            assertThat(MONDAY_TO_FRIDAY.minusDays(TUE_JUN_29, 2)).isEqualTo(FRI_JUN_25);
            assertThat(MONDAY_TO_FRIDAY.minusDays(TUE_JUL_06, 5)).isEqualTo(TUE_JUN_29);
            assertThat(WITH_HOLIDAY.minusDays(TUE_JUL_06, 1)).isEqualTo(FRI_JUL_02);
            assertThat(WITH_HOLIDAY.minusDays(TUE_JUL_06, 5)).isEqualTo(MON_JUN_28);
        }

        @Test
        void minus_days_first_moves_a_non_working_day_back() {
            assertThat(MONDAY_TO_FRIDAY.minusDays(SAT_JUN_26, 0)).isEqualTo(FRI_JUN_25);
            assertThat(MONDAY_TO_FRIDAY.minusDays(SUN_JUN_27, 1)).isEqualTo(LocalDate.of(2027, 6, 24));
            assertThat(WITH_HOLIDAY.minusDays(MON_JUL_05, 1)).isEqualTo(THU_JUL_01);
        }

        @Test
        void plus_days_steps_forward_over_working_days_only() {
            assertThat(MONDAY_TO_FRIDAY.plusDays(THU_JUL_01, 2)).isEqualTo(MON_JUL_05);
            assertThat(WITH_HOLIDAY.plusDays(THU_JUL_01, 2)).isEqualTo(TUE_JUL_06);
            assertThat(WITH_HOLIDAY.plusDays(FRI_JUN_25, 5)).isEqualTo(FRI_JUL_02);
            assertThat(WITH_HOLIDAY.plusDays(WED_JUN_30, 0)).isEqualTo(WED_JUN_30);
        }

        @Test
        void plus_days_from_a_non_working_day_counts_the_working_days_after_it() {
            assertThat(MONDAY_TO_FRIDAY.plusDays(SAT_JUN_26, 1)).isEqualTo(MON_JUN_28);
            assertThat(MONDAY_TO_FRIDAY.plusDays(SUN_JUN_27, 3)).isEqualTo(WED_JUN_30);
            assertThat(MONDAY_TO_FRIDAY.plusDays(SAT_JUN_26, 3)).isEqualTo(MONDAY_TO_FRIDAY.plusDays(FRI_JUN_25, 3));
            assertThat(WITH_HOLIDAY.plusDays(SAT_JUL_03, 1)).isEqualTo(TUE_JUL_06);
        }

        @Test
        void plus_zero_days_from_a_non_working_day_is_the_next_working_day() {
            assertThat(MONDAY_TO_FRIDAY.plusDays(SAT_JUN_26, 0)).isEqualTo(MON_JUN_28);
            assertThat(WITH_HOLIDAY.plusDays(SAT_JUL_03, 0)).isEqualTo(TUE_JUL_06);
        }

        @Test
        void days_between_counts_the_working_days_after_the_first_up_to_the_second() {
            assertThat(MONDAY_TO_FRIDAY.daysBetween(FRI_JUN_25, MON_JUN_28)).isEqualTo(1);
            assertThat(MONDAY_TO_FRIDAY.daysBetween(MON_JUN_28, TUE_JUL_06)).isEqualTo(6);
            assertThat(WITH_HOLIDAY.daysBetween(MON_JUN_28, TUE_JUL_06)).isEqualTo(5);
            assertThat(WITH_HOLIDAY.daysBetween(THU_JUL_01, TUE_JUL_06)).isEqualTo(2);
            assertThat(MONDAY_TO_FRIDAY.daysBetween(SAT_JUN_26, SUN_JUN_27)).isZero();
            assertThat(MONDAY_TO_FRIDAY.daysBetween(WED_JUN_30, WED_JUN_30)).isZero();
        }

        @Test
        void days_between_is_negative_when_the_second_day_is_earlier() {
            assertThat(WITH_HOLIDAY.daysBetween(TUE_JUL_06, MON_JUN_28)).isEqualTo(-5);
            assertThat(MONDAY_TO_FRIDAY.daysBetween(MON_JUN_28, FRI_JUN_25)).isEqualTo(-1);
        }

        @Test
        void days_between_undoes_minus_days_from_a_working_day() {
            for (SchedulingCalendar calendar : List.of(MONDAY_TO_FRIDAY, WITH_HOLIDAY, CALENDAR_DAYS)) {
                for (LocalDate day = MON_JUN_28; !day.isAfter(TUE_JUL_06.plusDays(14)); day = day.plusDays(1)) {
                    if (!calendar.workingDay(day)) {
                        continue;
                    }
                    for (int n = 0; n <= 25; n++) {
                        LocalDate earlier = calendar.minusDays(day, n);
                        assertThat(calendar.daysBetween(earlier, day)).as("%s − %d in %s", day, n, calendar)
                                .isEqualTo(n);
                        assertThat(calendar.plusDays(earlier, n)).as("%s − %d + %d in %s", day, n, n, calendar)
                                .isEqualTo(day);
                        assertThat(calendar.workingDay(earlier)).isTrue();
                    }
                }
            }
        }

        @Test
        void days_between_undoes_plus_days_from_any_day() {
            for (SchedulingCalendar calendar : List.of(MONDAY_TO_FRIDAY, WITH_HOLIDAY, CALENDAR_DAYS)) {
                for (LocalDate day = FRI_JUN_25; !day.isAfter(TUE_JUL_06.plusDays(14)); day = day.plusDays(1)) {
                    for (int n = 1; n <= 25; n++) {
                        LocalDate later = calendar.plusDays(day, n);
                        assertThat(calendar.daysBetween(day, later)).as("%s + %d in %s", day, n, calendar)
                                .isEqualTo(n);
                        assertThat(calendar.workingDay(later)).isTrue();
                    }
                }
            }
        }
    }
}
