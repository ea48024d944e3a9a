package dev.backcast.command.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.backcast.command.branches.BranchDecisions;
import dev.backcast.command.imports.ImportDecisions;
import dev.backcast.command.refinements.RefinementDecisions;
import dev.backcast.plan.ChangePlan;
import dev.backcast.plan.CreatePlan;
import dev.backcast.plan.ImportPlan;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.RefinePlan;
import dev.backcast.plan.branches.BranchPlan;
import dev.backcast.plan.branches.DiscardBranch;
import dev.backcast.plan.branches.MarkBranchMerged;
import dev.backcast.plan.branches.MergeBranch;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Plan aggregate: decides each command against the plan's {@link PlanState} and applies the resulting events.
 * Its event sourcing handler only folds, so the aggregate knows exactly what the read side knows.
 */
@Aggregate(snapshotTriggerDefinition = "planSnapshotTrigger", cache = "planCache")
public class PlanAggregate {

    /** Event metadata naming the refinement an event belongs to. */
    public static final String CHANGE_SET_ID = "changeSetId";
    public static final String CHANGE_SET_MESSAGE = "changeSetMessage";
    public static final String CHANGE_SET_ANSWERS = "changeSetAnswers";

    @AggregateIdentifier
    @JsonProperty
    private UUID planId;

    @JsonProperty
    private PlanState state = PlanState.initial();

    protected PlanAggregate() {
    }

    @CommandHandler
    public PlanAggregate(CreatePlan command) {
        AggregateLifecycle.apply(PlanLifecycle.create(command));
    }

    @CommandHandler
    public PlanAggregate(ImportPlan command, Clock clock) {
        MetaData changeSet = MetaData.with(CHANGE_SET_ID, command.changeSetId().toString())
                .and(CHANGE_SET_MESSAGE, command.message().strip())
                .and(CHANGE_SET_ANSWERS, "");
        ImportDecisions.decide(command, LocalDate.now(clock))
                .forEach(event -> AggregateLifecycle.apply(event, changeSet));
    }

    /** @return the plan's revision after the change */
    @CommandHandler
    public long handle(ChangePlan command, Clock clock) {
        PlanDecisions.decide(state, command.change(), LocalDate.now(clock)).forEach(AggregateLifecycle::apply);
        return state.revision();
    }

    /** @return the plan's revision after the refinement */
    @CommandHandler
    public long handle(RefinePlan command, Clock clock) {
        List<PlanEvent> events = RefinementDecisions.decide(state, command, LocalDate.now(clock));
        MetaData changeSet = MetaData.with(CHANGE_SET_ID, command.changeSetId().toString())
                .and(CHANGE_SET_MESSAGE, command.message().strip())
                .and(CHANGE_SET_ANSWERS, command.answers().stream().map(UUID::toString).collect(Collectors.joining(",")));
        events.forEach(event -> AggregateLifecycle.apply(event, changeSet));
        return state.revision();
    }

    @CommandHandler
    public PlanAggregate(BranchPlan command) {
        AggregateLifecycle.apply(BranchDecisions.branch(command));
    }

    /** @return the branch's revision once discarded */
    @CommandHandler
    public long handle(DiscardBranch command) {
        BranchDecisions.discard(state, command).forEach(AggregateLifecycle::apply);
        return state.revision();
    }

    @CommandHandler
    public void handle(MarkBranchMerged command) {
        BranchDecisions.markMerged(state, command).forEach(AggregateLifecycle::apply);
    }

    /** @return the plan of record's revision after the merge */
    @CommandHandler
    public long handle(MergeBranch command) {
        MetaData changeSet = MetaData.with(CHANGE_SET_ID, command.changeSetId().toString())
                .and(CHANGE_SET_MESSAGE, command.message().strip())
                .and(CHANGE_SET_ANSWERS, "");
        BranchDecisions.merge(state, command).forEach(event -> AggregateLifecycle.apply(event, changeSet));
        return state.revision();
    }

    @EventSourcingHandler
    void on(PlanEvent event) {
        state = state.evolve(event);
        planId = state.planId();
    }
}
