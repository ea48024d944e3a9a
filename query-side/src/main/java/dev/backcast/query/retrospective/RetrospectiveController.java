package dev.backcast.query.retrospective;

import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.plan.goal.GoalRedefined;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestoneRemoved;
import dev.backcast.plan.questions.QuestionAnswered;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.plan.questions.QuestionRaised;
import dev.backcast.plan.risks.RiskStatus;
import dev.backcast.plan.steps.StepAdded;
import dev.backcast.plan.steps.StepRemoved;
import dev.backcast.query.plans.PlanReader;
import dev.backcast.query.timeline.PlanTimeline;
import dev.backcast.query.timeline.Timelines;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** How a plan evolved, counted from its history. */
@RestController
@Tag(name = "Planned vs actual")
public class RetrospectiveController {

    private final EventStore eventStore;
    private final PlanReader reader;
    private final Timelines timelines;

    public RetrospectiveController(EventStore eventStore, PlanReader reader, Timelines timelines) {
        this.eventStore = eventStore;
        this.reader = reader;
        this.timelines = timelines;
    }

    @GetMapping("/api/plans/{planId}/retrospective")
    @Operation(summary = "How did this plan evolve?", description = "Revisions and refinements; goal redefinitions "
            + "and target-date moves; scope added and removed after approval; due-date moves per reason category; "
            + "questions raised and answered per kind with the time answers took; risks by outcome; milestones "
            + "reached on time against the approved baseline.")
    public Retrospective retrospective(@PathVariable UUID planId) {
        reader.head(planId);
        PlanState.Fold fold = new PlanState.Fold(PlanState.initial());
        Set<String> changeSets = new HashSet<>();
        Map<UUID, Instant> raisedAt = new HashMap<>();
        Map<UUID, QuestionKind> kinds = new HashMap<>();
        Map<QuestionKind, long[]> raised = new EnumMap<>(QuestionKind.class);
        Map<QuestionKind, List<Long>> answerDays = new EnumMap<>(QuestionKind.class);
        long goalRedefinitions = 0;
        long[] scope = new long[4];
        boolean approved = false;
        DomainEventStream events = eventStore.readEvents(planId.toString(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            PlanEvent event = (PlanEvent) message.getPayload();
            Object changeSet = message.getMetaData().get("changeSetId");
            if (changeSet != null) {
                changeSets.add(changeSet.toString());
            }
            if (event instanceof GoalRedefined) {
                goalRedefinitions++;
            } else if (event instanceof PlanApproved) {
                approved = true;
            } else if (event instanceof QuestionRaised q) {
                raisedAt.put(q.questionId(), message.getTimestamp());
                kinds.put(q.questionId(), q.kind());
                raised.computeIfAbsent(q.kind(), kind -> new long[1])[0]++;
            } else if (event instanceof QuestionAnswered a && raisedAt.containsKey(a.questionId())) {
                Instant asked = raisedAt.remove(a.questionId());
                answerDays.computeIfAbsent(kinds.get(a.questionId()), kind -> new java.util.ArrayList<>())
                        .add(Duration.between(asked, message.getTimestamp()).toDays());
            }
            if (approved && !(event instanceof PlanApproved)) {
                countScope(event, scope);
            }
            fold.apply(event);
        }
        PlanState plan = fold.state();
        PlanTimeline timeline = timelines.of(planId, null);
        Map<ReasonCategory, Retrospective.Moves> moves = new EnumMap<>(ReasonCategory.class);
        timeline.milestones().stream().flatMap(line -> line.moves().stream())
                .forEach(move -> Retrospective.Moves.count(moves, move));
        Map<QuestionKind, Retrospective.Questions> questions = new EnumMap<>(QuestionKind.class);
        for (QuestionKind kind : QuestionKind.values()) {
            List<Long> days = answerDays.getOrDefault(kind, List.of());
            long count = raised.getOrDefault(kind, new long[1])[0];
            if (count > 0) {
                questions.put(kind, new Retrospective.Questions(count, days.size(),
                        days.isEmpty() ? null : days.stream().mapToLong(Long::longValue).average().orElseThrow(),
                        days.isEmpty() ? null : days.stream().mapToLong(Long::longValue).max().orElseThrow()));
            }
        }
        long[] risks = new long[RiskStatus.values().length];
        plan.risks().values().forEach(risk -> risks[risk.status().ordinal()]++);
        long reachedAgainstApproved = timeline.milestones().stream()
                .filter(line -> line.reachedOn() != null && line.slipAgainstApproved() != null).count();
        long onTime = timeline.milestones().stream()
                .filter(line -> line.reachedOn() != null && line.slipAgainstApproved() != null
                        && line.slipAgainstApproved() <= 0).count();
        return new Retrospective(planId, plan.revision(), changeSets.size(), goalRedefinitions,
                timeline.goal().moveCount(), timeline.goal().moves().stream().mapToLong(PlanTimeline.Move::days).sum(),
                new Retrospective.Scope(scope[0], scope[1], scope[2], scope[3]), moves, questions,
                new Retrospective.Risks(plan.risks().size(), risks[RiskStatus.MATERIALISED.ordinal()],
                        risks[RiskStatus.CLOSED.ordinal()], risks[RiskStatus.MITIGATED.ordinal()],
                        risks[RiskStatus.OPEN.ordinal()]),
                onTime, reachedAgainstApproved);
    }

    private static void countScope(PlanEvent event, long[] scope) {
        int index = Stream.of(MilestoneAdded.class, MilestoneRemoved.class, StepAdded.class, StepRemoved.class)
                .toList().indexOf(event.getClass());
        if (index >= 0) {
            scope[index]++;
        }
    }
}
