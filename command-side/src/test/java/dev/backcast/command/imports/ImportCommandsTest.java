package dev.backcast.command.imports;

import dev.backcast.command.plan.PlanAggregate;
import dev.backcast.plan.CreatePlan;
import dev.backcast.plan.ImportPlan;
import dev.backcast.plan.Reason;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.milestones.AddMilestone;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.milestones.ReachMilestone;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.backcast.command.GivenPlan.BETA;
import static dev.backcast.command.GivenPlan.GA;
import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.TARGET_DATE;
import static dev.backcast.command.GivenPlan.planCreated;
import static dev.backcast.command.GivenPlan.planFixture;
import static dev.backcast.command.GivenPlan.pressRelease;
import static dev.backcast.command.GivenPlan.refinementRejected;
import static dev.backcast.command.GivenPlan.rejected;
import static dev.backcast.command.plan.PlanRejection.Kind.RULE_VIOLATED;
import static dev.backcast.command.plan.PlanRejection.Kind.UNKNOWN_REFERENCE;

/** An import creates the plan, lays out its milestones and adopts the file's baselines in one change set, or nothing. */
class ImportCommandsTest {

    private static final Reason IMPORTED = new Reason(ReasonCategory.OTHER, "Imported from launch.mpp");
    private static final LocalDate BETA_REACHED = LocalDate.of(2027, 2, 26);

    private final FixtureConfiguration<PlanAggregate> fixture = planFixture();

    private static ImportPlan importing(List<Baseline> baselines, AddMilestone... milestones) {
        return new ImportPlan(PLAN_ID, new CreatePlan(PLAN_ID, "Launch Backcast", "Platform", null, null,
                pressRelease()), UUID.randomUUID(), "Import launch.mpp", List.of(milestones), baselines, IMPORTED);
    }

    private static AddMilestone milestone(UUID id, String name, int leadTimeDays, UUID... predecessors) {
        return new AddMilestone(id, name, null, null, leadTimeDays, List.of(predecessors), null, List.of(), IMPORTED);
    }

    @Test
    void theImportRecordsThePlanItsMilestonesItsProgressAndTheFilesBaselines() {
        Baseline baseline = new Baseline("Baseline", TARGET_DATE.minusDays(10),
                Map.of(BETA, TARGET_DATE.minusDays(25), GA, TARGET_DATE.minusDays(10)));
        ImportPlan command = new ImportPlan(PLAN_ID, new CreatePlan(PLAN_ID, "Launch Backcast", "Platform", null,
                null, pressRelease()), UUID.randomUUID(), "Import launch.mpp",
                List.of(milestone(BETA, "Beta done", 20), milestone(GA, "GA ready", 10, BETA),
                        new ReachMilestone(BETA, BETA_REACHED, IMPORTED)), List.of(baseline), IMPORTED);

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(planCreated(),
                        new MilestoneAdded(PLAN_ID, BETA, "Beta done", null, null, 20, List.of(), null, List.of(),
                                IMPORTED),
                        new MilestoneAdded(PLAN_ID, GA, "GA ready", null, null, 10, List.of(BETA), null, List.of(),
                                IMPORTED),
                        new MilestoneReached(PLAN_ID, BETA, BETA_REACHED, IMPORTED),
                        new BaselineCaptured(PLAN_ID, "Baseline", baseline.targetDate(), baseline.dueDates(),
                                IMPORTED));
    }

    @Test
    void aMilestoneThePlanRefusesRefusesTheWholeImport() {
        fixture.givenNoPriorActivity()
                .when(importing(List.of(), milestone(GA, "GA ready", 10, BETA)))
                .expectNoEvents()
                .expectException(refinementRejected(0, "addMilestone", UNKNOWN_REFERENCE, "predecessors"));
    }

    @Test
    void aBaselineMayNotTakeTheNameApprovalUsesNorNameAnUnknownMilestone() {
        fixture.givenNoPriorActivity()
                .when(importing(List.of(new Baseline("approved", TARGET_DATE, Map.of())),
                        milestone(GA, "GA ready", 10)))
                .expectNoEvents()
                .expectException(rejected(RULE_VIOLATED, "name"));
        fixture.givenNoPriorActivity()
                .when(importing(List.of(new Baseline("Baseline", TARGET_DATE, Map.of(BETA, TARGET_DATE))),
                        milestone(GA, "GA ready", 10)))
                .expectNoEvents()
                .expectException(rejected(UNKNOWN_REFERENCE, "baselines.dueDates"));
    }
}
