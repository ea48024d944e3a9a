package dev.backcast.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.branches.Branch;
import dev.backcast.plan.branches.BranchDiscarded;
import dev.backcast.plan.branches.BranchMerged;
import dev.backcast.plan.branches.BranchStatus;
import dev.backcast.plan.branches.PlanBranched;
import dev.backcast.plan.goal.GoalRedefined;
import dev.backcast.plan.goal.TargetDateMoved;
import dev.backcast.plan.metrics.Direction;
import dev.backcast.plan.metrics.Measurement;
import dev.backcast.plan.metrics.MetricDefined;
import dev.backcast.plan.metrics.MetricDropped;
import dev.backcast.plan.metrics.MetricMeasured;
import dev.backcast.plan.metrics.MetricRevised;
import dev.backcast.plan.metrics.SuccessMetric;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestoneDeadlineChanged;
import dev.backcast.plan.milestones.MilestoneLeadTimeReestimated;
import dev.backcast.plan.milestones.MilestonePredecessorsChanged;
import dev.backcast.plan.milestones.MilestoneReachRetracted;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.milestones.MilestoneRemoved;
import dev.backcast.plan.milestones.MilestoneRevised;
import dev.backcast.plan.milestones.MilestoneStatus;
import dev.backcast.plan.questions.Question;
import dev.backcast.plan.questions.QuestionAnswered;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.plan.questions.QuestionRaised;
import dev.backcast.plan.risks.Risk;
import dev.backcast.plan.risks.RiskClosed;
import dev.backcast.plan.risks.RiskIdentified;
import dev.backcast.plan.risks.RiskReassessed;
import dev.backcast.plan.risks.RiskStatus;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.plan.scheduling.SchedulingCalendar;
import dev.backcast.plan.steps.ActionStep;
import dev.backcast.plan.steps.StepAdded;
import dev.backcast.plan.steps.StepMarkedDone;
import dev.backcast.plan.steps.StepRemoved;
import dev.backcast.plan.steps.StepReopened;
import dev.backcast.plan.steps.StepRevised;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.backcast.plan.PlanFixtures.BECAUSE;
import static dev.backcast.plan.PlanFixtures.PLAN_ID;
import static dev.backcast.plan.PlanFixtures.created;
import static dev.backcast.plan.PlanFixtures.id;
import static dev.backcast.plan.PlanFixtures.milestone;
import static dev.backcast.plan.PlanFixtures.plan;
import static dev.backcast.plan.PlanFixtures.pressRelease;
import static dev.backcast.plan.PlanFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanStateTest {

    private static final LocalDate TARGET = LocalDate.of(2027, 6, 30);
    private static final UUID METRIC = id("Weekly active planners");
    private static final UUID QUESTION = id("Why would a PMO switch?");
    private static final UUID RISK = id("Key engineer leaves");
    private static final UUID BRANCH = id("What if the beta slips");

    private static MetricDefined metricDefined() {
        return new MetricDefined(PLAN_ID, METRIC, "Weekly active planners", "planners", new BigDecimal("0"),
                new BigDecimal("250.50"), Direction.INCREASE, LocalDate.of(2027, 9, 30), null);
    }

    private static MetricMeasured measured(String value, LocalDate on) {
        return new MetricMeasured(PLAN_ID, METRIC, new BigDecimal(value), on, null);
    }

    @Nested
    @DisplayName("the plan and its lifecycle")
    class Lifecycle {

        @Test
        void before_the_first_event_nothing_exists() {
            PlanState initial = PlanState.initial();

            assertThat(initial.exists()).isFalse();
            assertThat(initial.revision()).isZero();
            assertThat(initial.targetDate()).isNull();
            assertThat(initial.milestones()).isEmpty();
        }

        @Test
        void a_created_plan_is_a_draft_at_revision_one() {
            PlanState state = plan(created(CalendarKind.WORKING_DAYS, List.of(LocalDate.of(2027, 7, 5)), TARGET));

            assertThat(state.exists()).isTrue();
            assertThat(state.planId()).isEqualTo(PLAN_ID);
            assertThat(state.revision()).isEqualTo(1);
            assertThat(state.status()).isEqualTo(PlanStatus.DRAFT);
            assertThat(state.title()).isEqualTo("Launch Backcast");
            assertThat(state.portfolio()).isEqualTo("Platform");
            assertThat(state.calendar()).isEqualTo(
                    SchedulingCalendar.of(CalendarKind.WORKING_DAYS, List.of(LocalDate.of(2027, 7, 5))));
            assertThat(state.goal()).isEqualTo(pressRelease(TARGET));
            assertThat(state.targetDate()).isEqualTo(TARGET);
            assertThat(state.metrics()).isEmpty();
            assertThat(state.milestones()).isEmpty();
            assertThat(state.questions()).isEmpty();
            assertThat(state.risks()).isEmpty();
            assertThat(state.baselines()).isEmpty();
            assertThat(state.achievedOn()).isNull();
        }

        @Test
        void every_event_adds_one_revision() {
            PlanState state = plan(created(TARGET), metricDefined(), milestone("Beta done", 20),
                    measured("3", LocalDate.of(2027, 3, 1)));

            assertThat(state.revision()).isEqualTo(4);
            assertThat(state.evolve(measured("4", LocalDate.of(2027, 3, 8))).revision()).isEqualTo(5);
        }

        @Test
        void approval_makes_the_draft_active_and_achieving_the_goal_closes_it() {
            PlanState active = plan(created(TARGET), metricDefined(), milestone("Beta done", 20),
                    new PlanApproved(PLAN_ID, null));
            assertThat(active.status()).isEqualTo(PlanStatus.ACTIVE);
            assertThat(active.achievedOn()).isNull();

            PlanState achieved = active.evolve(new GoalAchieved(PLAN_ID, LocalDate.of(2027, 6, 28), BECAUSE));
            assertThat(achieved.status()).isEqualTo(PlanStatus.ACHIEVED);
            assertThat(achieved.status().closed()).isTrue();
            assertThat(achieved.achievedOn()).isEqualTo(LocalDate.of(2027, 6, 28));
            assertThat(achieved.revision()).isEqualTo(5);
        }

        @Test
        void an_abandoned_plan_is_closed_without_an_achievement_date() {
            PlanState abandoned = plan(created(TARGET), new PlanApproved(PLAN_ID, null),
                    new PlanAbandoned(PLAN_ID, new Reason(ReasonCategory.SCOPE, "Market moved")));

            assertThat(abandoned.status()).isEqualTo(PlanStatus.ABANDONED);
            assertThat(abandoned.status().closed()).isTrue();
            assertThat(abandoned.achievedOn()).isNull();
        }

        @Test
        void changed_details_replace_title_portfolio_and_calendar_and_keep_the_rest() {
            PlanState before = plan(created(TARGET), metricDefined(), milestone("Beta done", 20));

            PlanState after = before.evolve(new PlanDetailsChanged(PLAN_ID, "Launch Backcast 1.0", "Growth",
                    CalendarKind.WORKING_DAYS, List.of(LocalDate.of(2027, 12, 24)), BECAUSE));

            assertThat(after.title()).isEqualTo("Launch Backcast 1.0");
            assertThat(after.portfolio()).isEqualTo("Growth");
            assertThat(after.calendar().kind()).isEqualTo(CalendarKind.WORKING_DAYS);
            assertThat(after.calendar().holidays()).containsExactly(LocalDate.of(2027, 12, 24));
            assertThat(after.goal()).isEqualTo(before.goal());
            assertThat(after.metrics()).isEqualTo(before.metrics());
            assertThat(after.milestones()).isEqualTo(before.milestones());
            assertThat(after.status()).isEqualTo(PlanStatus.DRAFT);
        }

        @Test
        void an_event_without_a_meaning_is_refused() {
            PlanEvent stranger = new PlanEvent() {
                @Override
                public UUID planId() {
                    return PLAN_ID;
                }

                @Override
                public Reason reason() {
                    return null;
                }
            };

            assertThatIllegalArgumentException().isThrownBy(() -> plan(created(TARGET)).evolve(stranger))
                    .withMessageContaining("No meaning");
        }

        @Test
        void evolving_never_changes_the_state_it_started_from() {
            PlanState before = plan(created(TARGET), milestone("Beta done", 20));

            PlanState after = before.evolve(milestone("GA ready", 10, "Beta done"));

            assertThat(before.milestones()).containsOnlyKeys(id("Beta done"));
            assertThat(before.revision()).isEqualTo(2);
            assertThat(after.milestones()).containsOnlyKeys(id("Beta done"), id("GA ready"));
            assertThatThrownBy(() -> after.milestones().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("the goal")
    class TheGoal {

        @Test
        void a_redefined_goal_keeps_its_target_date() {
            PlanState state = plan(created(TARGET), new GoalRedefined(PLAN_ID, "Plans that explain every slip",
                    null, "Nobody knows why plans slip", "A reason on every change", null, null, "Sign up",
                    BECAUSE));

            assertThat(state.goal()).isEqualTo(new Goal("Plans that explain every slip", null,
                    "Nobody knows why plans slip", "A reason on every change", null, null, "Sign up", TARGET));
        }

        @Test
        void a_moved_target_date_keeps_the_press_release_text() {
            LocalDate later = LocalDate.of(2027, 9, 30);

            PlanState state = plan(created(TARGET), new TargetDateMoved(PLAN_ID, later, BECAUSE));

            assertThat(state.targetDate()).isEqualTo(later);
            assertThat(state.goal()).isEqualTo(pressRelease(later));
        }
    }

    @Nested
    @DisplayName("success metrics")
    class Metrics {

        @Test
        void a_defined_metric_has_no_measurements_yet() {
            PlanState state = plan(created(TARGET), metricDefined());

            assertThat(state.metrics()).containsExactly(Map.entry(METRIC, new SuccessMetric(METRIC,
                    "Weekly active planners", "planners", new BigDecimal("0"), new BigDecimal("250.50"),
                    Direction.INCREASE, LocalDate.of(2027, 9, 30), List.of())));
        }

        @Test
        void measurements_are_appended_in_the_order_they_were_recorded() {
            PlanState state = plan(created(TARGET), metricDefined(),
                    measured("12", LocalDate.of(2027, 3, 8)),
                    measured("9", LocalDate.of(2027, 3, 1)),
                    measured("12", LocalDate.of(2027, 3, 8)));

            assertThat(state.metrics().get(METRIC).measurements()).containsExactly(
                    new Measurement(new BigDecimal("12"), LocalDate.of(2027, 3, 8)),
                    new Measurement(new BigDecimal("9"), LocalDate.of(2027, 3, 1)),
                    new Measurement(new BigDecimal("12"), LocalDate.of(2027, 3, 8)));
        }

        @Test
        void a_revised_metric_keeps_its_measurements() {
            PlanState state = plan(created(TARGET), metricDefined(), measured("12", LocalDate.of(2027, 3, 8)),
                    new MetricRevised(PLAN_ID, METRIC, "Monthly active planners", "planners", new BigDecimal("5"),
                            new BigDecimal("1000"), Direction.INCREASE, null, BECAUSE));

            SuccessMetric metric = state.metrics().get(METRIC);
            assertThat(metric.name()).isEqualTo("Monthly active planners");
            assertThat(metric.baselineValue()).isEqualTo(new BigDecimal("5"));
            assertThat(metric.targetValue()).isEqualTo(new BigDecimal("1000"));
            assertThat(metric.measuredBy()).isNull();
            assertThat(metric.measurements()).hasSize(1);
        }

        @Test
        void a_dropped_metric_is_gone() {
            PlanState state = plan(created(TARGET), metricDefined(), new MetricDropped(PLAN_ID, METRIC, BECAUSE));

            assertThat(state.metrics()).isEmpty();
        }
    }

    @Nested
    @DisplayName("milestones")
    class Milestones {

        @Test
        void an_added_milestone_is_planned_without_steps() {
            LocalDate deadline = LocalDate.of(2027, 6, 1);
            PlanState state = plan(created(TARGET), metricDefined(), milestone("Prototype", 5),
                    new MilestoneAdded(PLAN_ID, id("Beta done"), "Beta done", "Ten design partners use it", "Ada",
                            20, List.of(id("Prototype")), deadline, List.of(METRIC), null));

            assertThat(state.milestones().keySet()).containsExactly(id("Prototype"), id("Beta done"));
            assertThat(state.milestones().get(id("Beta done"))).isEqualTo(new Milestone(id("Beta done"),
                    "Beta done", "Ten design partners use it", "Ada", 20, List.of(id("Prototype")), deadline,
                    List.of(METRIC), null, Map.of()));
            assertThat(state.milestones().get(id("Beta done")).status()).isEqualTo(MilestoneStatus.PLANNED);
        }

        @Test
        void revising_a_milestone_changes_its_description_only() {
            PlanState before = plan(created(TARGET), metricDefined(), milestone("Prototype", 5),
                    milestone("Beta done", 20, LocalDate.of(2027, 6, 1), "Prototype"),
                    step("Beta done", "Invite partners", 3),
                    new MilestoneReached(PLAN_ID, id("Beta done"), LocalDate.of(2027, 5, 30), null));

            PlanState after = before.evolve(new MilestoneRevised(PLAN_ID, id("Beta done"), "Public beta",
                    "Anyone can sign up", "Grace", List.of(METRIC), BECAUSE));

            Milestone was = before.milestones().get(id("Beta done"));
            Milestone is = after.milestones().get(id("Beta done"));
            assertThat(is.name()).isEqualTo("Public beta");
            assertThat(is.definitionOfDone()).isEqualTo("Anyone can sign up");
            assertThat(is.owner()).isEqualTo("Grace");
            assertThat(is.metrics()).containsExactly(METRIC);
            assertThat(is).usingRecursiveComparison()
                    .ignoringFields("name", "definitionOfDone", "owner", "metrics").isEqualTo(was);
        }

        @Test
        void lead_time_deadline_and_predecessors_change_one_at_a_time() {
            LocalDate deadline = LocalDate.of(2027, 6, 10);
            PlanState state = plan(created(TARGET), milestone("Prototype", 5), milestone("Spike", 2),
                    milestone("Beta done", 20, "Prototype"),
                    new MilestoneLeadTimeReestimated(PLAN_ID, id("Beta done"), 25, BECAUSE),
                    new MilestoneDeadlineChanged(PLAN_ID, id("Beta done"), deadline, BECAUSE),
                    new MilestonePredecessorsChanged(PLAN_ID, id("Beta done"), List.of(id("Prototype"), id("Spike")),
                            BECAUSE));

            Milestone beta = state.milestones().get(id("Beta done"));
            assertThat(beta.leadTimeDays()).isEqualTo(25);
            assertThat(beta.deadline()).isEqualTo(deadline);
            assertThat(beta.predecessors()).containsExactly(id("Prototype"), id("Spike"));
            assertThat(beta.name()).isEqualTo("Beta done");

            PlanState unpinned = state.evolve(new MilestoneDeadlineChanged(PLAN_ID, id("Beta done"), null, BECAUSE));
            assertThat(unpinned.milestones().get(id("Beta done")).deadline()).isNull();
        }

        @Test
        void a_reached_milestone_records_the_day_and_a_retraction_takes_it_back() {
            LocalDate reachedOn = LocalDate.of(2027, 5, 20);
            PlanState reached = plan(created(TARGET), milestone("Prototype", 5),
                    new MilestoneReached(PLAN_ID, id("Prototype"), reachedOn, null));

            assertThat(reached.milestones().get(id("Prototype")).reachedOn()).isEqualTo(reachedOn);
            assertThat(reached.milestones().get(id("Prototype")).status()).isEqualTo(MilestoneStatus.REACHED);

            PlanState retracted = reached.evolve(new MilestoneReachRetracted(PLAN_ID, id("Prototype"), BECAUSE));
            assertThat(retracted.milestones().get(id("Prototype")).reachedOn()).isNull();
            assertThat(retracted.milestones().get(id("Prototype")).reached()).isFalse();
            assertThat(retracted.revision()).isEqualTo(4);
        }

        @Test
        void a_removed_milestone_is_gone_and_the_others_keep_their_order() {
            PlanState state = plan(created(TARGET), milestone("Prototype", 5), milestone("Spike", 2),
                    milestone("Beta done", 20, "Prototype"),
                    new MilestoneRemoved(PLAN_ID, id("Spike"), BECAUSE));

            assertThat(state.milestones().keySet()).containsExactly(id("Prototype"), id("Beta done"));
        }
    }

    @Nested
    @DisplayName("action steps")
    class Steps {

        private final LocalDate doneOn = LocalDate.of(2027, 5, 3);

        private PlanState betaWithSteps() {
            return plan(created(TARGET), milestone("Beta done", 20),
                    step("Beta done", "Design", 4),
                    step("Beta done", "Build", 6, "Design"));
        }

        private ActionStep stepOf(PlanState state, String name) {
            return state.milestones().get(id("Beta done")).steps().get(id(name));
        }

        @Test
        void added_steps_are_open_and_kept_in_the_order_they_were_added() {
            PlanState state = betaWithSteps();

            assertThat(state.milestones().get(id("Beta done")).steps().keySet())
                    .containsExactly(id("Design"), id("Build"));
            assertThat(stepOf(state, "Build")).isEqualTo(
                    new ActionStep(id("Build"), "Build", "Grace", 6, List.of(id("Design")), null));
        }

        @Test
        void a_done_step_records_the_day_and_reopening_takes_it_back() {
            PlanState done = betaWithSteps().evolve(
                    new StepMarkedDone(PLAN_ID, id("Beta done"), id("Design"), doneOn, null));
            assertThat(stepOf(done, "Design").doneOn()).isEqualTo(doneOn);
            assertThat(stepOf(done, "Design").done()).isTrue();

            PlanState reopened = done.evolve(new StepReopened(PLAN_ID, id("Beta done"), id("Design"), BECAUSE));
            assertThat(stepOf(reopened, "Design").done()).isFalse();
            assertThat(stepOf(reopened, "Design")).isEqualTo(stepOf(betaWithSteps(), "Design"));
        }

        @Test
        void a_revised_step_keeps_its_done_date() {
            PlanState state = betaWithSteps().evolve(
                    new StepMarkedDone(PLAN_ID, id("Beta done"), id("Build"), doneOn, null)).evolve(
                    new StepRevised(PLAN_ID, id("Beta done"), id("Build"), "Build it twice", "Alan", 9, List.of(),
                            BECAUSE));

            assertThat(stepOf(state, "Build")).isEqualTo(
                    new ActionStep(id("Build"), "Build it twice", "Alan", 9, List.of(), doneOn));
        }

        @Test
        void a_removed_step_is_gone_and_its_milestone_stays() {
            PlanState state = betaWithSteps().evolve(
                    new StepRemoved(PLAN_ID, id("Beta done"), id("Build"), BECAUSE));

            assertThat(state.milestones().get(id("Beta done")).steps().keySet()).containsExactly(id("Design"));
            assertThat(state.milestones().get(id("Beta done")).leadTimeDays()).isEqualTo(20);
        }

        @Test
        void steps_survive_changes_to_their_milestone() {
            PlanState state = betaWithSteps().evolve(
                    new MilestoneLeadTimeReestimated(PLAN_ID, id("Beta done"), 30, BECAUSE));

            assertThat(state.milestones().get(id("Beta done")).steps()).hasSize(2);
        }
    }

    @Nested
    @DisplayName("questions, risks and baselines")
    class QuestionsRisksBaselines {

        @Test
        void a_raised_question_is_open_until_answered() {
            PlanState raised = plan(created(TARGET),
                    new QuestionRaised(PLAN_ID, QUESTION, QuestionKind.SKEPTIC, "Why would a PMO switch?", null));
            assertThat(raised.questions().get(QUESTION)).isEqualTo(
                    new Question(QUESTION, QuestionKind.SKEPTIC, "Why would a PMO switch?", null));
            assertThat(raised.questions().get(QUESTION).answered()).isFalse();

            PlanState answered = raised.evolve(new QuestionAnswered(PLAN_ID, QUESTION, "Audits", null));
            assertThat(answered.questions().get(QUESTION).answer()).isEqualTo("Audits");
            assertThat(answered.questions().get(QUESTION).answered()).isTrue();
        }

        @Test
        void a_risk_is_open_when_identified_keeps_its_status_when_reassessed_and_closes_with_an_outcome() {
            PlanState identified = plan(created(TARGET),
                    new RiskIdentified(PLAN_ID, RISK, "Key engineer leaves", 2, 5, "Pair on everything", null));
            assertThat(identified.risks().get(RISK)).isEqualTo(
                    new Risk(RISK, "Key engineer leaves", 2, 5, "Pair on everything", RiskStatus.OPEN, null));

            PlanState reassessed = identified.evolve(new RiskReassessed(PLAN_ID, RISK, "Key engineers leave", 3, 5,
                    "Document and pair", BECAUSE));
            assertThat(reassessed.risks().get(RISK)).isEqualTo(
                    new Risk(RISK, "Key engineers leave", 3, 5, "Document and pair", RiskStatus.OPEN, null));
            assertThat(reassessed.risks().get(RISK).exposure()).isEqualTo(15);

            PlanState closed = reassessed.evolve(new RiskClosed(PLAN_ID, RISK, RiskStatus.MITIGATED,
                    "Second engineer onboarded", BECAUSE));
            assertThat(closed.risks().get(RISK)).isEqualTo(new Risk(RISK, "Key engineers leave", 3, 5,
                    "Document and pair", RiskStatus.MITIGATED, "Second engineer onboarded"));
        }

        @Test
        void a_captured_baseline_is_kept_under_its_name_and_a_recapture_replaces_it() {
            Map<UUID, LocalDate> due = new LinkedHashMap<>();
            due.put(id("GA ready"), TARGET);
            due.put(id("Beta done"), LocalDate.of(2027, 6, 20));
            PlanState state = plan(created(TARGET), milestone("Beta done", 20), milestone("GA ready", 10, "Beta done"),
                    new BaselineCaptured(PLAN_ID, "approved", TARGET, due, null));

            assertThat(state.baselines()).containsExactly(
                    Map.entry("approved", new Baseline("approved", TARGET, due)));
            assertThat(state.baselines().get("approved").dueDates().keySet())
                    .containsExactly(id("GA ready"), id("Beta done"));

            PlanState recaptured = state.evolve(new BaselineCaptured(PLAN_ID, "approved", TARGET.plusDays(7),
                    Map.of(), BECAUSE));
            assertThat(recaptured.baselines()).containsOnlyKeys("approved");
            assertThat(recaptured.baselines().get("approved").targetDate()).isEqualTo(TARGET.plusDays(7));
        }
    }

    @Nested
    @DisplayName("what-if branches")
    class Branches {

        @Test
        void a_branch_begins_as_its_plan_stood_under_its_own_identity() {
            PlanState origin = PlanState.replay(everyKindOfEvent().subList(0, 20));

            PlanState branch = PlanState.initial().evolve(new PlanBranched(BRANCH, PLAN_ID, 20, "What if", origin));

            assertThat(branch.planId()).isEqualTo(BRANCH);
            assertThat(branch.revision()).isEqualTo(1);
            assertThat(branch.branch()).isEqualTo(new Branch(PLAN_ID, 20, "What if", BranchStatus.OPEN));
            assertThat(branch.under(origin)).usingRecursiveComparison().ignoringFields("revision").isEqualTo(origin);
            assertThat(origin.isBranch()).isFalse();
        }

        @Test
        void a_merged_or_discarded_branch_keeps_everything_but_its_status() {
            PlanState branch = PlanState.replay(everyKindOfBranchEvent().subList(0, 1));

            PlanState discarded = branch.evolve(new BranchDiscarded(BRANCH, BECAUSE));
            PlanState merged = branch.evolve(new BranchMerged(BRANCH, 31));

            assertThat(discarded.branch().status()).isEqualTo(BranchStatus.DISCARDED);
            assertThat(merged.branch().status()).isEqualTo(BranchStatus.MERGED);
            assertThat(merged.milestones()).isEqualTo(branch.milestones());
        }
    }

    @Nested
    @DisplayName("JSON, as events and snapshots are stored")
    class Json {

        private final ObjectMapper json = PlanFixtures.json();

        @Test
        void a_plan_state_round_trips_to_an_equal_state() throws Exception {
            PlanState state = PlanState.replay(everyKindOfEvent());

            String text = json.writeValueAsString(state);
            PlanState read = json.readValue(text, PlanState.class);

            assertThat(read).isEqualTo(state);
            assertThat(read.milestones().keySet()).containsExactlyElementsOf(state.milestones().keySet());
            assertThat(text).contains("\"targetDate\":\"2027-06-30\"");
        }

        @Test
        void the_initial_state_round_trips_too() throws Exception {
            PlanState initial = PlanState.initial();

            assertThat(json.readValue(json.writeValueAsString(initial), PlanState.class)).isEqualTo(initial);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.backcast.plan.PlanStateTest#everyKindOfEventByName")
        void every_event_round_trips_to_an_equal_event(String name, PlanEvent event) throws Exception {
            PlanEvent read = json.readValue(json.writeValueAsString(event), event.getClass());

            assertThat(read).isEqualTo(event);
        }

        @Test
        void the_samples_cover_every_kind_of_event() {
            Set<String> eventTypes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.backcast.plan").stream()
                    .filter(type -> type.isAssignableTo(PlanEvent.class) && !type.isInterface())
                    .map(JavaClass::getName).collect(Collectors.toSet());

            assertThat(eventTypes).hasSizeGreaterThanOrEqualTo(30);
            assertThat(Stream.concat(everyKindOfEvent().stream(), everyKindOfBranchEvent().stream())
                    .map(event -> event.getClass().getName()).collect(Collectors.toSet())).isEqualTo(eventTypes);
        }
    }

    /** A branch's own kinds of event: the one that begins it, carrying a whole plan, and those that close it. */
    static List<PlanEvent> everyKindOfBranchEvent() {
        PlanState origin = PlanState.replay(everyKindOfEvent().subList(0, 30));
        return List.of(new PlanBranched(BRANCH, PLAN_ID, 30, "What if the beta slips", origin),
                new BranchDiscarded(BRANCH, BECAUSE), new BranchMerged(BRANCH, 31));
    }

    static List<Arguments> everyKindOfEventByName() {
        return Stream.concat(everyKindOfEvent().stream(), everyKindOfBranchEvent().stream())
                .map(event -> Arguments.of(event.getClass().getSimpleName(), event))
                .toList();
    }

    /**
     * At least one event of every kind, each field filled in somewhere; in an order the command side could have
     * recorded, except that a plan is never both achieved and abandoned.
     */
    static List<PlanEvent> everyKindOfEvent() {
        UUID beta = id("Beta done");
        UUID ga = id("GA ready");
        UUID spike = id("Spike");
        UUID design = id("Design");
        UUID build = id("Build");
        UUID dropped = id("Dropped metric");
        LocalDate on = LocalDate.of(2027, 5, 3);
        Map<UUID, LocalDate> due = new LinkedHashMap<>();
        due.put(ga, TARGET);
        due.put(beta, LocalDate.of(2027, 6, 20));
        List<PlanEvent> events = new ArrayList<>(List.of(
                created(CalendarKind.WORKING_DAYS, List.of(LocalDate.of(2027, 7, 5), LocalDate.of(2027, 12, 24)),
                        TARGET),
                new PlanDetailsChanged(PLAN_ID, "Launch Backcast 1.0", "Growth", CalendarKind.WORKING_DAYS,
                        List.of(LocalDate.of(2027, 12, 24)), BECAUSE),
                new GoalRedefined(PLAN_ID, "Headline", "Subheading", "Problem", "Solution", "Customer says",
                        "Leader says", "Call to action", BECAUSE),
                new TargetDateMoved(PLAN_ID, TARGET, BECAUSE),
                new MetricDefined(PLAN_ID, METRIC, "Weekly active planners", "planners", new BigDecimal("0.0"),
                        new BigDecimal("250.50"), Direction.INCREASE, LocalDate.of(2027, 9, 30), BECAUSE),
                new MetricDefined(PLAN_ID, dropped, "Churn", "%", new BigDecimal("5"), new BigDecimal("1.5"),
                        Direction.DECREASE, null, null),
                new MetricRevised(PLAN_ID, METRIC, "Weekly active planners", "people", new BigDecimal("1"),
                        new BigDecimal("300"), Direction.INCREASE, LocalDate.of(2027, 10, 31), BECAUSE),
                new MetricMeasured(PLAN_ID, METRIC, new BigDecimal("12.25"), on, BECAUSE),
                new MetricDropped(PLAN_ID, dropped, BECAUSE),
                new MilestoneAdded(PLAN_ID, spike, "Spike", "We know", "Ada", 2, List.of(), null, List.of(), null),
                new MilestoneAdded(PLAN_ID, beta, "Beta done", "Partners use it", "Ada", 20, List.of(spike),
                        LocalDate.of(2027, 6, 15), List.of(METRIC), BECAUSE),
                new MilestoneAdded(PLAN_ID, ga, "GA ready", "Anyone can buy it", "Grace", 10, List.of(beta), null,
                        List.of(METRIC), null),
                new MilestoneRevised(PLAN_ID, beta, "Public beta", "Anyone can sign up", "Alan", List.of(METRIC),
                        BECAUSE),
                new MilestoneLeadTimeReestimated(PLAN_ID, beta, 25, BECAUSE),
                new MilestoneDeadlineChanged(PLAN_ID, beta, LocalDate.of(2027, 6, 18), BECAUSE),
                new MilestonePredecessorsChanged(PLAN_ID, beta, List.of(), BECAUSE),
                new MilestoneRemoved(PLAN_ID, spike, BECAUSE),
                new StepAdded(PLAN_ID, beta, design, "Design", "Grace", 4, List.of(), BECAUSE),
                new StepAdded(PLAN_ID, beta, build, "Build", "Grace", 6, List.of(design), null),
                new StepRevised(PLAN_ID, beta, build, "Build it", "Alan", 7, List.of(design), BECAUSE),
                new StepMarkedDone(PLAN_ID, beta, design, on, BECAUSE),
                new StepMarkedDone(PLAN_ID, beta, build, on, null),
                new StepReopened(PLAN_ID, beta, build, BECAUSE),
                new StepRemoved(PLAN_ID, beta, build, BECAUSE),
                new MilestoneReached(PLAN_ID, beta, on, BECAUSE),
                new MilestoneReachRetracted(PLAN_ID, beta, BECAUSE),
                new MilestoneReached(PLAN_ID, beta, on.plusDays(1), null),
                new QuestionRaised(PLAN_ID, QUESTION, QuestionKind.CUSTOMER_FAQ, "Does it export?", BECAUSE),
                new QuestionAnswered(PLAN_ID, QUESTION, "Yes, as JSON lines", BECAUSE),
                new RiskIdentified(PLAN_ID, RISK, "Key engineer leaves", 2, 5, "Pair", BECAUSE),
                new RiskReassessed(PLAN_ID, RISK, "Key engineers leave", 3, 4, "Document", BECAUSE),
                new RiskClosed(PLAN_ID, RISK, RiskStatus.MATERIALISED, "It happened", BECAUSE),
                new PlanApproved(PLAN_ID, BECAUSE),
                new BaselineCaptured(PLAN_ID, "approved", TARGET, due, BECAUSE),
                new GoalAchieved(PLAN_ID, TARGET, BECAUSE)));
        events.add(new PlanAbandoned(PLAN_ID, new Reason(ReasonCategory.OTHER, "Only to show the event")));
        return events;
    }
}
