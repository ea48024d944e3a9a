package dev.backcast.command.risks;

import dev.backcast.command.plan.PlanAggregate;
import dev.backcast.plan.risks.CloseRisk;
import dev.backcast.plan.risks.IdentifyRisk;
import dev.backcast.plan.risks.ReassessRisk;
import dev.backcast.plan.risks.RiskClosed;
import dev.backcast.plan.risks.RiskIdentified;
import dev.backcast.plan.risks.RiskReassessed;
import dev.backcast.plan.risks.RiskStatus;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static dev.backcast.command.GivenPlan.BECAUSE;
import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.UNKNOWN;
import static dev.backcast.command.GivenPlan.change;
import static dev.backcast.command.GivenPlan.planCreated;
import static dev.backcast.command.GivenPlan.planFixture;
import static dev.backcast.command.GivenPlan.rejected;
import static dev.backcast.command.GivenPlan.tooLong;
import static dev.backcast.command.plan.PlanRejection.Kind.INVALID_INPUT;
import static dev.backcast.command.plan.PlanRejection.Kind.RULE_VIOLATED;
import static dev.backcast.command.plan.PlanRejection.Kind.UNKNOWN_TARGET;
import static org.hamcrest.Matchers.containsString;

/** Risks to the plan: identifying, reassessing and closing them. The given risk is rated likelihood 3, impact 4. */
class RiskCommandsTest {

    private static final UUID RISK = UUID.fromString("00000000-0000-0000-0000-0000000a0001");
    private static final String KEY_ENGINEER_LEAVES = "The only scheduler engineer leaves";

    private final FixtureConfiguration<PlanAggregate> fixture = planFixture();

    private static RiskIdentified riskIdentified() {
        return new RiskIdentified(PLAN_ID, RISK, KEY_ENGINEER_LEAVES, 3, 4, "Pair on the scheduler", null);
    }

    private static IdentifyRisk identify(String description, Integer likelihood, Integer impact) {
        return new IdentifyRisk(RISK, description, likelihood, impact, null, null);
    }

    private static ReassessRisk reassess(Integer likelihood, Integer impact) {
        return new ReassessRisk(RISK, null, likelihood, impact, null, BECAUSE);
    }

    // ---- identify -------------------------------------------------------------------------------------------

