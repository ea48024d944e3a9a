package dev.backcast.command;

import dev.backcast.command.plan.PlanAggregate;
import dev.backcast.command.plan.PlanRejection;
import dev.backcast.command.plan.RefinementRejected;
import dev.backcast.plan.ChangePlan;
import dev.backcast.plan.Goal;
import dev.backcast.plan.PlanChange;
import dev.backcast.plan.PlanCreated;
import dev.backcast.plan.Reason;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.plan.metrics.Direction;
import dev.backcast.plan.metrics.MetricDefined;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.scheduling.CalendarKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The plan most specifications start from, and the few helpers they share.
 * <p>
 * Today is {@link #TODAY}; the press release is dated {@link #TARGET_DATE}. {@link #planWithTwoMilestones()} adds
 * "Beta done" (lead time 20 days) and "GA ready" (lead time 10 days, after "Beta done").
 */
public final class GivenPlan {

    public static final UUID PLAN_ID = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    public static final UUID BETA = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    public static final UUID GA = UUID.fromString("00000000-0000-0000-0000-00000000b002");
    public static final UUID METRIC = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    public static final UUID UNKNOWN = UUID.fromString("00000000-0000-0000-0000-00000000dead");

    public static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    public static final LocalDate TOMORROW = TODAY.plusDays(1);
    public static final LocalDate TARGET_DATE = LocalDate.of(2027, 6, 30);
    public static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    public static final Reason BECAUSE = new Reason(ReasonCategory.FEEDBACK, "Design partners asked for it");

    private GivenPlan() {
    }

    /** A fixture for the Plan aggregate whose clock stands still on {@link #TODAY}. */
    public static FixtureConfiguration<PlanAggregate> planFixture() {
        FixtureConfiguration<PlanAggregate> fixture = new AggregateTestFixture<>(PlanAggregate.class);
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }

    public static Goal pressRelease() {
        return new Goal("Backcast plans from the finish line", "Plans that explain themselves",
                "PMOs cannot tell why a plan slipped", "Every decision is recorded with its reason",
                "Finally an audit trail", "We plan backwards now", "Try it today", TARGET_DATE);
    }

    public static PlanCreated planCreated() {
        return new PlanCreated(PLAN_ID, "Launch Backcast", "Platform", CalendarKind.CALENDAR_DAYS, List.of(),
                pressRelease());
    }

    public static MilestoneAdded milestoneAdded(UUID id, String name, int leadTimeDays, UUID... predecessors) {
        return new MilestoneAdded(PLAN_ID, id, name, null, null, leadTimeDays, List.of(predecessors), null,
                List.of(), null);
    }

    public static MilestoneAdded betaAdded() {
        return milestoneAdded(BETA, "Beta done", 20);
    }

    public static MilestoneAdded gaAdded() {
        return milestoneAdded(GA, "GA ready", 10, BETA);
    }

    /** A draft plan with "Beta done" (20 days) and "GA ready" (10 days, after "Beta done"): revision 3. */
    public static List<Object> planWithTwoMilestones() {
        return List.of(planCreated(), betaAdded(), gaAdded());
    }

    public static MetricDefined metricDefined() {
        return new MetricDefined(PLAN_ID, METRIC, "Weekly active planners", "planners", new BigDecimal("0"),
                new BigDecimal("500"), Direction.INCREASE, null, null);
    }

    /** One change to {@link #PLAN_ID}, applied to whatever revision the plan is at. */
    public static ChangePlan change(PlanChange change) {
        return new ChangePlan(PLAN_ID, null, change);
    }

    public static String tooLong(int limit) {
        return "x".repeat(limit + 1);
    }

    /** The command was refused with a {@link PlanRejection} of this kind about this field (null: the whole change). */
    public static Matcher<Throwable> rejected(PlanRejection.Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable actual) {
                return actual instanceof PlanRejection rejection && rejection.kind() == kind
                        && Objects.equals(rejection.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a PlanRejection " + kind + " about field " + field);
            }

            @Override
            protected void describeMismatchSafely(Throwable actual, Description mismatch) {
                mismatch.appendText("was ").appendValue(actual);
                if (actual instanceof PlanRejection rejection) {
                    mismatch.appendText(" of kind " + rejection.kind() + " about field " + rejection.field());
                }
            }
        };
    }

    /** The refinement was refused because its change at {@code index} ({@code op}) was, for this kind and field. */
    public static Matcher<Throwable> refinementRejected(int index, String op, PlanRejection.Kind kind, String field) {
        Matcher<Throwable> cause = rejected(kind, field);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable actual) {
                return actual instanceof RefinementRejected refused && refused.changeIndex() == index
                        && op.equals(refused.op()) && cause.matches(refused.rejection());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RefinementRejected for change " + index + " (" + op + "), being ")
                        .appendDescriptionOf(cause);
            }

            @Override
            protected void describeMismatchSafely(Throwable actual, Description mismatch) {
                mismatch.appendText("was ").appendValue(actual);
                if (actual instanceof RefinementRejected refused) {
                    mismatch.appendText(" for change " + refused.changeIndex() + " (" + refused.op() + ") of kind "
                            + refused.rejection().kind() + " about field " + refused.rejection().field());
                }
            }
        };
    }
}
