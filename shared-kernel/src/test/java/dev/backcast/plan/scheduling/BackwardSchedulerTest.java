package dev.backcast.plan.scheduling;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.milestones.MilestoneRemoved;
import dev.backcast.plan.steps.StepMarkedDone;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.backcast.plan.PlanFixtures.BECAUSE;
import static dev.backcast.plan.PlanFixtures.PLAN_ID;
import static dev.backcast.plan.PlanFixtures.created;
import static dev.backcast.plan.PlanFixtures.id;
import static dev.backcast.plan.PlanFixtures.ids;
import static dev.backcast.plan.PlanFixtures.milestone;
import static dev.backcast.plan.PlanFixtures.plan;
import static dev.backcast.plan.PlanFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BackwardSchedulerTest {

    private static final LocalDate TARGET = LocalDate.of(2027, 6, 30);
    private static final LocalDate EARLY = LocalDate.of(2027, 1, 4);

    private static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    private static MilestoneSchedule of(Schedule schedule, String milestone) {
        MilestoneSchedule scheduled = schedule.milestones().get(id(milestone));
        assertThat(scheduled).as("schedule of %s", milestone).isNotNull();
        return scheduled;
    }

    /** GA ready (lead 10) ← Beta done (lead 20) ← Prototype (lead 5), as in DESIGN section 4. */
    private static PlanState launchPlan() {
        return plan(created(TARGET),
                milestone("Prototype", 5),
                milestone("Beta done", 20, "Prototype"),
                milestone("GA ready", 10, "Beta done"));
    }

    @Nested
    @DisplayName("backward pass in calendar days")
    class BackwardPass {

        @Test
        void the_design_example_is_scheduled_backward_from_the_target_date() {
            Schedule schedule = BackwardScheduler.schedule(launchPlan(), EARLY);

            assertThat(schedule.targetDate()).isEqualTo(TARGET);
            assertThat(schedule.asOf()).isEqualTo(EARLY);
            assertThat(of(schedule, "GA ready").due()).isEqualTo(date("2027-06-30"));
            assertThat(of(schedule, "GA ready").startBy()).isEqualTo(date("2027-06-20"));
            assertThat(of(schedule, "Beta done").due()).isEqualTo(date("2027-06-20"));
            assertThat(of(schedule, "Beta done").startBy()).isEqualTo(date("2027-05-31"));
            assertThat(of(schedule, "Prototype").due()).isEqualTo(date("2027-05-31"));
            assertThat(of(schedule, "Prototype").startBy()).isEqualTo(date("2027-05-26"));
            assertThat(schedule.mustStartBy()).isEqualTo(date("2027-05-26"));
        }

        @Test
        void the_reverse_plan_lists_milestones_from_the_goal_backward() {
            Schedule schedule = BackwardScheduler.schedule(launchPlan(), EARLY);

            assertThat(schedule.milestones().keySet())
                    .containsExactlyElementsOf(ids("GA ready", "Beta done", "Prototype"));
            assertThat(schedule.dueDates()).containsExactly(
                    Map.entry(id("GA ready"), date("2027-06-30")),
                    Map.entry(id("Beta done"), date("2027-06-20")),
                    Map.entry(id("Prototype"), date("2027-05-31")));
        }

        /**
         * Heizer &amp; Render, <i>Operations Management</i> (Pearson), chapter 3 "Project Management": Milwaukee Paper
         * Manufacturing's air-pollution control facility, Table 3.2 (activities, predecessors, weeks) and
         * Table 3.3 / Figure 3.13 (the slack table of the forward and backward pass). Project completion: 15.
         * <pre>
         * Activity  Pred.  Time   ES  EF   LS  LF  Slack
         * A         -      2       0   2    0   2   0
         * B         -      3       0   3    1   4   1
         * C         A      2       2   4    2   4   0
         * D         A, B   4       3   7    4   8   1
         * E         C      4       4   8    4   8   0
         * F         C      3       4   7   10  13   6
         * G         D, E   5       8  13    8  13   0
         * H         F, G   2      13  15   13  15   0
         * </pre>
         * Critical path A-C-E-G-H. Week numbers are read as days counted from day 0 = 2027-03-01.
         */
        @Test
        void a_published_cpm_example_gets_its_late_start_and_late_finish_table() {
            LocalDate day0 = date("2027-03-01");
            PlanState plan = plan(created(day0.plusDays(15)),
                    milestone("A", 2),
                    milestone("B", 3),
                    milestone("C", 2, "A"),
                    milestone("D", 4, "A", "B"),
                    milestone("E", 4, "C"),
                    milestone("F", 3, "C"),
                    milestone("G", 5, "D", "E"),
                    milestone("H", 2, "F", "G"));
            record Row(String activity, int es, int ef, int ls, int lf, int slack) {
            }
            List<Row> table = List.of(
                    new Row("A", 0, 2, 0, 2, 0),
                    new Row("B", 0, 3, 1, 4, 1),
                    new Row("C", 2, 4, 2, 4, 0),
                    new Row("D", 3, 7, 4, 8, 1),
                    new Row("E", 4, 8, 4, 8, 0),
                    new Row("F", 4, 7, 10, 13, 6),
                    new Row("G", 8, 13, 8, 13, 0),
                    new Row("H", 13, 15, 13, 15, 0));

            // Forecast as of day 0 with nothing done: forecast = early finish and slack = total float.
            Schedule schedule = BackwardScheduler.schedule(plan, day0);

            SoftAssertions softly = new SoftAssertions();
            for (Row row : table) {
                MilestoneSchedule activity = of(schedule, row.activity());
                softly.assertThat(activity.startBy()).as("LS of %s", row.activity()).isEqualTo(day0.plusDays(row.ls()));
                softly.assertThat(activity.due()).as("LF of %s", row.activity()).isEqualTo(day0.plusDays(row.lf()));
                softly.assertThat(activity.forecast()).as("EF of %s", row.activity())
                        .isEqualTo(day0.plusDays(row.ef()));
                softly.assertThat(activity.forecast().minusDays(activity.leadTimeDays())).as("ES of %s", row.activity())
                        .isEqualTo(day0.plusDays(row.es()));
                softly.assertThat(activity.slackDays()).as("slack of %s", row.activity()).isEqualTo(row.slack());
                softly.assertThat(activity.critical()).as("%s critical", row.activity()).isEqualTo(row.slack() == 0);
            }
            softly.assertThat(schedule.mustStartBy()).isEqualTo(day0);
            softly.assertThat(schedule.forecastGoalDate()).isEqualTo(day0.plusDays(15));
            softly.assertThat(schedule.goalSlackDays()).isZero();
            softly.assertThat(schedule.criticalPath()).containsExactlyElementsOf(ids("H", "G", "E", "C", "A"));
            softly.assertAll();
        }

        @Test
        void a_removed_milestone_is_not_scheduled() {
            PlanState plan = plan(created(TARGET),
                    milestone("Prototype", 5),
                    milestone("Spike", 3),
                    milestone("GA ready", 10, "Prototype"),
                    new MilestoneRemoved(PLAN_ID, id("Spike"), BECAUSE));

            Schedule schedule = BackwardScheduler.schedule(plan, EARLY);

            assertThat(schedule.milestones().keySet()).containsExactlyElementsOf(ids("GA ready", "Prototype"));
        }

        @Test
        void a_plan_without_milestones_has_no_start_and_no_forecast() {
            Schedule schedule = BackwardScheduler.schedule(plan(created(TARGET)), EARLY);

            assertThat(schedule.targetDate()).isEqualTo(TARGET);
            assertThat(schedule.milestones()).isEmpty();
            assertThat(schedule.mustStartBy()).isNull();
            assertThat(schedule.forecastGoalDate()).isNull();
            assertThat(schedule.goalSlackDays()).isNull();
            assertThat(schedule.criticalPath()).isEmpty();
        }

        @Test
        void a_cycle_gets_no_schedule() {
            PlanState plan = plan(created(TARGET),
                    milestone("Chicken", 5, "Egg"),
                    milestone("Egg", 5, "Chicken"));

            assertThatIllegalStateException().isThrownBy(() -> BackwardScheduler.schedule(plan, EARLY))
                    .withMessageContaining("cycle");
        }
    }

    @Nested
    @DisplayName("pinned deadlines")
    class Deadlines {

        @Test
        void a_deadline_earlier_than_its_successors_imply_wins() {
            PlanState plan = plan(created(TARGET),
                    milestone("Prototype", 5),
                    milestone("Beta done", 20, date("2027-06-10"), "Prototype"),
                    milestone("GA ready", 10, "Beta done"));

            Schedule schedule = BackwardScheduler.schedule(plan, EARLY);

            assertThat(of(schedule, "GA ready").due()).isEqualTo(date("2027-06-30"));
            assertThat(of(schedule, "Beta done").due()).isEqualTo(date("2027-06-10"));
            assertThat(of(schedule, "Beta done").startBy()).isEqualTo(date("2027-05-21"));
            assertThat(of(schedule, "Prototype").due()).isEqualTo(date("2027-05-21"));
            assertThat(of(schedule, "Prototype").startBy()).isEqualTo(date("2027-05-16"));
            assertThat(schedule.mustStartBy()).isEqualTo(date("2027-05-16"));
        }

        @Test
        void a_deadline_later_than_its_successors_imply_changes_nothing() {
            PlanState plan = plan(created(TARGET),
                    milestone("Beta done", 20, date("2027-06-25")),
                    milestone("GA ready", 10, "Beta done"));

            Schedule schedule = BackwardScheduler.schedule(plan, EARLY);

            assertThat(of(schedule, "Beta done").due()).isEqualTo(date("2027-06-20"));
        }

        @Test
        void a_deadline_on_a_terminal_milestone_earlier_than_the_target_wins() {
            PlanState plan = plan(created(TARGET),
                    milestone("Press kit", 7, date("2027-06-15")),
                    milestone("GA ready", 10));

            Schedule schedule = BackwardScheduler.schedule(plan, EARLY);

            assertThat(of(schedule, "Press kit").due()).isEqualTo(date("2027-06-15"));
            assertThat(of(schedule, "Press kit").startBy()).isEqualTo(date("2027-06-08"));
            assertThat(of(schedule, "GA ready").due()).isEqualTo(TARGET);
            assertThat(schedule.mustStartBy()).isEqualTo(date("2027-06-08"));
            assertThat(schedule.milestones().keySet()).containsExactlyElementsOf(ids("GA ready", "Press kit"));
        }
    }

    @Nested
    @DisplayName("working days")
    class WorkingDays {

        @Test
        void a_target_date_on_a_weekend_moves_the_due_date_back_to_friday() {
            PlanState plan = plan(created(CalendarKind.WORKING_DAYS, List.of(), date("2027-06-26")), // Saturday
                    milestone("GA ready", 3));

            Schedule schedule = BackwardScheduler.schedule(plan, EARLY);

            assertThat(of(schedule, "GA ready").due()).isEqualTo(date("2027-06-25")); // Friday
            assertThat(of(schedule, "GA ready").startBy()).isEqualTo(date("2027-06-22")); // Tuesday
        }

        @Test
        void stepping_back_skips_the_weekend() {
            PlanState plan = plan(created(CalendarKind.WORKING_DAYS, List.of(), date("2027-07-06")), // Tuesday
                    milestone("Beta done", 2),
                    milestone("GA ready", 3, "Beta done"));

            Schedule schedule = BackwardScheduler.schedule(plan, EARLY);

            // Tue 07-06 back over Mon 07-05, Fri 07-02, Thu 07-01
            assertThat(of(schedule, "GA ready").startBy()).isEqualTo(date("2027-07-01"));
            assertThat(of(schedule, "Beta done").due()).isEqualTo(date("2027-07-01"));
            // Thu 07-01 back over Wed 06-30, Tue 06-29
            assertThat(of(schedule, "Beta done").startBy()).isEqualTo(date("2027-06-29"));
        }

        @Test
        void stepping_back_skips_holidays() {
            PlanState plan = plan(created(CalendarKind.WORKING_DAYS, List.of(date("2027-07-05")), // Monday off
                    date("2027-07-06")), milestone("GA ready", 3));

            Schedule schedule = BackwardScheduler.schedule(plan, EARLY);

            // Tue 07-06 back over Fri 07-02, Thu 07-01, Wed 06-30
            assertThat(of(schedule, "GA ready").startBy()).isEqualTo(date("2027-06-30"));
        }

        @Test
        void a_due_date_on_a_holiday_moves_back_to_the_working_day_before() {
            PlanState plan = plan(created(CalendarKind.WORKING_DAYS,
                            List.of(date("2027-12-24")), date("2027-12-25")), // Saturday after a Friday holiday
                    milestone("Release notes", 1));

            Schedule schedule = BackwardScheduler.schedule(plan, EARLY);

            // Sat 12-25 and the Friday holiday 12-24 are skipped
            assertThat(of(schedule, "Release notes").due()).isEqualTo(date("2027-12-23"));
            assertThat(of(schedule, "Release notes").startBy()).isEqualTo(date("2027-12-22"));
        }

        @Test
        void holidays_do_not_count_in_calendar_days() {
            PlanState plan = plan(created(CalendarKind.CALENDAR_DAYS, List.of(date("2027-06-30")), TARGET),
                    milestone("GA ready", 10));

            Schedule schedule = BackwardScheduler.schedule(plan, EARLY);

            assertThat(of(schedule, "GA ready").due()).isEqualTo(TARGET);
            assertThat(of(schedule, "GA ready").startBy()).isEqualTo(date("2027-06-20"));
        }

        @Test
        void slack_and_forecast_are_counted_in_working_days() {
            PlanState plan = plan(created(CalendarKind.WORKING_DAYS, List.of(date("2027-07-05")),
                    date("2027-07-06")), milestone("GA ready", 3));

            Schedule schedule = BackwardScheduler.schedule(plan, date("2027-06-28")); // Monday

            MilestoneSchedule ga = of(schedule, "GA ready");
            assertThat(ga.forecast()).isEqualTo(date("2027-07-01")); // Tue, Wed, Thu
            assertThat(ga.slackDays()).isEqualTo(2); // Fri 07-02 and Tue 07-06; the weekend and Monday are off
            assertThat(schedule.goalSlackDays()).isEqualTo(2);
        }

        @Test
        void a_forecast_as_of_a_weekend_day_is_the_forecast_as_of_the_friday_before() {
            PlanState plan = plan(created(CalendarKind.WORKING_DAYS, List.of(), date("2027-06-30")), // Wednesday
                    milestone("GA ready", 3));

            Schedule asOfFriday = BackwardScheduler.schedule(plan, date("2027-06-25"));
            Schedule asOfSaturday = BackwardScheduler.schedule(plan, date("2027-06-26"));
            Schedule asOfSunday = BackwardScheduler.schedule(plan, date("2027-06-27"));

            // Mon, Tue, Wed: due on the day the work can be finished, no slack and not late
            assertThat(of(asOfFriday, "GA ready").forecast()).isEqualTo(date("2027-06-30"));
            assertThat(of(asOfSaturday, "GA ready").forecast()).isEqualTo(date("2027-06-30"));
            assertThat(of(asOfSunday, "GA ready").forecast()).isEqualTo(date("2027-06-30"));
            assertThat(of(asOfSaturday, "GA ready").slackDays()).isZero();
        }

        @Test
        void a_predecessor_reached_on_a_weekend_lets_its_successor_start_on_monday() {
            PlanState plan = plan(created(CalendarKind.WORKING_DAYS, List.of(), date("2027-07-30")),
                    milestone("Beta done", 5),
                    milestone("GA ready", 2, "Beta done"),
                    new MilestoneReached(PLAN_ID, id("Beta done"), date("2027-06-26"), null)); // Saturday

            Schedule schedule = BackwardScheduler.schedule(plan, date("2027-06-26"));

            assertThat(of(schedule, "GA ready").forecast()).isEqualTo(date("2027-06-29")); // Mon, Tue
        }
    }

    @Nested
    @DisplayName("action steps")
    class Steps {

        /** Design 4 → Build 6 → Test 2 is the longest chain (12 days); Docs (3) runs alongside. */
        private PlanState betaWithSteps() {
            return plan(created(TARGET),
                    milestone("Prototype", 5),
                    milestone("Beta done", 5, "Prototype"),
                    step("Beta done", "Design", 4),
                    step("Beta done", "Build", 6, "Design"),
                    step("Beta done", "Test", 2, "Build"),
                    step("Beta done", "Docs", 3));
        }

        @Test
        void a_chain_of_steps_longer_than_the_lead_time_lengthens_the_milestone() {
            Schedule schedule = BackwardScheduler.schedule(betaWithSteps(), EARLY);

            MilestoneSchedule beta = of(schedule, "Beta done");
            assertThat(beta.due()).isEqualTo(date("2027-06-30"));
            assertThat(beta.leadTimeDays()).isEqualTo(12);
            assertThat(beta.startBy()).isEqualTo(date("2027-06-18"));
            assertThat(of(schedule, "Prototype").due()).isEqualTo(date("2027-06-18"));
        }

        @Test
        void steps_are_scheduled_backward_from_the_milestone_due_date() {
            Schedule schedule = BackwardScheduler.schedule(betaWithSteps(), EARLY);

            Map<UUID, StepSchedule> steps = of(schedule, "Beta done").steps();
            assertThat(steps.get(id("Test"))).isEqualTo(
                    new StepSchedule(id("Test"), date("2027-06-30"), date("2027-06-28")));
            assertThat(steps.get(id("Build"))).isEqualTo(
                    new StepSchedule(id("Build"), date("2027-06-28"), date("2027-06-22")));
            assertThat(steps.get(id("Design"))).isEqualTo(
                    new StepSchedule(id("Design"), date("2027-06-22"), date("2027-06-18")));
            assertThat(steps.get(id("Docs"))).isEqualTo(
                    new StepSchedule(id("Docs"), date("2027-06-30"), date("2027-06-27")));
            assertThat(steps.keySet()).as("from last to first")
                    .containsExactlyElementsOf(ids("Test", "Docs", "Build", "Design"));
        }

        @Test
        void steps_shorter_than_the_lead_time_leave_it_as_estimated() {
            PlanState plan = plan(created(TARGET),
                    milestone("GA ready", 10),
                    step("GA ready", "Announce", 3));

            Schedule schedule = BackwardScheduler.schedule(plan, EARLY);

            assertThat(of(schedule, "GA ready").leadTimeDays()).isEqualTo(10);
            assertThat(of(schedule, "GA ready").startBy()).isEqualTo(date("2027-06-20"));
            assertThat(BackwardScheduler.longestStepChain(plan.milestones().get(id("GA ready")))).isEqualTo(3);
        }

        @Test
        void steps_are_scheduled_in_working_days_too() {
            PlanState plan = plan(created(CalendarKind.WORKING_DAYS, List.of(), date("2027-07-06")), // Tuesday
                    milestone("GA ready", 1),
                    step("GA ready", "Build", 2),
                    step("GA ready", "Ship", 1, "Build"));

            MilestoneSchedule ga = of(BackwardScheduler.schedule(plan, EARLY), "GA ready");

            assertThat(ga.leadTimeDays()).isEqualTo(3);
            assertThat(ga.startBy()).isEqualTo(date("2027-07-01"));
            assertThat(ga.steps().get(id("Ship")).startBy()).isEqualTo(date("2027-07-05"));
            assertThat(ga.steps().get(id("Build")).due()).isEqualTo(date("2027-07-05"));
            assertThat(ga.steps().get(id("Build")).startBy()).isEqualTo(date("2027-07-01"));
        }
    }

    @Nested
    @DisplayName("forecast as of a day")
    class Forecast {

        private static final LocalDate MAY_1 = date("2027-05-01");

        @Test
        void unreached_milestones_are_forecast_from_the_as_of_day_through_their_predecessors() {
            Schedule schedule = BackwardScheduler.schedule(launchPlan(), MAY_1);

            assertThat(of(schedule, "Prototype").forecast()).isEqualTo(date("2027-05-06"));
            assertThat(of(schedule, "Beta done").forecast()).isEqualTo(date("2027-05-26"));
            assertThat(of(schedule, "GA ready").forecast()).isEqualTo(date("2027-06-05"));
            assertThat(of(schedule, "Prototype").remainingDays()).isEqualTo(5);
            assertThat(of(schedule, "Prototype").slackDays()).isEqualTo(25);
            assertThat(of(schedule, "Beta done").slackDays()).isEqualTo(25);
            assertThat(of(schedule, "GA ready").slackDays()).isEqualTo(25);
            assertThat(of(schedule, "GA ready").lateByDays()).isZero();
            assertThat(schedule.forecastGoalDate()).isEqualTo(date("2027-06-05"));
            assertThat(schedule.goalSlackDays()).isEqualTo(25);
            assertThat(schedule.criticalPath()).containsExactlyElementsOf(ids("GA ready", "Beta done", "Prototype"));
        }

        @Test
        void a_reached_milestone_is_fixed_at_its_actual_date_and_done_steps_shorten_the_remaining_lead_time() {
            PlanState plan = plan(created(TARGET),
                    milestone("Prototype", 5),
                    milestone("Beta done", 20, "Prototype"),
                    milestone("GA ready", 10, "Beta done"),
                    step("Beta done", "Android", 3),
                    step("Beta done", "iOS", 3),
                    step("Beta done", "Web", 3),
                    new MilestoneReached(PLAN_ID, id("Prototype"), date("2027-05-20"), null),
                    new StepMarkedDone(PLAN_ID, id("Beta done"), id("Web"), date("2027-05-28"), null));

            Schedule schedule = BackwardScheduler.schedule(plan, date("2027-06-01"));

            MilestoneSchedule prototype = of(schedule, "Prototype");
            assertThat(prototype.forecast()).isEqualTo(date("2027-05-20"));
            assertThat(prototype.slackDays()).isEqualTo(11);
            assertThat(prototype.critical()).isFalse();
            MilestoneSchedule beta = of(schedule, "Beta done");
            assertThat(beta.leadTimeDays()).isEqualTo(20);
            assertThat(beta.remainingDays()).as("ceil(20 × (1 − 3/9)) = ceil(13.3)").isEqualTo(14);
            assertThat(beta.forecast()).isEqualTo(date("2027-06-15"));
            assertThat(beta.slackDays()).isEqualTo(5);
            MilestoneSchedule ga = of(schedule, "GA ready");
            assertThat(ga.forecast()).isEqualTo(date("2027-06-25"));
            assertThat(ga.slackDays()).isEqualTo(5);
            assertThat(schedule.forecastGoalDate()).isEqualTo(date("2027-06-25"));
            assertThat(schedule.goalSlackDays()).isEqualTo(5);
            assertThat(schedule.criticalPath()).containsExactlyElementsOf(ids("GA ready", "Beta done"));
        }

        @Test
        void remaining_lead_time_is_rounded_up_and_is_zero_when_every_step_is_done() {
            PlanState plan = plan(created(TARGET),
                    milestone("Beta done", 10),
                    step("Beta done", "Build", 2),
                    step("Beta done", "Test", 1, "Build"),
                    new StepMarkedDone(PLAN_ID, id("Beta done"), id("Build"), MAY_1, null));
            assertThat(of(BackwardScheduler.schedule(plan, MAY_1), "Beta done").remainingDays())
                    .as("ceil(10 × 1/3)").isEqualTo(4);

            PlanState allDone = plan.evolve(
                    new StepMarkedDone(PLAN_ID, id("Beta done"), id("Test"), MAY_1, null));
            MilestoneSchedule beta = of(BackwardScheduler.schedule(allDone, MAY_1), "Beta done");
            assertThat(beta.remainingDays()).isZero();
            assertThat(beta.forecast()).isEqualTo(MAY_1);
        }

        @Test
        void a_successor_waits_for_a_predecessor_forecast_later_than_the_as_of_day() {
            PlanState plan = plan(created(TARGET),
                    milestone("Prototype", 30),
                    milestone("Beta done", 20, "Prototype"),
                    milestone("Docs", 1),
                    milestone("GA ready", 10, "Beta done", "Docs"));

            Schedule schedule = BackwardScheduler.schedule(plan, MAY_1);

            assertThat(of(schedule, "Prototype").forecast()).isEqualTo(date("2027-05-31"));
            assertThat(of(schedule, "Docs").forecast()).isEqualTo(date("2027-05-02"));
            assertThat(of(schedule, "Beta done").forecast()).isEqualTo(date("2027-06-20"));
            assertThat(of(schedule, "GA ready").forecast()).as("waits for the later predecessor")
                    .isEqualTo(date("2027-06-30"));
            assertThat(of(schedule, "Docs").critical()).isFalse();
            assertThat(of(schedule, "Docs").slackDays()).isEqualTo(49);
            assertThat(schedule.criticalPath()).containsExactlyElementsOf(ids("GA ready", "Beta done", "Prototype"));
        }

        @Test
        void negative_slack_means_late_by_that_many_days() {
            Schedule schedule = BackwardScheduler.schedule(launchPlan(), date("2027-06-15"));

            assertThat(of(schedule, "Prototype").forecast()).isEqualTo(date("2027-06-20"));
            assertThat(of(schedule, "Prototype").slackDays()).isEqualTo(-20);
            assertThat(of(schedule, "Prototype").lateByDays()).isEqualTo(20);
            assertThat(of(schedule, "GA ready").forecast()).isEqualTo(date("2027-07-20"));
            assertThat(of(schedule, "GA ready").lateByDays()).isEqualTo(20);
            assertThat(schedule.forecastGoalDate()).isEqualTo(date("2027-07-20"));
            assertThat(schedule.goalSlackDays()).isEqualTo(-20);
        }

        @Test
        void the_forecast_goal_date_is_the_latest_forecast_among_milestones_without_successors() {
            PlanState plan = plan(created(TARGET),
                    milestone("Prototype", 5),
                    milestone("Beta done", 20, "Prototype"),
                    milestone("GA ready", 10, "Beta done"),
                    milestone("Marketing site", 50));

            Schedule schedule = BackwardScheduler.schedule(plan, MAY_1);

            assertThat(of(schedule, "GA ready").forecast()).isEqualTo(date("2027-06-05"));
            assertThat(of(schedule, "Marketing site").forecast()).isEqualTo(date("2027-06-20"));
            assertThat(schedule.forecastGoalDate()).isEqualTo(date("2027-06-20"));
            assertThat(schedule.goalSlackDays()).isEqualTo(10);
            assertThat(of(schedule, "Marketing site").critical()).isTrue();
            assertThat(of(schedule, "GA ready").critical()).isFalse();
            assertThat(schedule.criticalPath()).containsExactly(id("Marketing site"));
        }

        @Test
        void reached_milestones_are_never_critical_nor_on_the_critical_path() {
            PlanState plan = plan(created(TARGET),
                    milestone("Prototype", 5),
                    milestone("Beta done", 20, "Prototype"),
                    milestone("GA ready", 10, "Beta done"),
                    new MilestoneReached(PLAN_ID, id("Prototype"), date("2027-06-10"), null));

            Schedule schedule = BackwardScheduler.schedule(plan, date("2027-06-10"));

            assertThat(of(schedule, "Prototype").slackDays()).isEqualTo(-10);
            assertThat(of(schedule, "Prototype").critical()).isFalse();
            assertThat(of(schedule, "Beta done").slackDays()).isEqualTo(-10);
            assertThat(of(schedule, "Beta done").critical()).isTrue();
            assertThat(schedule.criticalPath()).containsExactlyElementsOf(ids("GA ready", "Beta done"));
        }

        @Test
        void a_chain_made_critical_by_a_pinned_deadline_is_the_critical_path() {
            PlanState plan = plan(created(TARGET),
                    milestone("Prototype", 5),
                    milestone("Beta done", 20, date("2027-05-25"), "Prototype"),
                    milestone("GA ready", 10, "Beta done"));

            Schedule schedule = BackwardScheduler.schedule(plan, MAY_1);

            assertThat(of(schedule, "Beta done").due()).isEqualTo(date("2027-05-25"));
            assertThat(of(schedule, "Beta done").forecast()).isEqualTo(date("2027-05-26"));
            assertThat(of(schedule, "Beta done").slackDays()).isEqualTo(-1);
            assertThat(of(schedule, "Prototype").slackDays()).isEqualTo(-1);
            assertThat(of(schedule, "GA ready").slackDays()).isEqualTo(25);
            assertThat(of(schedule, "Beta done").critical()).isTrue();
            assertThat(of(schedule, "GA ready").critical()).isFalse();
            assertThat(schedule.criticalPath()).containsExactlyElementsOf(ids("Beta done", "Prototype"));
        }
    }
}
