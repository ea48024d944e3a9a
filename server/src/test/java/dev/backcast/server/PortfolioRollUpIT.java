package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backcast.query.tallies.Tallies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio roll-up PostgreSQL computes equals the one computed plan by plan from each plan's timeline (the
 * definition: every event folded and scheduled in memory), for random portfolios of plans that were drafted, approved,
 * re-estimated, trimmed, moved, reached, achieved and abandoned, over all time and over periods.
 */
@BackcastIntegrationTest
class PortfolioRollUpIT {

    private static final String REASON = "{\"category\": \"%s\", \"note\": \"random\"}";
    private static final String[] CATEGORIES = {"ESTIMATE", "EXTERNAL", "SCOPE", "DEPENDENCY"};

    static final String ALL_TIME = "from=0001-01-01&to=9999-12-31";

    @LocalServerPort
    int port;

    @Autowired
    Tallies tallies;

    @Test
    void theSqlRollUpEqualsThePlanByPlanDefinitionForRandomPortfolios() {
        Api planner = new Api(port, "planner");
        LocalDate today = ServerTime.TODAY;
        Map<String, Integer> exercised = new TreeMap<>();
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            String portfolio = "Random portfolio " + seed + "-" + System.nanoTime();
            List<String> plans = new ArrayList<>();
            for (int p = 0; p < 4 + random.nextInt(4); p++) {
                plans.add(randomPlan(planner, random, portfolio, "Plan " + (char) ('A' + p), today));
            }
            for (String[] period : new String[][] {{null, null}, {today.minusDays(7).toString(), today.toString()},
                    {today.minusDays(30).toString(), today.minusDays(8).toString()}}) {
                String query = "/api/portfolio?size=200&portfolio=" + URLEncoder.encode(portfolio, StandardCharsets.UTF_8)
                        + (period[0] == null ? "" : "&from=" + period[0] + "&to=" + period[1]);
                JsonNode rollUp = planner.get(query).json();
                Map<String, Object> expected = definition(planner, plans, period[0] == null ? null
                        : LocalDate.parse(period[0]), period[1] == null ? null : LocalDate.parse(period[1]));
                assertThat(figures(rollUp)).as("seed %d, period %s..%s", seed, period[0], period[1])
                        .isEqualTo(expected);
                exercised.merge("reached", rollUp.get("milestonesReached").asInt(), Integer::sum);
                exercised.merge("slips", rollUp.get("slip").get("milestones").asInt(), Integer::sum);
                exercised.merge("due-date move reasons", rollUp.get("dueDateMovesByReason").size(), Integer::sum);
                exercised.merge("target moves", rollUp.get("targetDateMoves").size(), Integer::sum);
                exercised.merge("at risk", rollUp.get("atRisk").size(), Integer::sum);
                exercised.merge("most slipped", rollUp.get("mostSlipped").size(), Integer::sum);
            }
        }
        reachedExactlyOnItsApprovedDay(planner, today);
        List<String> everyPlan = everyPlan(planner);
        for (String[] period : new String[][] {{null, null}, {today.minusDays(30).toString(), today.toString()}}) {
            JsonNode rollUp = planner.get("/api/portfolio" + (period[0] == null ? ""
                    : "?from=" + period[0] + "&to=" + period[1])).json();
            Map<String, Object> expected = definition(planner, everyPlan, period[0] == null ? null
                    : LocalDate.parse(period[0]), period[1] == null ? null : LocalDate.parse(period[1]));
            assertThat(aggregates(figures(rollUp))).as("all portfolios, period %s..%s", period[0], period[1])
                    .isEqualTo(aggregates(expected));
        }
        JsonNode tallied = tallied(planner.get("/api/portfolio?size=1").json());
        assertThat(tallied).as("the organisation's figures summed from its tallies and counted from every fact")
                .isEqualTo(tallied(planner.get("/api/portfolio?size=1&" + ALL_TIME).json()));
        tallies.compact();
        assertThat(tallied(planner.get("/api/portfolio?size=1").json())).as("the tallies summed").isEqualTo(tallied);
        System.out.println("Portfolio roll-up compared with its definition: " + exercised);
        assertThat(exercised).allSatisfy((figure, count) -> assertThat(count).as(figure).isPositive());
    }

    /**
     * A milestone reached on the day it was due at approval: its slip is 0, on time by the definition's "at most 0
     * days late", which random reach dates seldom give.
     */
    private static void reachedExactlyOnItsApprovedDay(Api planner, LocalDate today) {
        String planId = id(planner.post("/api/plans", """
                {"title": "On the day", "portfolio": "On the day %d", "calendar": "CALENDAR_DAYS",
                 "goal": {"headline": "h", "customerProblem": "p", "solution": "s", "targetDate": "%s"}}"""
                .formatted(System.nanoTime(), today)), "planId");
        String plan = "/api/plans/" + planId;
        planner.post(plan + "/metrics", "{\"name\": \"Adoption\", \"baselineValue\": 0, \"targetValue\": 100, "
                + "\"direction\": \"INCREASE\"}");
        String milestone = id(planner.post(plan + "/milestones", "{\"name\": \"Launch\", \"leadTimeDays\": 5}"),
                "milestoneId");
        long approved = planner.post(plan + "/approve", "{}").json().get("revision").asLong();
        String due = planner.get(plan + "?minRevision=" + approved).json().get("milestones").get(0).get("due").asText();
        long reached = planner.post(plan + "/milestones/" + milestone + "/reached", "{\"on\": \"" + due + "\"}")
                .json().get("revision").asLong();
        JsonNode line = planner.get(plan + "/timeline?minRevision=" + reached).json().get("milestones").get(0);
        assertThat(line.get("slipAgainstApproved").asInt()).as("slip of a milestone reached on its due day").isZero();
    }

    /**
     * The figures of an organisation-wide roll-up that come from the tallies when no period is given; with a period
     * from the first day to the last representable one, the same figures are counted from every fact.
     */
    static JsonNode tallied(JsonNode rollUp) {
        ObjectNode figures = JsonNodeFactory.instance.objectNode();
        for (String figure : List.of("milestonesReached", "milestonesReachedOnTime", "onTimeRate", "slip",
                "dueDateMovesByReason")) {
            figures.set(figure, rollUp.get(figure));
        }
        return figures;
    }

    private String randomPlan(Api planner, Random random, String portfolio, String title, LocalDate today) {
        String planId = id(planner.post("/api/plans", """
                {"title": "%s", "portfolio": "%s", "calendar": "%s",
                 "goal": {"headline": "h", "customerProblem": "p", "solution": "s", "targetDate": "%s"}}"""
                .formatted(title, portfolio, random.nextBoolean() ? "CALENDAR_DAYS" : "WORKING_DAYS",
                        today.plusDays(20 + random.nextInt(80)))), "planId");
        String plan = "/api/plans/" + planId;
        List<String> milestones = new ArrayList<>();
        List<Api.Response> answers = new ArrayList<>();
        answers.add(planner.post(plan + "/metrics", "{\"name\": \"Adoption\", \"baselineValue\": 0, "
                + "\"targetValue\": 100, \"direction\": \"INCREASE\"}"));
        for (int i = 0; i < 2 + random.nextInt(4); i++) {
            answers.add(addMilestone(planner, random, plan, milestones, "M" + i));
        }
        if (random.nextInt(5) > 0) {
            answers.add(planner.post(plan + "/approve", null));
        }
        for (int i = 0; i < 10; i++) {
            answers.add(switch (random.nextInt(6)) {
                case 0 -> addMilestone(planner, random, plan, milestones, "Later " + i);
                case 1, 2 -> planner.patch(plan + "/milestones/" + pick(random, milestones), "{\"leadTimeDays\": "
                        + (1 + random.nextInt(50)) + ", \"reason\": " + REASON.formatted(pick(random, CATEGORIES))
                        + "}");
                case 3 -> planner.post(plan + "/milestones/" + pick(random, milestones) + "/reached",
                        "{\"on\": \"" + today.minusDays(random.nextInt(25)) + "\"}");
                case 4 -> planner.post(plan + "/refinements", "{\"message\": \"move\", \"changes\": [{\"op\": "
                        + "\"moveTargetDate\", \"targetDate\": \"" + today.plusDays(10 + random.nextInt(90))
                        + "\", \"reason\": " + REASON.formatted(pick(random, CATEGORIES)) + "}]}");
                default -> planner.delete(plan + "/milestones/" + pick(random, milestones)
                        + "?category=SCOPE&note=trimmed", null);
            });
        }
        switch (random.nextInt(6)) {
            case 0 -> answers.add(planner.post(plan + "/abandon", "{\"reason\": " + REASON.formatted("SCOPE") + "}"));
            case 1 -> answers.add(planner.post(plan + "/achieve", "{\"on\": \"" + today.minusDays(random.nextInt(5))
                    + "\"}"));
            default -> { }
        }
        long revision = answers.stream().filter(answer -> answer.status() < 300 && answer.json().has("revision"))
                .mapToLong(answer -> answer.json().get("revision").asLong()).max().orElse(1);
        planner.get(plan + "?minRevision=" + revision);
        return planId;
    }

    private static Api.Response addMilestone(Api planner, Random random, String plan, List<String> milestones,
                                             String name) {
        String predecessors = milestones.isEmpty() || random.nextBoolean() ? "[]"
                : "[\"" + milestones.get(random.nextInt(milestones.size())) + "\"]";
        Api.Response added = planner.post(plan + "/milestones", "{\"name\": \"" + name + "\", \"leadTimeDays\": "
                + (1 + random.nextInt(40)) + ", \"predecessors\": " + predecessors + "}");
        if (added.status() == 201) {
            milestones.add(added.json().get("milestoneId").asText());
        }
        return added;
    }

    /** The roll-up computed from each plan's timeline, as the API defined it before it was an aggregate query. */
    private static Map<String, Object> definition(Api planner, List<String> plans, LocalDate from, LocalDate to) {
        Map<String, Object> figures = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Integer> atRisk = new TreeMap<>();
        List<Integer> slips = new ArrayList<>();
        Map<String, List<Long>> moves = new TreeMap<>();
        Map<String, List<Long>> targetMoves = new TreeMap<>();
        Map<String, Integer> goalSlips = new HashMap<>();
        Map<String, List<Object>> rows = new TreeMap<>();
        long reached = 0;
        long onTime = 0;
        for (String planId : plans) {
            JsonNode plan = planner.get("/api/plans/" + planId).json();
            JsonNode timeline = planner.get("/api/plans/" + planId + "/timeline").json();
            String status = plan.get("status").asText();
            String title = plan.get("title").asText();
            counts.merge(status, 1L, Long::sum);
            boolean closed = status.equals("ACHIEVED") || status.equals("ABANDONED");
            int lateBy = closed ? 0 : timeline.get("goal").get("lateByDays").asInt();
            if (lateBy > 0) {
                atRisk.put(title, lateBy);
            }
            long planReached = 0;
            long planOnTime = 0;
            long planMoves = 0;
            for (JsonNode line : timeline.get("milestones")) {
                boolean inApproved = line.get("baselineDue").has("approved");
                LocalDate reachedOn = date(line.get("reachedOn"));
                if (inApproved && reachedOn != null && within(reachedOn, from, to)) {
                    planReached++;
                    if (line.get("slipAgainstApproved").asInt() <= 0) {
                        planOnTime++;
                    }
                }
                LocalDate outcome = reachedOn != null ? reachedOn : date(line.get("forecast"));
                if (inApproved && !line.get("removed").asBoolean() && !line.get("slipAgainstApproved").isNull()
                        && within(outcome, from, to)) {
                    slips.add(line.get("slipAgainstApproved").asInt());
                }
                for (JsonNode move : line.get("moves")) {
                    if (within(day(move), from, to)) {
                        planMoves++;
                        String category = move.get("reasonCategory").isNull() ? "OTHER"
                                : move.get("reasonCategory").asText();
                        List<Long> tally = moves.computeIfAbsent(category, key -> new ArrayList<>(List.of(0L, 0L)));
                        tally.set(0, tally.get(0) + 1);
                        tally.set(1, tally.get(1) + move.get("days").asLong());
                    }
                }
            }
            long planTargetMoves = 0;
            long planTargetDays = 0;
            for (JsonNode move : timeline.get("goal").get("moves")) {
                if (within(day(move), from, to)) {
                    planTargetMoves++;
                    planTargetDays += move.get("days").asLong();
                }
            }
            if (planTargetMoves > 0) {
                targetMoves.put(title, List.of(planTargetMoves, planTargetDays));
            }
            JsonNode goalSlip = timeline.get("goal").get("slipAgainstFirstPlan");
            if (!goalSlip.isNull()) {
                goalSlips.put(title, goalSlip.asInt());
            }
            reached += planReached;
            onTime += planOnTime;
            rows.put(title, List.of(status, timeline.get("goal").get("forecastGoalDate").asText(), lateBy,
                    goalSlip.asText(), planReached, planOnTime, planMoves, planTargetMoves));
        }
        figures.put("plans", plans.size());
        figures.put("countsByStatus", counts);
        figures.put("atRisk", atRisk);
        figures.put("plansAtRisk", (long) atRisk.size());
        figures.put("plansWithTargetDateMoves", (long) targetMoves.size());
        figures.put("milestonesReached", reached);
        figures.put("milestonesReachedOnTime", onTime);
        figures.put("slip", slip(slips));
        figures.put("dueDateMovesByReason", moves);
        figures.put("targetDateMoves", targetMoves);
        figures.put("mostSlipped", goalSlips.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
        figures.put("rows", rows);
        return figures;
    }

    /** Every plan in the store, as the organisation-wide roll-up sees it. */
    private static List<String> everyPlan(Api planner) {
        List<String> plans = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode listed = planner.get("/api/plans?size=200&page=" + page).json();
            listed.get("items").forEach(plan -> plans.add(plan.get("planId").asText()));
            if (plans.size() >= listed.get("total").asLong()) {
                return plans;
            }
        }
    }

    /** The figures that the definition does not count by title: titles repeat across portfolios. */
    private static Map<String, Object> aggregates(Map<String, Object> figures) {
        Map<String, Object> aggregates = new TreeMap<>(figures);
        aggregates.keySet().retainAll(List.of("plans", "countsByStatus", "milestonesReached",
                "milestonesReachedOnTime", "slip", "dueDateMovesByReason"));
        return aggregates;
    }

    /** The same figures read from the API's answer. */
    private static Map<String, Object> figures(JsonNode rollUp) {
        Map<String, Object> figures = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        rollUp.get("countsByStatus").fields().forEachRemaining(count -> {
            if (count.getValue().asLong() > 0) {
                counts.put(count.getKey(), count.getValue().asLong());
            }
        });
        Map<String, Integer> atRisk = new TreeMap<>();
        rollUp.get("atRisk").forEach(plan -> atRisk.put(plan.get("title").asText(), plan.get("lateByDays").asInt()));
        Map<String, List<Long>> moves = new TreeMap<>();
        rollUp.get("dueDateMovesByReason").fields().forEachRemaining(reason -> moves.put(reason.getKey(),
                List.of(reason.getValue().get("count").asLong(), reason.getValue().get("days").asLong())));
        Map<String, List<Long>> targetMoves = new TreeMap<>();
        rollUp.get("targetDateMoves").forEach(plan -> targetMoves.put(plan.get("title").asText(),
                List.of(plan.get("moves").asLong(), plan.get("days").asLong())));
        Map<String, List<Object>> rows = new TreeMap<>();
        rollUp.get("rows").forEach(row -> rows.put(row.get("title").asText(), List.of(row.get("status").asText(),
                row.get("forecastGoalDate").asText(), row.get("lateByDays").asInt(), row.get("goalSlipDays").asText(),
                row.get("milestonesReached").asLong(), row.get("milestonesReachedOnTime").asLong(),
                row.get("dueDateMoves").asLong(), row.get("targetDateMoves").asLong())));
        JsonNode slip = rollUp.get("slip");
        figures.put("plans", rollUp.get("plans").asInt());
        figures.put("countsByStatus", counts);
        figures.put("atRisk", atRisk);
        figures.put("plansAtRisk", rollUp.get("plansAtRisk").asLong());
        figures.put("plansWithTargetDateMoves", rollUp.get("plansWithTargetDateMoves").asLong());
        figures.put("milestonesReached", rollUp.get("milestonesReached").asLong());
        figures.put("milestonesReachedOnTime", rollUp.get("milestonesReachedOnTime").asLong());
        figures.put("slip", List.of(slip.get("milestones").asInt(), slip.get("meanDays").asText(),
                slip.get("medianDays").asText(), slip.get("p90Days").asText()));
        figures.put("dueDateMovesByReason", moves);
        figures.put("targetDateMoves", targetMoves);
        figures.put("mostSlipped", rollUp.get("mostSlipped").findValuesAsText("title").stream().map(title ->
                title + "=" + findSlip(rollUp, title)).toList());
        figures.put("rows", rows);
        return figures;
    }

    private static String findSlip(JsonNode rollUp, String title) {
        for (JsonNode plan : rollUp.get("mostSlipped")) {
            if (plan.get("title").asText().equals(title)) {
                return plan.get("slipDays").asText();
            }
        }
        return null;
    }

    /** Count, mean to two places, median (mean of the middle two), 90th percentile (nearest rank), as text. */
    private static List<Object> slip(List<Integer> slips) {
        if (slips.isEmpty()) {
            return List.of(0, "null", "null", "null");
        }
        List<Integer> sorted = slips.stream().sorted().toList();
        int n = sorted.size();
        double mean = sorted.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        int p90 = sorted.get((int) Math.ceil(0.9 * n) - 1);
        return List.of(n, String.valueOf(Math.round(mean * 100) / 100.0), String.valueOf(median), String.valueOf(p90));
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    private static LocalDate day(JsonNode move) {
        return LocalDate.ofInstant(Instant.parse(move.get("recordedAt").asText()), ZoneOffset.UTC);
    }

    private static LocalDate date(JsonNode value) {
        return value == null || value.isNull() ? null : LocalDate.parse(value.asText());
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String pick(Random random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
