package dev.backcast.query.history;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.Reason;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.plan.goal.TargetDateMoved;
import dev.backcast.plan.milestones.MilestoneLeadTimeReestimated;
import dev.backcast.plan.milestones.MilestoneRemoved;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dev.backcast.query.history.DesignExample.AS_OF;
import static dev.backcast.query.history.DesignExample.BETA;
import static dev.backcast.query.history.DesignExample.GA;
import static dev.backcast.query.history.DesignExample.PLAN;
import static dev.backcast.query.history.DesignExample.PROTOTYPE;
import static org.assertj.core.api.Assertions.assertThat;

class DueDateEffectsTest {

    private static final Reason ESTIMATE = new Reason(ReasonCategory.ESTIMATE, "vendor quote");

    @Test
    void aLongerLeadTimeMovesOnlyTheMilestonesBeforeIt() {
        PlanState before = DesignExample.state();
        PlanState after = before.evolve(new MilestoneLeadTimeReestimated(PLAN, BETA, 30, ESTIMATE));

        DueDateEffects effects = DueDateEffects.between(before, after, AS_OF);

        assertThat(effects.moved()).containsExactly(
                new MovedDueDate(PROTOTYPE, "Prototype", date("2027-05-31"), date("2027-05-21")));
        assertThat(effects.mustStartByBefore()).isEqualTo(date("2027-05-26"));
        assertThat(effects.mustStartByAfter()).isEqualTo(date("2027-05-16"));
    }

    @Test
    void aMovedTargetDateMovesEveryMilestoneFromTheGoalBackward() {
        PlanState before = DesignExample.state();
        PlanState after = before.evolve(new TargetDateMoved(PLAN, date("2027-07-15"),
                new Reason(ReasonCategory.EXTERNAL, "lab backlog")));

        DueDateEffects effects = DueDateEffects.between(before, after, AS_OF);

        assertThat(effects.moved()).containsExactly(
                new MovedDueDate(GA, "GA ready", date("2027-06-30"), date("2027-07-15")),
                new MovedDueDate(BETA, "Beta done", date("2027-06-20"), date("2027-07-05")),
                new MovedDueDate(PROTOTYPE, "Prototype", date("2027-05-31"), date("2027-06-15")));
        assertThat(effects.mustStartByBefore()).isEqualTo(date("2027-05-26"));
        assertThat(effects.mustStartByAfter()).isEqualTo(date("2027-06-10"));
    }

    @Test
    void aPlanThatDidNotExistHadNoDatesToMove() {
        PlanState after = PlanState.initial().evolve(DesignExample.created());

        DueDateEffects effects = DueDateEffects.between(PlanState.initial(), after, AS_OF);

        assertThat(effects).isEqualTo(new DueDateEffects(List.of(), null, null));
    }

    @Test
    void anAddedMilestoneIsNotAMoveThoughItCanMoveTheStart() {
        PlanState before = DesignExample.state();
        PlanState after = before.evolve(DesignExample.milestone(UUID.randomUUID(), "Launch campaign", 40));

        DueDateEffects effects = DueDateEffects.between(before, after, AS_OF);

        assertThat(effects.moved()).isEmpty();
        assertThat(effects.mustStartByBefore()).isEqualTo(date("2027-05-26"));
        assertThat(effects.mustStartByAfter()).isEqualTo(date("2027-05-21"));
    }

    @Test
    void aRemovedMilestoneIsNotAMoveThoughItCanMoveTheStart() {
        UUID campaign = UUID.randomUUID();
        PlanState before = DesignExample.state().evolve(DesignExample.milestone(campaign, "Launch campaign", 40));
        PlanState after = before.evolve(new MilestoneRemoved(PLAN, campaign, new Reason(ReasonCategory.SCOPE, null)));

        DueDateEffects effects = DueDateEffects.between(before, after, AS_OF);

        assertThat(effects.moved()).isEmpty();
        assertThat(effects.mustStartByBefore()).isEqualTo(date("2027-05-21"));
        assertThat(effects.mustStartByAfter()).isEqualTo(date("2027-05-26"));
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
