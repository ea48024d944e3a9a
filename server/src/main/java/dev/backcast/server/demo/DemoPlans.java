package dev.backcast.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backcast.command.web.ChangeRequests;
import dev.backcast.plan.ChangePlan;
import dev.backcast.plan.CreatePlan;
import dev.backcast.plan.Goal;
import dev.backcast.plan.PlanChange;
import dev.backcast.plan.RefinePlan;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.server.time.RecordingClock;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the example plans into an empty database at startup: each decision is recorded by its author at its scenario
 * day, through the application's clock, and marked as demo data, so the history looks as it would after months of use
 * and is never mistaken for real records. Day 0 of a scenario is {@code elapsedDays} before today. Every scenario is
 * read and checked before anything is recorded, and all of them are recorded in one transaction: the demo loads
 * whole or not at all, so a failed start leaves the database empty for the next try.
 */
@Component
@ConditionalOnProperty(name = "backcast.demo", havingValue = "true")
public class DemoPlans implements ApplicationRunner {

    /** Event metadata marking demo records. */
    public static final String DEMO = "demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoPlans.class);
    private static final Set<String> REFERENCE_FIELDS = Set.of("id", "milestone", "predecessors", "metrics", "answers");
    private static final Map<String, String> RENAMED = Map.of("milestone", "milestoneId", "baseline", "baselineValue",
            "target", "targetValue", "measureBy", "measuredBy", "to", "targetDate");
    private static final Set<String> NEEDS_REASON = Set.of("reviseMilestone", "removeMilestone", "reviseMetric",
            "dropMetric", "reviseStep", "removeStep", "reassessRisk", "moveTargetDate", "redefineGoal", "abandon");
    private static final String UNRECORDED_REASON = "{\"category\": \"OTHER\", \"note\": \"No reason was recorded\"}";

    private final CommandGateway commands;
    private final ChangeRequests changeRequests;
    private final RecordingClock clock;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate wholeDemo;
    private final String scenarios;

    /** One decision of a scenario, ready to record. */
    private record Decision(String scenario, int number, int day, String op, Instant at, Object command,
                            MetaData metaData) {
    }

