package dev.backcast.command.metrics;

import dev.backcast.command.plan.PlanAggregate;
import dev.backcast.plan.metrics.DefineMetric;
import dev.backcast.plan.metrics.Direction;
import dev.backcast.plan.metrics.DropMetric;
import dev.backcast.plan.metrics.MeasureMetric;
import dev.backcast.plan.metrics.MetricDefined;
import dev.backcast.plan.metrics.MetricDropped;
import dev.backcast.plan.metrics.MetricMeasured;
import dev.backcast.plan.metrics.MetricRevised;
import dev.backcast.plan.metrics.ReviseMetric;
import dev.backcast.plan.milestones.MilestoneAdded;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.backcast.command.GivenPlan.BECAUSE;
import static dev.backcast.command.GivenPlan.GA;
import static dev.backcast.command.GivenPlan.METRIC;
import static dev.backcast.command.GivenPlan.PLAN_ID;
import static dev.backcast.command.GivenPlan.TODAY;
import static dev.backcast.command.GivenPlan.TOMORROW;
import static dev.backcast.command.GivenPlan.UNKNOWN;
import static dev.backcast.command.GivenPlan.change;
import static dev.backcast.command.GivenPlan.metricDefined;
import static dev.backcast.command.GivenPlan.planCreated;
import static dev.backcast.command.GivenPlan.planFixture;
import static dev.backcast.command.GivenPlan.rejected;
import static dev.backcast.command.GivenPlan.tooLong;
import static dev.backcast.command.plan.PlanRejection.Kind.INVALID_INPUT;
import static dev.backcast.command.plan.PlanRejection.Kind.RULE_VIOLATED;
import static dev.backcast.command.plan.PlanRejection.Kind.UNKNOWN_TARGET;
import static org.hamcrest.Matchers.containsString;

/**
 * Success metrics: defining, revising, dropping and measuring them. The given metric is "Weekly active planners",
 * from 0 to 500 planners, increasing.
 */
class MetricCommandsTest {

    private static final UUID NPS = UUID.fromString("00000000-0000-0000-0000-00000000c002");
    private static final LocalDate END_OF_Q3 = LocalDate.of(2027, 9, 30);

    private final FixtureConfiguration<PlanAggregate> fixture = planFixture();

    private static DefineMetric defineNps(String name, String unit, BigDecimal baseline, BigDecimal target,
                                          Direction direction) {
        return new DefineMetric(NPS, name, unit, baseline, target, direction, END_OF_Q3, null);
    }

    private static BigDecimal number(String value) {
        return new BigDecimal(value);
    }

    // ---- define ---------------------------------------------------------------------------------------------

    @Test
    void definingAMetricRecordsMetricDefined() {
        fixture.given(planCreated())
                .when(change(new DefineMetric(NPS, "  Net promoter score ", "points", number("10"), number("45"),
                        Direction.INCREASE, END_OF_Q3, BECAUSE)))
                .expectEvents(new MetricDefined(PLAN_ID, NPS, "Net promoter score", "points", number("10"),
                        number("45"), Direction.INCREASE, END_OF_Q3, BECAUSE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aMetricNeedsAnId() {
        fixture.given(planCreated())
                .when(change(new DefineMetric(null, "NPS", null, number("10"), number("45"), Direction.INCREASE,
                        null, null)))
                .expectException(rejected(INVALID_INPUT, "metricId"));
    }

    @Test
    void aMetricIdCannotBeUsedTwice() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new DefineMetric(METRIC, "NPS", null, number("10"), number("45"), Direction.INCREASE,
                        null, null)))
                .expectException(rejected(RULE_VIOLATED, "metricId"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aMetricNeedsAName(String name) {
        fixture.given(planCreated())
                .when(change(defineNps(name, "points", number("10"), number("45"), Direction.INCREASE)))
                .expectException(rejected(INVALID_INPUT, "name"));
    }

    @Test
    void aTooLongNameOrUnitIsRejected() {
        fixture.given(planCreated())
                .when(change(defineNps(tooLong(200), "points", number("10"), number("45"), Direction.INCREASE)))
                .expectException(rejected(INVALID_INPUT, "name"));
        fixture.given(planCreated())
                .when(change(defineNps("NPS", tooLong(200), number("10"), number("45"), Direction.INCREASE)))
                .expectException(rejected(INVALID_INPUT, "unit"));
    }

    @Test
    void aMetricNeedsABaselineValue() {
        fixture.given(planCreated())
                .when(change(defineNps("NPS", "points", null, number("45"), Direction.INCREASE)))
                .expectException(rejected(INVALID_INPUT, "baselineValue"));
    }

    @Test
    void aMetricNeedsATargetValue() {
        fixture.given(planCreated())
                .when(change(defineNps("NPS", "points", number("10"), null, Direction.INCREASE)))
                .expectException(rejected(INVALID_INPUT, "targetValue"));
    }

    @Test
    void aMetricNeedsADirection() {
        fixture.given(planCreated())
                .when(change(defineNps("NPS", "points", number("10"), number("45"), null)))
                .expectException(rejected(INVALID_INPUT, "direction"));
    }

    // ---- revise ---------------------------------------------------------------------------------------------

    @Test
    void revisingAMetricRecordsItsCompleteNewDefinition() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new ReviseMetric(METRIC, "Daily active planners", "people", number("5"), number("200"),
                        Direction.INCREASE, Optional.of(END_OF_Q3), BECAUSE)))
                .expectEvents(new MetricRevised(PLAN_ID, METRIC, "Daily active planners", "people", number("5"),
                        number("200"), Direction.INCREASE, END_OF_Q3, BECAUSE))
                .expectResultMessagePayload(3L);
    }

