package dev.backcast.query.history;

import dev.backcast.plan.branches.BranchDiscarded;
import dev.backcast.plan.branches.BranchMerged;
import dev.backcast.plan.branches.PlanBranched;
import dev.backcast.plan.Goal;
import dev.backcast.plan.GoalAchieved;
import dev.backcast.plan.PlanAbandoned;
import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.PlanCreated;
import dev.backcast.plan.PlanDetailsChanged;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.Reason;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.plan.baselines.BaselineCaptured;
import dev.backcast.plan.goal.GoalRedefined;
import dev.backcast.plan.goal.TargetDateMoved;
import dev.backcast.plan.metrics.Direction;
import dev.backcast.plan.metrics.MetricDefined;
import dev.backcast.plan.metrics.MetricDropped;
import dev.backcast.plan.metrics.MetricMeasured;
import dev.backcast.plan.metrics.MetricRevised;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestoneDeadlineChanged;
import dev.backcast.plan.milestones.MilestoneLeadTimeReestimated;
import dev.backcast.plan.milestones.MilestonePredecessorsChanged;
import dev.backcast.plan.milestones.MilestoneReachRetracted;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.milestones.MilestoneRemoved;
import dev.backcast.plan.milestones.MilestoneRevised;
import dev.backcast.plan.questions.QuestionAnswered;
import dev.backcast.plan.questions.QuestionKind;
import dev.backcast.plan.questions.QuestionRaised;
import dev.backcast.plan.risks.RiskClosed;
import dev.backcast.plan.risks.RiskIdentified;
import dev.backcast.plan.risks.RiskReassessed;
import dev.backcast.plan.risks.RiskStatus;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.plan.steps.StepAdded;
import dev.backcast.plan.steps.StepMarkedDone;
import dev.backcast.plan.steps.StepRemoved;
import dev.backcast.plan.steps.StepReopened;
import dev.backcast.plan.steps.StepRevised;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.backcast.query.history.DesignExample.BETA;
import static dev.backcast.query.history.DesignExample.GA;
import static dev.backcast.query.history.DesignExample.PLAN;
import static dev.backcast.query.history.DesignExample.PROTOTYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RevisionSummariesTest {

    private static final UUID BRANCH = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
    private static final UUID DESIGN = UUID.fromString("00000000-0000-0000-0000-000000000004");
    private static final UUID PRESS_KIT = UUID.fromString("00000000-0000-0000-0000-000000000005");
    private static final UUID MERCHANTS = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID NPS = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final UUID RECRUIT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID ONBOARD = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    private static final UUID CERTIFICATION = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID MIGRATION = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    private static final UUID VENDOR_EXIT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final String LONG_QUESTION = "How do merchants move their existing loyalty programmes, gift cards "
            + "and stored customer data over to the wallet without losing anything?";

    @Test
    void everyEventReadsAsOneHumanLine() {
        SoftAssertions softly = new SoftAssertions();
        everyExample().forEach(told -> softly.assertThat(told.summary())
                .as(told.event().getClass().getSimpleName())
                .isEqualTo(told.expected()));
        softly.assertAll();
    }

    @Test
    void thingsAreNamedNeverShownByTheirIds() {
        everyExample().forEach(told -> assertThat(told.summary())
                .as(told.event().getClass().getSimpleName())
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-")
                .doesNotContain("null")
                .doesNotContain("\n"));
    }

    @Test
    void everyEventTypeOfTheSharedKernelHasItsOwnSummary() {
        Set<Class<?>> told = everyExample().map(example -> example.event().getClass()).collect(Collectors.toSet());

        assertThat(told).as("event types with an example summary").containsAll(everyPlanEventType());
    }

    @Test
    void anEventTypeWithoutASummaryIsRefusedRatherThanExplainedVaguely() {
        PlanEvent unknown = new PlanEvent() {
            @Override
            public UUID planId() {
                return PLAN;
            }

            @Override
            public Reason reason() {
                return null;
            }
        };
        PlanState state = DesignExample.state();

        assertThatIllegalArgumentException().isThrownBy(() -> RevisionSummaries.summarize(state, unknown, state));
    }

    private static Set<Class<?>> everyPlanEventType() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(PlanEvent.class));
        Set<Class<?>> types = scanner.findCandidateComponents(PlanEvent.class.getPackageName()).stream()
                .map(BeanDefinition::getBeanClassName)
                .map(RevisionSummariesTest::load)
                .collect(Collectors.toSet());
        assertThat(types).as("the scan reaches the events of every package").contains(PlanCreated.class,
                StepReopened.class);
        return types;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<Told> everyExample() {
        return Stream.of(aPlanFromDraftToAchieved(), anAbandonedPlan(), aDiscardedBranch(), aMergedBranch())
                .flatMap(story -> story.told.stream());
    }

    private static Story aPlanFromDraftToAchieved() {
        return new Story()
                .then(DesignExample.created(),
                        "Plan created: \"Mobile wallet for small merchants\", target 2027-06-30")
                .then(new PlanDetailsChanged(PLAN, "Mobile wallet for small merchants", "Fintech",
                                CalendarKind.WORKING_DAYS, List.of(date("2027-12-31"), date("2027-12-24")),
                                reason(ReasonCategory.OTHER, "reorganisation")),
                        "Plan details changed: portfolio \"Payments\" → \"Fintech\", calendar CALENDAR_DAYS → "
                                + "WORKING_DAYS, holidays added 2027-12-24, 2027-12-31 (OTHER: reorganisation)")
                .then(new PlanDetailsChanged(PLAN, "Merchant wallet", "Fintech", CalendarKind.CALENDAR_DAYS,
                                List.of(date("2027-12-24")), reason(ReasonCategory.OTHER, "back to calendar days")),
                        "Plan details changed: title \"Mobile wallet for small merchants\" → \"Merchant wallet\", "
                                + "calendar WORKING_DAYS → CALENDAR_DAYS, holidays removed 2027-12-31 "
                                + "(OTHER: back to calendar days)")
                .then(new GoalRedefined(PLAN, "Any merchant takes wallet payments", null,
                                "Card terminals cost too much", "Accept payments with any phone", null, null, null,
                                reason(ReasonCategory.FEEDBACK, "pilot interviews")),
                        "Goal redefined: headline \"Small merchants take wallet payments\" → \"Any merchant takes "
                                + "wallet payments\", solution changed (FEEDBACK: pilot interviews)")
                .then(new TargetDateMoved(PLAN, date("2027-07-15"), reason(ReasonCategory.EXTERNAL, "lab backlog")),
                        "Target date moved 2027-06-30 → 2027-07-15 (EXTERNAL: lab backlog)")
                .then(new MetricDefined(PLAN, MERCHANTS, "Active merchants", "merchants", new BigDecimal("1200"),
                                new BigDecimal("3000"), Direction.INCREASE, date("2027-09-30"), null),
                        "Metric defined: \"Active merchants\", baseline 1200 merchants, target 3000 merchants "
                                + "(increase), measured by 2027-09-30")
                .then(new MetricRevised(PLAN, MERCHANTS, "Active merchants", "merchants", new BigDecimal("1200"),
                                new BigDecimal("3500.0"), Direction.INCREASE, date("2027-09-30"),
                                reason(ReasonCategory.SCOPE, "bigger market")),
                        "Metric \"Active merchants\" revised: target 3000 → 3500 (SCOPE: bigger market)")
                .then(new MetricDefined(PLAN, NPS, "NPS", null, new BigDecimal("20"), new BigDecimal("40"),
                                Direction.INCREASE, null, null),
                        "Metric defined: \"NPS\", baseline 20, target 40 (increase)")
                .then(new MetricDropped(PLAN, NPS, reason(ReasonCategory.SCOPE, null)),
                        "Metric dropped: \"NPS\" (SCOPE)")
                .then(milestone(DESIGN, "Design", 10, null),
                        "Milestone added: \"Design\" (lead time 10 days)")
                .then(milestone(PROTOTYPE, "Prototype", 5, null, DESIGN),
                        "Milestone added: \"Prototype\" (lead time 5 days, after \"Design\")")
                .then(milestone(BETA, "Beta done", 20, null, PROTOTYPE),
                        "Milestone added: \"Beta done\" (lead time 20 days, after \"Prototype\")")
                .then(milestone(GA, "GA ready", 1, date("2027-07-01"), BETA),
                        "Milestone added: \"GA ready\" (lead time 1 day, after \"Beta done\", deadline 2027-07-01)")
                .then(milestone(PRESS_KIT, "Press kit", 3, null),
                        "Milestone added: \"Press kit\" (lead time 3 days)")
                .then(new MilestoneRevised(PLAN, BETA, "Beta done", "50 merchants take payments", "Ann",
                                List.of(MERCHANTS), reason(ReasonCategory.SCOPE, "measurable beta")),
                        "Beta done revised: owner none → \"Ann\", definition of done changed, metrics none → "
                                + "\"Active merchants\" (SCOPE: measurable beta)")
                .then(new MilestoneRevised(PLAN, GA, "General availability", null, null, List.of(),
                                reason(ReasonCategory.OTHER, "clearer name")),
                        "GA ready revised: name \"GA ready\" → \"General availability\" (OTHER: clearer name)")
                .then(new MilestoneLeadTimeReestimated(PLAN, BETA, 30, reason(ReasonCategory.ESTIMATE, "vendor quote")),
                        "Beta done: lead time 20 → 30 days (ESTIMATE: vendor quote)")
                .then(new MilestoneDeadlineChanged(PLAN, GA, date("2027-07-10"),
                                reason(ReasonCategory.EXTERNAL, "trade fair moved")),
                        "General availability: deadline 2027-07-01 → 2027-07-10 (EXTERNAL: trade fair moved)")
                .then(new MilestoneDeadlineChanged(PLAN, GA, null, reason(ReasonCategory.EXTERNAL, "fair cancelled")),
                        "General availability: deadline 2027-07-10 unpinned (EXTERNAL: fair cancelled)")
                .then(new MilestoneDeadlineChanged(PLAN, PROTOTYPE, date("2027-05-15"),
                                reason(ReasonCategory.DEPENDENCY, "lab slot")),
                        "Prototype: deadline pinned to 2027-05-15 (DEPENDENCY: lab slot)")
                .then(new MilestonePredecessorsChanged(PLAN, BETA, List.of(PROTOTYPE, DESIGN),
                                reason(ReasonCategory.DEPENDENCY, "needs final design")),
                        "Beta done: predecessors \"Prototype\" → \"Prototype\", \"Design\" "
                                + "(DEPENDENCY: needs final design)")
                .then(new MilestoneRemoved(PLAN, PRESS_KIT, reason(ReasonCategory.SCOPE, "marketing owns it")),
                        "Milestone removed: \"Press kit\" (SCOPE: marketing owns it)")
                .then(new StepAdded(PLAN, BETA, RECRUIT, "Recruit merchants", "Ann", 5, List.of(), null),
                        "Step added under \"Beta done\": \"Recruit merchants\" (5 days)")
                .then(new StepAdded(PLAN, BETA, ONBOARD, "Onboard merchants", null, 8, List.of(RECRUIT), null),
                        "Step added under \"Beta done\": \"Onboard merchants\" (8 days, after \"Recruit merchants\")")
                .then(new StepRevised(PLAN, BETA, ONBOARD, "Onboard merchants", "Bob", 10, List.of(RECRUIT),
                                reason(ReasonCategory.ESTIMATE, "training takes longer")),
                        "Step \"Onboard merchants\" under \"Beta done\" revised: owner none → \"Bob\", duration "
                                + "8 → 10 days (ESTIMATE: training takes longer)")
                .then(new StepMarkedDone(PLAN, BETA, RECRUIT, date("2027-04-02"), null),
                        "Step \"Recruit merchants\" under \"Beta done\" done on 2027-04-02")
                .then(new StepReopened(PLAN, BETA, RECRUIT, reason(ReasonCategory.FEEDBACK, "two merchants left")),
                        "Step \"Recruit merchants\" under \"Beta done\" reopened, was done on 2027-04-02 "
                                + "(FEEDBACK: two merchants left)")
                .then(new StepRemoved(PLAN, BETA, ONBOARD, reason(ReasonCategory.SCOPE, "self-service onboarding")),
                        "Step removed from \"Beta done\": \"Onboard merchants\" (SCOPE: self-service onboarding)")
                .then(new MilestoneReached(PLAN, PROTOTYPE, date("2027-05-28"), null),
                        "Prototype reached on 2027-05-28")
                .then(new MilestoneReachRetracted(PLAN, PROTOTYPE, reason(ReasonCategory.OTHER, "recorded too early")),
                        "Prototype no longer reached, was recorded on 2027-05-28 (OTHER: recorded too early)")
                .then(new QuestionRaised(PLAN, CERTIFICATION, QuestionKind.SKEPTIC,
                                "Why will the schemes certify this?", null),
                        "Skeptic's question raised: \"Why will the schemes certify this?\"")
                .then(new QuestionAnswered(PLAN, CERTIFICATION, "Because it reuses a certified kernel.", null),
                        "Question answered: \"Why will the schemes certify this?\"")
                .then(new QuestionAnswered(PLAN, CERTIFICATION, "A scheme sponsor has agreed to certify it.",
                                reason(ReasonCategory.FEEDBACK, "sponsor found")),
                        "Answer changed: \"Why will the schemes certify this?\" (FEEDBACK: sponsor found)")
                .then(new QuestionRaised(PLAN, MIGRATION, QuestionKind.CUSTOMER_FAQ, LONG_QUESTION, null),
                        "Customer FAQ raised: \"How do merchants move their existing loyalty programmes, gift "
                                + "cards and stored…\"")
                .then(new RiskIdentified(PLAN, VENDOR_EXIT, "Vendor exit", 2, 4, null, null),
                        "Risk identified: \"Vendor exit\" (likelihood 2, impact 4)")
                .then(new RiskReassessed(PLAN, VENDOR_EXIT, "Vendor exit", 4, 4, "Second vendor on standby",
                                reason(ReasonCategory.EXTERNAL, "vendor sold")),
                        "Risk \"Vendor exit\" reassessed: likelihood 2 → 4, mitigation changed "
                                + "(EXTERNAL: vendor sold)")
                .then(new RiskClosed(PLAN, VENDOR_EXIT, RiskStatus.MATERIALISED, "Vendor left in May", null),
                        "Risk \"Vendor exit\" closed as MATERIALISED")
                .then(new MetricMeasured(PLAN, MERCHANTS, new BigDecimal("3100.00"), date("2027-06-01"), null),
                        "Active merchants measured: 3100 merchants on 2027-06-01")
                .then(new BaselineCaptured(PLAN, "approved", date("2027-07-15"), Map.of(), null),
                        "Baseline \"approved\" captured")
                .then(new PlanApproved(PLAN, null),
                        "Plan approved")
                .then(new GoalAchieved(PLAN, date("2027-07-14"), null),
                        "Goal achieved on 2027-07-14");
    }

    private static Story anAbandonedPlan() {
        return new Story()
                .then(DesignExample.created(),
                        "Plan created: \"Mobile wallet for small merchants\", target 2027-06-30")
                .then(new PlanAbandoned(PLAN, reason(ReasonCategory.EXTERNAL, "regulator said no")),
                        "Plan abandoned (EXTERNAL: regulator said no)");
    }

    private static Story aDiscardedBranch() {
        return new Story()
                .then(new PlanBranched(BRANCH, PLAN, 1, "No beta", PlanState.initial().evolve(DesignExample.created())),
                        "What-if branch \"No beta\" started from revision 1 of the plan of record")
                .then(new BranchDiscarded(BRANCH, reason(ReasonCategory.SCOPE, "beta stays")),
                        "What-if branch discarded (SCOPE: beta stays)");
    }

    private static Story aMergedBranch() {
        return new Story()
                .then(new PlanBranched(BRANCH, PLAN, 1, "No beta", PlanState.initial().evolve(DesignExample.created())),
                        "What-if branch \"No beta\" started from revision 1 of the plan of record")
                .then(new BranchMerged(BRANCH, 9),
                        "What-if branch merged into the plan of record, which reached revision 9");
    }

    private static MilestoneAdded milestone(UUID id, String name, int leadTimeDays, LocalDate deadline,
                                            UUID... predecessors) {
        return new MilestoneAdded(PLAN, id, name, null, null, leadTimeDays, List.of(predecessors), deadline,
                List.of(), null);
    }

    private static Reason reason(ReasonCategory category, String note) {
        return new Reason(category, note);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** One event of a story, the summary it got and the summary a reader should see. */
    private record Told(PlanEvent event, String summary, String expected) {
    }

    /** Events told in order, each summarized against the plan as the events before it left it. */
    private static final class Story {

        private final List<Told> told = new ArrayList<>();
        private PlanState state = PlanState.initial();

        Story then(PlanEvent event, String expected) {
            PlanState after = state.evolve(event);
            told.add(new Told(event, RevisionSummaries.summarize(state, event, after), expected));
            state = after;
            return this;
        }
    }
}