    public DemoPlans(CommandGateway commands, ChangeRequests changeRequests, RecordingClock clock, JdbcTemplate jdbc,
                     ObjectMapper json, PlatformTransactionManager transactions,
                     @Value("${backcast.demo-plans:classpath:demo/*.json}") String scenarios) {
        this.commands = commands;
        this.changeRequests = changeRequests;
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
        this.scenarios = scenarios;
        this.wholeDemo = new TransactionTemplate(transactions);
        wholeDemo.setTimeout((int) Duration.ofMinutes(5).toSeconds());
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        Long recorded = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        if (recorded != null && recorded > 0) {
            LOG.info("Demo plans not loaded: the database already holds {} events", recorded);
            return;
        }
        Instant now = clock.instant();
        List<Decision> decisions = new ArrayList<>();
        for (Resource scenario : new PathMatchingResourcePatternResolver().getResources(scenarios)) {
            try (InputStream in = scenario.getInputStream()) {
                decisions.addAll(prepare(json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)), now));
            }
        }
        wholeDemo.executeWithoutResult(transaction -> decisions.forEach(this::record));
        LOG.info("Loaded {} demo decisions as of {} in zone {}", decisions.size(), now, clock.getZone());
    }

    /** Reads and checks one scenario, recording nothing. */
    private List<Decision> prepare(JsonNode scenario, Instant now) {
        String name = scenario.path("name").asText("(unnamed)");
        try {
            LocalDate dayZero = LocalDate.ofInstant(now, clock.getZone()).minusDays(scenario.get("elapsedDays").asInt());
            List<Integer> days = new ArrayList<>();
            scenario.get("steps").forEach(step -> days.add(step.get("day").asInt()));
            List<Instant> moments = ScenarioMoments.of(days, dayZero, clock.getZone(), now);
            List<Decision> decisions = new ArrayList<>();
            UUID planId = null;
            int number = 0;
            for (JsonNode step : scenario.get("steps")) {
                ObjectNode decision = translate(name, dayZero, step);
                String op = decision.remove("op").asText();
                String author = decision.remove("as").asText();
                int day = decision.remove("day").asInt();
                Object command = op.equals("createPlan") ? createPlan(decision) : change(planId, op, decision, name);
                if (command instanceof CreatePlan created) {
                    planId = created.planId();
                }
                MetaData metaData = MetaData.with("author", author).and("correlationId", UUID.randomUUID().toString())
                        .and(DEMO, "example plan " + name + ", day " + day);
                decisions.add(new Decision(name, number + 1, day, op, moments.get(number), command, metaData));
                number++;
            }
            return decisions;
        } catch (RuntimeException e) {
            throw new IllegalStateException("The demo plans were not loaded, and nothing was recorded: scenario "
                    + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void record(Decision decision) {
        try {
            clock.at(decision.at(), () -> commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(decision.command()).andMetaData(decision.metaData())));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The demo plans were not loaded, and nothing was recorded: scenario "
                    + decision.scenario() + ", decision " + decision.number() + " (" + decision.op() + " on day "
                    + decision.day() + ") was refused: " + e.getMessage(), e);
        }
    }

    private CreatePlan createPlan(ObjectNode decision) {
        Goal goal = json.convertValue(decision.get("goal"), Goal.class);
        List<LocalDate> holidays = decision.has("holidays")
                ? List.of(json.convertValue(decision.get("holidays"), LocalDate[].class)) : List.of();
        return new CreatePlan(UUID.fromString(decision.get("id").asText()), decision.get("title").asText(),
                decision.path("portfolio").asText(null), CalendarKind.valueOf(decision.path("calendar").asText(
                CalendarKind.CALENDAR_DAYS.name())), holidays, goal);
    }

    private Object change(UUID planId, String op, ObjectNode decision, String scenario) {
        if (op.equals("refine")) {
            List<PlanChange> changes = new ArrayList<>();
            for (JsonNode change : decision.get("changes")) {
                ObjectNode body = (ObjectNode) change;
                String changeOp = body.remove("op").asText();
                changes.add(toChange(changeOp, body));
            }
            List<UUID> answers = new ArrayList<>();
            decision.path("answers").forEach(answer -> answers.add(UUID.fromString(answer.asText())));
            return new RefinePlan(planId, null, id(scenario, "refinement-" + decision.get("message").asText()),
                    decision.get("message").asText(), answers, changes);
        }
        return new ChangePlan(planId, null, toChange(op, decision));
    }

    private PlanChange toChange(String op, ObjectNode body) {
        if (NEEDS_REASON.contains(op) && !body.has("reason")) {
            body.set("reason", readTree(UNRECORDED_REASON));
        }
        JsonNode id = body.remove("id");
        String idField = idFieldOf(op);
        if (id != null && idField != null) {
            body.set(idField, id);
        }
        return changeRequests.toChange(op, body, Map.of(), "");
    }

    /** The example's local names become stable UUIDs, its D+N dates real dates, its field names the API's. */
    private ObjectNode translate(String scenario, LocalDate dayZero, JsonNode step) {
        ObjectNode translated = json.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = step.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = dates(dayZero, field.getValue());
            if (REFERENCE_FIELDS.contains(name)) {
                value = ids(scenario, value);
            }
            if (name.equals("changes")) {
                ArrayNode changes = json.createArrayNode();
                value.forEach(change -> changes.add(translate(scenario, dayZero, change)));
                value = changes;
            }
            translated.set(RENAMED.getOrDefault(name, name), value);
        }
        return translated;
    }

    private JsonNode dates(LocalDate dayZero, JsonNode value) {
        if (value.isTextual() && value.asText().matches("D\\+\\d+")) {
            return json.getNodeFactory().textNode(dayZero.plusDays(Long.parseLong(value.asText().substring(2))).toString());
        }
        if (value.isArray()) {
            ArrayNode copy = json.createArrayNode();
            value.forEach(element -> copy.add(dates(dayZero, element)));
            return copy;
        }
        if (value.isObject()) {
            ObjectNode copy = json.createObjectNode();
            value.fields().forEachRemaining(field -> copy.set(field.getKey(), dates(dayZero, field.getValue())));
            return copy;
        }
        return value;
    }

    private JsonNode ids(String scenario, JsonNode value) {
        if (value.isArray()) {
            ArrayNode mapped = json.createArrayNode();
            value.forEach(local -> mapped.add(id(scenario, local.asText()).toString()));
            return mapped;
        }
        return json.getNodeFactory().textNode(id(scenario, value.asText()).toString());
    }

    /** The same local name in the same scenario is always the same id, so reloading gives the same plans. */
    static UUID id(String scenario, String localName) {
        return UUID.nameUUIDFromBytes((scenario + "/" + localName).getBytes(StandardCharsets.UTF_8));
    }

    private static String idFieldOf(String op) {
        return switch (op) {
            case "defineMetric", "reviseMetric", "dropMetric", "measureMetric" -> "metricId";
            case "addMilestone", "reviseMilestone", "removeMilestone", "reachMilestone", "retractMilestoneReached" ->
                    "milestoneId";
            case "addStep", "reviseStep", "removeStep", "markStepDone", "reopenStep" -> "stepId";
            case "raiseQuestion", "answerQuestion" -> "questionId";
            case "identifyRisk", "reassessRisk", "closeRisk" -> "riskId";
            default -> null;
        };
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
