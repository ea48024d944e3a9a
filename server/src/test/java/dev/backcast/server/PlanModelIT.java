package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.BackcastApplication;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.query.plans.PlanDocuments;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.backcast.server.PlanRequests.createPlan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model-based: random sequences of decisions sent through HTTP; afterwards the projected plan is exactly the fold of
 * the plan's recorded events, and the history has one entry per event.
 */
class PlanModelIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConfigurableApplicationContext application;
    private static Api planner;
    private static Map<String, Class<?>> eventTypes;

    @BeforeContainer
    static void startTheServer() throws ClassNotFoundException {
        application = new SpringApplicationBuilder(BackcastApplication.class).profiles("it")
                .initializers(new ServerTime.Initializer()).run("--server.port=0");
        planner = new Api(((WebServerApplicationContext) application).getWebServer().getPort(), "planner");
        eventTypes = new HashMap<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(PlanEvent.class));
        for (var candidate : scanner.findCandidateComponents("dev.backcast.plan")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            eventTypes.put(type.getSimpleName(), type);
        }
    }

    @AfterContainer
    static void stopTheServer() {
        application.close();
    }

    /** One decision, with the elements it refers to chosen by position among those that exist when it is sent. */
    record Decision(String kind, int pick, int number) {
    }

    @Provide
    Arbitrary<List<Decision>> decisions() {
        Arbitrary<Decision> decision = net.jqwik.api.Combinators.combine(
                Arbitraries.of("addMilestone", "addMilestone", "addStep", "reestimate", "reach", "markStepDone",
                        "defineMetric", "measure", "raiseQuestion", "answerQuestion", "identifyRisk", "closeRisk",
                        "moveTarget", "deadline", "captureBaseline", "approve", "refine", "removeMilestone"),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 60)).as(Decision::new);
        return decision.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 12)
    void theProjectedPlanIsTheFoldOfItsRecordedEvents(@ForAll("decisions") List<Decision> decisions) throws Exception {
        String planId = createPlan(planner, "Model " + System.nanoTime());
        String plan = "/api/plans/" + planId;
        List<String> milestones = new ArrayList<>();
        Map<String, List<String>> steps = new HashMap<>();
        List<String> metrics = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        List<String> risks = new ArrayList<>();
        String reason = "\"reason\": {\"category\": \"ESTIMATE\", \"note\": \"model\"}";
        String today = ServerTime.TODAY.toString();
        for (Decision d : decisions) {
            String milestone = milestones.isEmpty() ? null : milestones.get(d.pick() % milestones.size());
            Api.Response response = switch (d.kind()) {
                case "addMilestone" -> planner.post(plan + "/milestones", "{\"name\": \"M" + d.number()
                        + "\", \"leadTimeDays\": " + d.number() + ", \"predecessors\": "
                        + (milestone == null || d.pick() % 3 == 0 ? "[]" : "[\"" + milestone + "\"]") + "}");
                case "addStep" -> milestone == null ? null : planner.post(plan + "/milestones/" + milestone + "/steps",
                        "{\"description\": \"S" + d.number() + "\", \"durationDays\": " + d.number() + "}");
                case "reestimate" -> milestone == null ? null : planner.patch(plan + "/milestones/" + milestone,
                        "{\"leadTimeDays\": " + d.number() + ", " + reason + "}");
                case "reach" -> milestone == null ? null : planner.post(plan + "/milestones/" + milestone + "/reached",
                        "{\"on\": \"" + today + "\"}");
                case "markStepDone" -> {
                    List<String> under = milestone == null ? List.of() : steps.getOrDefault(milestone, List.of());
                    yield under.isEmpty() ? null : planner.post(plan + "/milestones/" + milestone + "/steps/"
                            + under.get(d.number() % under.size()) + "/done", "{\"on\": \"" + today + "\"}");
                }
                case "defineMetric" -> planner.post(plan + "/metrics", "{\"name\": \"K" + d.number() + "\", \"unit\": "
                        + "\"n\", \"baselineValue\": 0, \"targetValue\": " + (d.number() + 1) + ", \"direction\": \"INCREASE\"}");
                case "measure" -> metrics.isEmpty() ? null : planner.post(plan + "/metrics/"
                        + metrics.get(d.pick() % metrics.size()) + "/measurements",
                        "{\"value\": " + d.number() + ".5, \"on\": \"" + today + "\"}");
                case "raiseQuestion" -> planner.post(plan + "/questions", "{\"kind\": \""
                        + List.of("CUSTOMER_FAQ", "INTERNAL_FAQ", "SKEPTIC").get(d.pick() % 3) + "\", \"text\": \"Q"
                        + d.number() + "?\"}");
                case "answerQuestion" -> questions.isEmpty() ? null : planner.put(plan + "/questions/"
                        + questions.get(d.pick() % questions.size()) + "/answer", "{\"answer\": \"A" + d.number() + "\"}");
                case "identifyRisk" -> planner.post(plan + "/risks", "{\"description\": \"R" + d.number()
                        + "\", \"likelihood\": " + (1 + d.pick() % 5) + ", \"impact\": " + (1 + d.number() % 5) + "}");
                case "closeRisk" -> risks.isEmpty() ? null : planner.patch(plan + "/risks/"
                        + risks.get(d.pick() % risks.size()), "{\"outcome\": \"MITIGATED\"}");
                case "moveTarget" -> planner.put(plan + "/goal", "{\"headline\": \"H" + d.number() + "\", "
                        + "\"customerProblem\": \"P\", \"solution\": \"S\", \"targetDate\": \""
                        + PlanRequests.TARGET.plusDays(d.number() - 30) + "\", " + reason + "}");
                case "deadline" -> milestone == null ? null : planner.patch(plan + "/milestones/" + milestone,
                        "{\"deadline\": \"" + PlanRequests.TARGET.minusDays(d.number()) + "\", " + reason + "}");
                case "captureBaseline" -> planner.post(plan + "/baselines", "{\"name\": \"B" + d.number() + "\"}");
                case "approve" -> planner.post(plan + "/approve", "{}");
                case "removeMilestone" -> milestone == null ? null : planner.delete(plan + "/milestones/" + milestone,
                        "{" + reason + "}");
                default -> planner.post(plan + "/refinements", "{\"message\": \"Refine " + d.number() + "\", "
                        + "\"changes\": [{\"op\": \"addMilestone\", \"name\": \"R" + d.number() + "\", \"leadTimeDays\": "
                        + d.number() + "}, {\"op\": \"raiseQuestion\", \"kind\": \"SKEPTIC\", \"text\": \"Why?\"}]}");
            };
            if (response == null) {
                continue;
            }
            assertThat(response.status()).as(d + " → " + response).isIn(200, 201, 409, 422);
            if (response.status() == 201) {
                remember(response.json(), milestones, steps, metrics, questions, risks, milestone);
            }
            if (d.kind().equals("removeMilestone") && response.status() == 200) {
                milestones.remove(milestone);
            }
        }

        List<JsonNode> events = PlanRequests.events(planner, planId);
        PlanState folded = PlanState.initial();
        for (JsonNode event : events) {
            folded = folded.evolve((PlanEvent) JSON.copy().findAndRegisterModules()
                    .treeToValue(event.get("event"), eventTypes.get(event.get("type").asText())));
        }
        JsonNode first = events.get(0);
        JsonNode last = events.get(events.size() - 1);
        PlanDocuments.Provenance provenance = new PlanDocuments.Provenance(
                Instant.parse(first.get("recordedAt").asText()), first.get("author").asText(),
                Instant.parse(last.get("recordedAt").asText()), last.get("author").asText());
        ObjectMapper serverJson = application.getBean(ObjectMapper.class);
        JsonNode expected = JSON.readTree(serverJson.writeValueAsString(
                PlanDocuments.of(folded, ServerTime.TODAY, provenance)));

        JsonNode projected = planner.get(plan + "?minRevision=" + events.size()).json();
        assertThat(projected).isEqualTo(expected);
        JsonNode history = planner.get(plan + "/revisions?order=oldest&limit=500").json().get("items");
        assertThat(history).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(history.get(i).get("revision").asLong()).isEqualTo(i + 1);
            assertThat(history.get(i).get("eventType").asText()).isEqualTo(events.get(i).get("type").asText());
        }
    }

    private static void remember(JsonNode created, List<String> milestones, Map<String, List<String>> steps,
                                 List<String> metrics, List<String> questions, List<String> risks, String milestone) {
        if (created.has("milestoneId")) {
            milestones.add(created.get("milestoneId").asText());
        } else if (created.has("stepId")) {
            steps.computeIfAbsent(milestone, key -> new ArrayList<>()).add(created.get("stepId").asText());
        } else if (created.has("metricId")) {
            metrics.add(created.get("metricId").asText());
        } else if (created.has("questionId")) {
            questions.add(created.get("questionId").asText());
        } else if (created.has("riskId")) {
            risks.add(created.get("riskId").asText());
        }
    }
}
