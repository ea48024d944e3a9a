package dev.backcast.command.plan;

import dev.backcast.plan.CreatePlan;
import dev.backcast.plan.Goal;
import dev.backcast.plan.PlanCreated;
import dev.backcast.plan.scheduling.CalendarKind;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.TARGET_DATE;
import static dev.backcast.command.GivenPlan.planCreated;
import static dev.backcast.command.GivenPlan.planFixture;
import static dev.backcast.command.GivenPlan.pressRelease;
import static dev.backcast.command.GivenPlan.rejected;
import static dev.backcast.command.GivenPlan.tooLong;
import static dev.backcast.command.plan.PlanRejection.Kind.INVALID_INPUT;

/** Creating a plan from its press release: one event, revision 1. */
class CreatePlanCommandsTest {

    private static final LocalDate JULY_4 = LocalDate.of(2027, 7, 4);
    private static final LocalDate DEC_25 = LocalDate.of(2027, 12, 25);

    private final FixtureConfiguration<PlanAggregate> fixture = planFixture();

    private static CreatePlan create(String title, String portfolio, Goal goal) {
        return new CreatePlan(PLAN_ID, title, portfolio, null, null, goal);
    }

    private static Goal goal(String headline, String customerProblem, String solution, LocalDate targetDate) {
        Goal goal = pressRelease();
        return new Goal(headline, goal.subheading(), customerProblem, solution, goal.customerQuote(),
                goal.leaderQuote(), goal.callToAction(), targetDate);
    }

    @Test
    void creatingAPlanRecordsPlanCreatedWithCalendarDaysByDefault() {
        fixture.givenNoPriorActivity()
                .when(create("  Launch Backcast  ", "Platform", pressRelease()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(planCreated())
                .expectResultMessagePayload(PLAN_ID);
    }

    @Test
    void holidaysAreRecordedSortedAndOnce() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan(PLAN_ID, "Launch Backcast", null, CalendarKind.WORKING_DAYS,
                        List.of(DEC_25, JULY_4, DEC_25), pressRelease()))
                .expectEvents(new PlanCreated(PLAN_ID, "Launch Backcast", null, CalendarKind.WORKING_DAYS,
                        List.of(JULY_4, DEC_25), pressRelease()));
    }

    @Test
    void aPlanNeedsAnId() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan(null, "Launch Backcast", null, null, null, pressRelease()))
                .expectException(rejected(INVALID_INPUT, "planId"))
                .expectNoEvents();
    }

    @Test
    void aPlanNeedsATitle() {
        fixture.givenNoPriorActivity()
                .when(create(" ", null, pressRelease()))
                .expectException(rejected(INVALID_INPUT, "title"))
                .expectExceptionMessage("title is required and must not be blank")
                .expectNoEvents();
    }

    @Test
    void aTitleOf201CharactersIsTooLong() {
        fixture.givenNoPriorActivity()
                .when(create(tooLong(200), null, pressRelease()))
                .expectException(rejected(INVALID_INPUT, "title"))
                .expectExceptionMessage("title has 201 characters; at most 200 are allowed");
    }

    @Test
    void aPortfolioOf201CharactersIsTooLong() {
        fixture.givenNoPriorActivity()
                .when(create("Launch Backcast", tooLong(200), pressRelease()))
                .expectException(rejected(INVALID_INPUT, "portfolio"));
    }

    @Test
    void aPlanNeedsAPressRelease() {
        fixture.givenNoPriorActivity()
                .when(create("Launch Backcast", null, null))
                .expectException(rejected(INVALID_INPUT, "goal"));
    }

    @Test
    void thePressReleaseNeedsAHeadline() {
        fixture.givenNoPriorActivity()
                .when(create("Launch Backcast", null, goal("", "A problem", "A solution", TARGET_DATE)))
                .expectException(rejected(INVALID_INPUT, "goal.headline"));
    }

    @Test
    void thePressReleaseNeedsACustomerProblem() {
        fixture.givenNoPriorActivity()
                .when(create("Launch Backcast", null, goal("Headline", null, "A solution", TARGET_DATE)))
                .expectException(rejected(INVALID_INPUT, "goal.customerProblem"));
    }

    @Test
    void thePressReleaseNeedsASolution() {
        fixture.givenNoPriorActivity()
                .when(create("Launch Backcast", null, goal("Headline", "A problem", " ", TARGET_DATE)))
                .expectException(rejected(INVALID_INPUT, "goal.solution"));
    }

    @Test
    void thePressReleaseNeedsATargetDate() {
        fixture.givenNoPriorActivity()
                .when(create("Launch Backcast", null, goal("Headline", "A problem", "A solution", null)))
                .expectException(rejected(INVALID_INPUT, "goal.targetDate"));
    }

    @Test
    void theOptionalTextsOfThePressReleaseHaveALimit() {
        Goal goal = pressRelease();
        fixture.givenNoPriorActivity()
                .when(create("Launch Backcast", null, new Goal(goal.headline(), tooLong(10_000),
                        goal.customerProblem(), goal.solution(), null, null, null, TARGET_DATE)))
                .expectException(rejected(INVALID_INPUT, "goal.subheading"));
        fixture.givenNoPriorActivity()
                .when(create("Launch Backcast", null, new Goal(goal.headline(), null, goal.customerProblem(),
                        goal.solution(), tooLong(10_000), null, null, TARGET_DATE)))
                .expectException(rejected(INVALID_INPUT, "goal.customerQuote"));
        fixture.givenNoPriorActivity()
                .when(create("Launch Backcast", null, new Goal(goal.headline(), null, goal.customerProblem(),
                        goal.solution(), null, null, tooLong(10_000), TARGET_DATE)))
                .expectException(rejected(INVALID_INPUT, "goal.callToAction"));
    }

    @Test
    void holidaysMustBeDates() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan(PLAN_ID, "Launch Backcast", null, CalendarKind.WORKING_DAYS,
                        Arrays.asList(JULY_4, null), pressRelease()))
                .expectException(rejected(INVALID_INPUT, "holidays"));
    }
}
