package dev.backcast.command.baselines;

import dev.backcast.command.plan.PlanAggregate;
import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.PlanCreated;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.baselines.CaptureBaseline;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.plan.steps.StepAdded;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.backcast.command.GivenPlan.BECAUSE;
import static dev.backcast.command.GivenPlan.BETA;
import static dev.backcast.command.GivenPlan.GA;
import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.TARGET_DATE;
import static dev.backcast.command.GivenPlan.betaAdded;
import static dev.backcast.command.GivenPlan.change;
import static dev.backcast.command.GivenPlan.gaAdded;
import static dev.backcast.command.GivenPlan.metricDefined;
import static dev.backcast.command.GivenPlan.planCreated;
import static dev.backcast.command.GivenPlan.planFixture;
import static dev.backcast.command.GivenPlan.planWithTwoMilestones;
import static dev.backcast.command.GivenPlan.pressRelease;
import static dev.backcast.command.GivenPlan.rejected;
import static dev.backcast.command.GivenPlan.tooLong;
import static dev.backcast.command.plan.PlanRejection.Kind.INVALID_INPUT;
import static dev.backcast.command.plan.PlanRejection.Kind.RULE_VIOLATED;
import static org.hamcrest.Matchers.containsString;

/** Named baselines: frozen copies of every milestone's due date, computed backward from the target date. */
class BaselineCommandsTest {

    private static final UUID LAUNCH = UUID.fromString("00000000-0000-0000-0000-00000000b003");
    private static final UUID DOCS = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    private static final UUID SHIP = UUID.fromString("00000000-0000-0000-0000-00000000e002");

    private final FixtureConfiguration<PlanAggregate> fixture = planFixture();

    private static LocalDate june(int day) {
        return LocalDate.of(2027, 6, day);
    }

    @Test
    void capturingFreezesTheTargetDateAndTheDueDateOfEveryMilestone() {
        // GA ready: due on the target date 06-30; its steps (7 then 8 days) outlast its lead time of 10, so it
        // must start 15 days earlier, by 06-15. Beta done is due when GA ready must start: 06-15.
        // Launch event has no successor but a pinned deadline: due 06-01.
        fixture.given(planCreated(), betaAdded(), gaAdded(),
                        new StepAdded(PLAN_ID, GA, DOCS, "Write docs", null, 7, List.of(), null),
                        new StepAdded(PLAN_ID, GA, SHIP, "Ship", null, 8, List.of(DOCS), null),
                        new MilestoneAdded(PLAN_ID, LAUNCH, "Launch event", null, null, 3, List.of(), june(1),
                                List.of(), null))
                .when(change(new CaptureBaseline("  Q2 review ", BECAUSE)))
                .expectEvents(new BaselineCaptured(PLAN_ID, "Q2 review", TARGET_DATE,
                        Map.of(GA, june(30), BETA, june(15), LAUNCH, june(1)), BECAUSE))
                .expectResultMessagePayload(7L);
    }

    @Test
    void inAWorkingDaysPlanDueDatesAvoidWeekendsAndHolidays() {
        // Target Saturday 07-03; Friday 07-02 is a holiday, so GA ready is due Thursday 07-01. Ten working days
        // back, skipping two weekends and the holiday on Friday 06-25, it must start by Wednesday 06-16, which is
        // when Beta done is due.
        LocalDate saturday = LocalDate.of(2027, 7, 3);
        fixture.given(new PlanCreated(PLAN_ID, "Launch Backcast", "Platform", CalendarKind.WORKING_DAYS,
                                List.of(june(25), LocalDate.of(2027, 7, 2)), pressRelease().withTargetDate(saturday)),
                        betaAdded(), gaAdded())
                .when(change(new CaptureBaseline("Working days", null)))
                .expectEvents(new BaselineCaptured(PLAN_ID, "Working days", saturday,
                        Map.of(GA, LocalDate.of(2027, 7, 1), BETA, june(16)), null));
    }

    @Test
    void aPlanWithoutMilestonesFreezesOnlyItsTargetDate() {
        fixture.given(planCreated())
                .when(change(new CaptureBaseline("Empty", null)))
                .expectEvents(new BaselineCaptured(PLAN_ID, "Empty", TARGET_DATE, Map.of(), null));
    }

    @Test
    void theNameApprovedIsReservedForApproval() {
        fixture.given(planWithTwoMilestones())
                .when(change(new CaptureBaseline(" approved ", null)))
                .expectException(rejected(RULE_VIOLATED, "name"))
                .expectExceptionMessage(containsString("reserved"))
                .expectNoEvents();
    }

    @Test
    void aBaselineNameCannotBeUsedTwice() {
        fixture.given(planWithTwoMilestones().toArray())
                .andGiven(new BaselineCaptured(PLAN_ID, "Q2 review", TARGET_DATE, Map.of(GA, june(30), BETA, june(20)),
                        null))
                .when(change(new CaptureBaseline("Q2 review", null)))
                .expectException(rejected(RULE_VIOLATED, "name"))
                .expectExceptionMessage(containsString("already has a baseline named 'Q2 review'"));
    }

    @Test
    void afterApprovalTheApprovedBaselineExistsAndOthersCanBeAdded() {
        fixture.given(planWithTwoMilestones().toArray())
                .andGiven(metricDefined(), new PlanApproved(PLAN_ID, null),
                        new BaselineCaptured(PLAN_ID, "approved", TARGET_DATE, Map.of(GA, june(30), BETA, june(20)),
                                null))
                .when(change(new CaptureBaseline("After kickoff", null)))
                .expectEvents(new BaselineCaptured(PLAN_ID, "After kickoff", TARGET_DATE,
                        Map.of(GA, june(30), BETA, june(20)), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBaselineNeedsAName(String name) {
        fixture.given(planWithTwoMilestones())
                .when(change(new CaptureBaseline(name, null)))
                .expectException(rejected(INVALID_INPUT, "name"));
    }

    @Test
    void aTooLongNameIsRejected() {
        fixture.given(planWithTwoMilestones())
                .when(change(new CaptureBaseline(tooLong(200), null)))
                .expectException(rejected(INVALID_INPUT, "name"));
    }
}