    @Test
    void absentFieldsStayAsTheyAre() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new ReviseMetric(METRIC, null, null, null, number("800"), null, null, BECAUSE)))
                .expectEvents(new MetricRevised(PLAN_ID, METRIC, "Weekly active planners", "planners", number("0"),
                        number("800"), Direction.INCREASE, null, BECAUSE));
    }

    @Test
    void anEmptyMeasuredByClearsIt() {
        fixture.given(planCreated(), new MetricDefined(PLAN_ID, METRIC, "NPS", "points", number("10"), number("45"),
                        Direction.INCREASE, END_OF_Q3, null))
                .when(change(new ReviseMetric(METRIC, null, null, null, null, null, Optional.empty(), BECAUSE)))
                .expectEvents(new MetricRevised(PLAN_ID, METRIC, "NPS", "points", number("10"), number("45"),
                        Direction.INCREASE, null, BECAUSE));
    }

    @Test
    void revisingToTheSameValuesRecordsNothingEvenWithOtherScales() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new ReviseMetric(METRIC, "Weekly active planners", "planners", number("0.00"),
                        number("500.0"), Direction.INCREASE, Optional.empty(), BECAUSE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void revisingNeedsAReason() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new ReviseMetric(METRIC, null, null, null, number("800"), null, null, null)))
                .expectException(rejected(INVALID_INPUT, "reason"));
    }

    @Test
    void revisingAnUnknownMetricIsRejected() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new ReviseMetric(UNKNOWN, null, null, null, number("800"), null, null, BECAUSE)))
                .expectException(rejected(UNKNOWN_TARGET, "metricId"));
    }

    @Test
    void revisingToABlankNameOrTooLongUnitIsRejected() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new ReviseMetric(METRIC, " ", null, null, null, null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "name"));
        fixture.given(planCreated(), metricDefined())
                .when(change(new ReviseMetric(METRIC, null, tooLong(200), null, null, null, null, BECAUSE)))
                .expectException(rejected(INVALID_INPUT, "unit"));
    }

    // ---- drop -----------------------------------------------------------------------------------------------

    @Test
    void droppingAMetricRecordsMetricDropped() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new DropMetric(METRIC, BECAUSE)))
                .expectEvents(new MetricDropped(PLAN_ID, METRIC, BECAUSE))
                .expectResultMessagePayload(3L);
    }

    @Test
    void droppingAMetricAMilestoneServesIsRejected() {
        fixture.given(planCreated(), metricDefined(), new MilestoneAdded(PLAN_ID, GA, "GA ready", null, null, 10,
                        List.of(), null, List.of(METRIC), null))
                .when(change(new DropMetric(METRIC, BECAUSE)))
                .expectException(rejected(RULE_VIOLATED, "metricId"))
                .expectExceptionMessage(containsString("'GA ready'"))
                .expectNoEvents();
    }

    @Test
    void droppingNeedsAReason() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new DropMetric(METRIC, null)))
                .expectException(rejected(INVALID_INPUT, "reason"));
    }

    @Test
    void droppingAnUnknownMetricIsRejected() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new DropMetric(UNKNOWN, BECAUSE)))
                .expectException(rejected(UNKNOWN_TARGET, "metricId"));
    }

    // ---- measure --------------------------------------------------------------------------------------------

    @Test
    void measuringAMetricRecordsMetricMeasured() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new MeasureMetric(METRIC, number("120"), TODAY, null)))
                .expectEvents(new MetricMeasured(PLAN_ID, METRIC, number("120"), TODAY, null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aMeasurementNeedsAValue() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new MeasureMetric(METRIC, null, TODAY, null)))
                .expectException(rejected(INVALID_INPUT, "value"));
    }

    @Test
    void aMeasurementNeedsADay() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new MeasureMetric(METRIC, number("120"), null, null)))
                .expectException(rejected(INVALID_INPUT, "on"));
    }

    @Test
    void aMeasurementCannotBeInTheFuture() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new MeasureMetric(METRIC, number("120"), TOMORROW, null)))
                .expectException(rejected(RULE_VIOLATED, "on"))
                .expectNoEvents();
    }

    @Test
    void measuringAnUnknownMetricIsRejected() {
        fixture.given(planCreated(), metricDefined())
                .when(change(new MeasureMetric(UNKNOWN, number("120"), TODAY, null)))
                .expectException(rejected(UNKNOWN_TARGET, "metricId"));
    }
}