    @Test
    void identifyingARiskRecordsRiskIdentified() {
        fixture.given(planCreated())
                .when(change(new IdentifyRisk(RISK, " " + KEY_ENGINEER_LEAVES + " ", 3, 4, "Pair on the scheduler",
                        null)))
                .expectEvents(riskIdentified())
                .expectResultMessagePayload(2L);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void ratingsFrom1To5AreAccepted(int rating) {
        fixture.given(planCreated())
                .when(change(identify(KEY_ENGINEER_LEAVES, rating, rating)))
                .expectEvents(new RiskIdentified(PLAN_ID, RISK, KEY_ENGINEER_LEAVES, rating, rating, null, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6})
    void aLikelihoodOutside1To5IsRejected(int likelihood) {
        fixture.given(planCreated())
                .when(change(identify(KEY_ENGINEER_LEAVES, likelihood, 3)))
                .expectException(rejected(INVALID_INPUT, "likelihood"))
                .expectExceptionMessage(containsString("between 1 and 5"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6})
    void anImpactOutside1To5IsRejected(int impact) {
        fixture.given(planCreated())
                .when(change(identify(KEY_ENGINEER_LEAVES, 3, impact)))
                .expectException(rejected(INVALID_INPUT, "impact"));
    }

    @Test
    void aRiskNeedsBothRatings() {
        fixture.given(planCreated())
                .when(change(identify(KEY_ENGINEER_LEAVES, null, 3)))
                .expectException(rejected(INVALID_INPUT, "likelihood"));
        fixture.given(planCreated())
                .when(change(identify(KEY_ENGINEER_LEAVES, 3, null)))
                .expectException(rejected(INVALID_INPUT, "impact"));
    }

    @Test
    void aRiskNeedsAnId() {
        fixture.given(planCreated())
                .when(change(new IdentifyRisk(null, KEY_ENGINEER_LEAVES, 3, 3, null, null)))
                .expectException(rejected(INVALID_INPUT, "riskId"));
    }

    @Test
    void aRiskIdCannotBeUsedTwice() {
        fixture.given(planCreated(), riskIdentified())
                .when(change(identify("Another risk", 2, 2)))
                .expectException(rejected(RULE_VIOLATED, "riskId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aRiskNeedsADescription(String description) {
        fixture.given(planCreated())
                .when(change(identify(description, 3, 3)))
                .expectException(rejected(INVALID_INPUT, "description"));
    }

    @Test
    void tooLongTextsAreRejected() {
        fixture.given(planCreated())
                .when(change(identify(tooLong(10_000), 3, 3)))
                .expectException(rejected(INVALID_INPUT, "description"));
        fixture.given(planCreated())
                .when(change(new IdentifyRisk(RISK, KEY_ENGINEER_LEAVES, 3, 3, tooLong(10_000), null)))
                .expectException(rejected(INVALID_INPUT, "mitigation"));
    }

    // ---- reassess -------------------------------------------------------------------------------------------

    @Test
    void reassessingARiskRecordsItsCompleteNewAssessment() {
        fixture.given(planCreated(), riskIdentified())
                .when(change(new ReassessRisk(RISK, "Both scheduler engineers leave", 2, 5, "Hire a third",
                        BECAUSE)))
                .expectEvents(new RiskReassessed(PLAN_ID, RISK, "Both scheduler engineers leave", 2, 5,
                        "Hire a third", BECAUSE))
                .expectResultMessagePayload(3L);
    }

    @Test
    void absentFieldsStayAsTheyAre() {
        fixture.given(planCreated(), riskIdentified())
                .when(change(reassess(1, null)))
                .expectEvents(new RiskReassessed(PLAN_ID, RISK, KEY_ENGINEER_LEAVES, 1, 4, "Pair on the scheduler",
                        BECAUSE));
    }

    @Test
    void reassessingToTheSameAssessmentRecordsNothing() {
        fixture.given(planCreated(), riskIdentified())
                .when(change(reassess(3, 4)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void reassessingNeedsAReason() {
        fixture.given(planCreated(), riskIdentified())
                .when(change(new ReassessRisk(RISK, null, 1, null, null, null)))
                .expectException(rejected(INVALID_INPUT, "reason"));
    }

    @Test
    void reassessingAnUnknownRiskIsRejected() {
        fixture.given(planCreated(), riskIdentified())
                .when(change(new ReassessRisk(UNKNOWN, null, 1, null, null, BECAUSE)))
                .expectException(rejected(UNKNOWN_TARGET, "riskId"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6})
    void reassessedRatingsOutside1To5AreRejected(int rating) {
        fixture.given(planCreated(), riskIdentified())
                .when(change(reassess(rating, null)))
                .expectException(rejected(INVALID_INPUT, "likelihood"));
        fixture.given(planCreated(), riskIdentified())
                .when(change(reassess(null, rating)))
                .expectException(rejected(INVALID_INPUT, "impact"));
    }

    @Test
    void reassessingToABlankDescriptionIsRejected() {
        fixture.given(planCreated(), riskIdentified())
                .when(change(new ReassessRisk(RISK, " ", null, null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "description"));
    }

    // ---- close ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = RiskStatus.class, names = {"MITIGATED", "CLOSED", "MATERIALISED"})
    void closingARiskRecordsItsOutcome(RiskStatus outcome) {
        fixture.given(planCreated(), riskIdentified())
                .when(change(new CloseRisk(RISK, outcome, "It is over", null)))
                .expectEvents(new RiskClosed(PLAN_ID, RISK, outcome, "It is over", null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aRiskCannotBeClosedAsOpen() {
        fixture.given(planCreated(), riskIdentified())
                .when(change(new CloseRisk(RISK, RiskStatus.OPEN, null, null)))
                .expectException(rejected(INVALID_INPUT, "outcome"))
                .expectNoEvents();
    }

    @Test
    void closingNeedsAnOutcome() {
        fixture.given(planCreated(), riskIdentified())
                .when(change(new CloseRisk(RISK, null, null, null)))
                .expectException(rejected(INVALID_INPUT, "outcome"));
    }

    @Test
    void aClosedRiskCannotBeClosedAgain() {
        fixture.given(planCreated(), riskIdentified(), new RiskClosed(PLAN_ID, RISK, RiskStatus.MITIGATED, null, null))
                .when(change(new CloseRisk(RISK, RiskStatus.MATERIALISED, null, null)))
                .expectException(rejected(RULE_VIOLATED, "riskId"))
                .expectExceptionMessage(containsString("already closed as MITIGATED"));
    }

    @Test
    void aTooLongClosingNoteIsRejected() {
        fixture.given(planCreated(), riskIdentified())
                .when(change(new CloseRisk(RISK, RiskStatus.CLOSED, tooLong(10_000), null)))
                .expectException(rejected(INVALID_INPUT, "note"));
    }

    @Test
    void closingAnUnknownRiskIsRejected() {
        fixture.given(planCreated(), riskIdentified())
                .when(change(new CloseRisk(UNKNOWN, RiskStatus.CLOSED, null, null)))
                .expectException(rejected(UNKNOWN_TARGET, "riskId"));
    }
}
