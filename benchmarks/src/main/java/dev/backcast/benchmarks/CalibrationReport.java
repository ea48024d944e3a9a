package dev.backcast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backcast.plan.Goal;
import dev.backcast.plan.PlanApproved;
import dev.backcast.plan.PlanCreated;
import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.forecasting.MonteCarloForecast;
import dev.backcast.plan.forecasting.ReferenceRecord;
import dev.backcast.plan.forecasting.SimulatedForecast;
import dev.backcast.plan.milestones.MilestoneAdded;
import dev.backcast.plan.milestones.MilestoneReached;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.CalendarKind;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Measures whether calibrated forecasts are calibrated. It generates an organisation whose milestones take their
 * planned lead time times a ratio drawn from a known distribution (log-normal, one per portfolio), each started when
 * both its start-by day and its predecessor allow. Then, for forecasts made at past moments (each plan's approval, and
 * the day half its milestones were reached), it folds the plan's events up to that day, draws the reference class from
 * the record as it stood that day (the forecast API's rule: other plans closed or past their target, the portfolio's
 * part when it holds 30 milestones), simulates, and counts how often the actual goal date fell at or before the P50,
 * P80 and P95, against how often it fell at or before the plain forecast.
 */
public final class CalibrationReport {

    static final String USAGE = """
            Usage: java -jar benchmarks/target/benchmarks.jar calibration [options]
              --plans=N          plans in the generated organisation (default 600)
              --seed=N           the seed of the organisation and of every simulation (default 1)
              --demo             also replay the example plans on a server of its own, through its forecast API
              --server-jar=PATH  the server jar for --demo (default server/target/backcast.jar)
              --report=PATH      where to write the JSON report (default benchmarks/target/calibration-report.json)""";

    /** A portfolio of the generated organisation and the known distribution of its milestones' duration ratios. */
    record Portfolio(String name, double medianRatio, double sigma) {

        double drawRatio(SplittableRandom random) {
            return medianRatio * Math.exp(sigma * gaussian(random));
        }
    }

    static final List<Portfolio> PORTFOLIOS = List.of(new Portfolio("Steady", 1.1, 0.15),
            new Portfolio("Volatile", 1.4, 0.45));

    private static final LocalDate FIRST_APPROVAL = LocalDate.of(2023, 1, 2);
    private static final int APPROVALS_SPREAD_DAYS = 3 * 365;
    private static final int RUNS = MonteCarloForecast.MIN_RUNS;
    /** More revisions than an example plan has before its goal is achieved. */
    private static final int MAX_REVISIONS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** How the forecasts made at one kind of moment fared. */
    record Tally(String portfolio, String moment, int forecasts, int calibrated, int atOrBeforeP50,
                 int atOrBeforeP80, int atOrBeforeP95, int atOrBeforePlain) {

        Tally plus(Tally other) {
            return new Tally(portfolio, moment, forecasts + other.forecasts, calibrated + other.calibrated,
                    atOrBeforeP50 + other.atOrBeforeP50, atOrBeforeP80 + other.atOrBeforeP80,
                    atOrBeforeP95 + other.atOrBeforeP95, atOrBeforePlain + other.atOrBeforePlain);
        }

        double share(int count) {
            return calibrated == 0 ? Double.NaN : (double) count / calibrated;
        }
    }

    private record GeneratedMilestone(UUID milestoneId, int leadDays, LocalDate startBy, int actualDays,
                                      LocalDate reachedOn) {
    }

    private record GeneratedPlan(UUID planId, Portfolio portfolio, LocalDate approvedOn, LocalDate targetDate,
                                 List<GeneratedMilestone> milestones) {

        LocalDate closedOn() {
            return milestones.get(milestones.size() - 1).reachedOn();
        }

        /** The plan's events recorded up to and including {@code day}. */
        List<PlanEvent> eventsUpTo(LocalDate day) {
            List<PlanEvent> events = new ArrayList<>();
            events.add(new PlanCreated(planId, "Generated plan", portfolio.name(), CalendarKind.CALENDAR_DAYS,
                    List.of(), new Goal("Launch", null, "A problem", "A solution", null, null, null, targetDate)));
            UUID predecessor = null;
            for (GeneratedMilestone milestone : milestones) {
                events.add(new MilestoneAdded(planId, milestone.milestoneId(), "Milestone", null, null,
                        milestone.leadDays(), predecessor == null ? List.of() : List.of(predecessor), null, List.of(),
                        null));
                predecessor = milestone.milestoneId();
            }
            events.add(new PlanApproved(planId, null));
            milestones.stream().filter(milestone -> !milestone.reachedOn().isAfter(day)).forEach(milestone ->
                    events.add(new MilestoneReached(planId, milestone.milestoneId(), milestone.reachedOn(), null)));
            return events;
        }
    }

    private final int plans;
    private final long seed;
    private final Path reportPath;
    private final Path demoServerJar;

    /** @param demoServerJar the server jar to replay the example plans on, or null to leave them out */
    CalibrationReport(int plans, long seed, Path reportPath, Path demoServerJar) {
        this.plans = plans;
        this.seed = seed;
        this.reportPath = reportPath;
        this.demoServerJar = demoServerJar;
    }

    static CalibrationReport fromArguments(List<String> args) {
        int plans = 600;
        long seed = 1;
        Path report = Path.of("benchmarks", "target", "calibration-report.json");
        boolean demo = false;
        Path serverJar = Path.of("server", "target", "backcast.jar");
        for (String arg : args) {
            if (arg.startsWith("--plans=")) {
                plans = Integer.parseInt(arg.substring("--plans=".length()));
            } else if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(arg.substring("--seed=".length()));
            } else if (arg.startsWith("--report=")) {
                report = Path.of(arg.substring("--report=".length()));
            } else if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.startsWith("--server-jar=")) {
                serverJar = Path.of(arg.substring("--server-jar=".length()));
            } else {
                throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (plans < 2) {
            throw new IllegalArgumentException("--plans must be at least 2");
        }
        return new CalibrationReport(plans, seed, report, demo ? serverJar : null);
    }

    public static void main(List<String> args) throws Exception {
        CalibrationReport report;
        try {
            report = fromArguments(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        List<Tally> tallies = new ArrayList<>(report.measure());
        if (report.demoServerJar != null) {
            tallies.addAll(report.measureExamplePlans());
        }
        report.print(tallies);
    }

    /** Every portfolio's and moment's tally, then the whole organisation's, in that order. */
    List<Tally> measure() {
        List<GeneratedPlan> organisation = generate();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Portfolio portfolio : PORTFOLIOS) {
            for (String moment : List.of("approval", "half-way")) {
                tallies.put(portfolio.name() + " " + moment, new Tally(portfolio.name(), moment, 0, 0, 0, 0, 0, 0));
            }
        }
        for (GeneratedPlan plan : organisation) {
            int half = plan.milestones().size() / 2;
            tallies.merge(plan.portfolio().name() + " approval", forecast(plan, plan.approvedOn(), organisation),
                    Tally::plus);
            tallies.merge(plan.portfolio().name() + " half-way",
                    forecast(plan, plan.milestones().get(half - 1).reachedOn(), organisation), Tally::plus);
        }
        List<Tally> all = new ArrayList<>(tallies.values());
        all.add(all.stream().reduce(new Tally("all", "all", 0, 0, 0, 0, 0, 0), Tally::plus));
        return all;
    }

    private List<GeneratedPlan> generate() {
        SplittableRandom random = new SplittableRandom(seed);
        List<GeneratedPlan> organisation = new ArrayList<>();
        for (int i = 0; i < plans; i++) {
            Portfolio portfolio = PORTFOLIOS.get(i % PORTFOLIOS.size());
            LocalDate approvedOn = FIRST_APPROVAL.plusDays(random.nextInt(APPROVALS_SPREAD_DAYS));
            int count = 4 + random.nextInt(3);
            List<GeneratedMilestone> milestones = new ArrayList<>();
            LocalDate startBy = approvedOn;
            LocalDate previousReached = approvedOn;
            for (int k = 0; k < count; k++) {
                int lead = 5 + random.nextInt(36);
                int actual = (int) Math.ceil(lead * portfolio.drawRatio(random));
                LocalDate started = startBy.isAfter(previousReached) ? startBy : previousReached;
                LocalDate reached = started.plusDays(actual);
                milestones.add(new GeneratedMilestone(UUID.nameUUIDFromBytes(("m" + i + "." + k).getBytes()), lead,
                        startBy, actual, reached));
                startBy = startBy.plusDays(lead);
                previousReached = reached;
            }
            organisation.add(new GeneratedPlan(UUID.nameUUIDFromBytes(("p" + i).getBytes()), portfolio, approvedOn,
                    startBy, List.copyOf(milestones)));
        }
        return organisation;
    }

    /** One forecast of {@code plan} made on {@code day}, against what then happened. */
    private Tally forecast(GeneratedPlan plan, LocalDate day, List<GeneratedPlan> organisation) {
        String portfolio = plan.portfolio().name();
        PlanState state = PlanState.replay(plan.eventsUpTo(day));
        ReferenceRecord.ReferenceClass reference = recordOn(day, organisation).classFor(plan.planId(), portfolio);
        if (reference.size() < ReferenceRecord.MINIMUM_SIZE) {
            return new Tally(portfolio, null, 1, 0, 0, 0, 0, 0);
        }
        SimulatedForecast forecast = MonteCarloForecast.simulate(state, day, reference.ratios(), RUNS, seed);
        LocalDate plain = BackwardScheduler.schedule(state, day).forecastGoalDate();
        LocalDate actual = plan.closedOn();
        return new Tally(portfolio, null, 1, 1, atOrBefore(actual, forecast.goal().p50()),
                atOrBefore(actual, forecast.goal().p80()), atOrBefore(actual, forecast.goal().p95()),
                atOrBefore(actual, plain));
    }

    /**
     * The example plans replayed through the forecast API: for every achieved one, the forecast as of each of its
     * revisions from its approval to before its achievement, against the day it was achieved.
     */
    List<Tally> measureExamplePlans() throws Exception {
        List<Tally> tallies = new ArrayList<>();
        Benchmark.fromArguments("--server-jar=" + demoServerJar).withDemoServer(server -> {
            Tally atApproval = new Tally("demo", "approval", 0, 0, 0, 0, 0, 0);
            Tally later = new Tally("demo", "later", 0, 0, 0, 0, 0, 0);
            for (JsonNode plan : get(server, "/api/plans?status=ACHIEVED&size=200").get("items")) {
                String planId = plan.get("planId").asText();
                LocalDate achieved = LocalDate.parse(get(server, "/api/plans/" + planId).get("achievedOn").asText());
                boolean approved = false;
                for (JsonNode revision : get(server, "/api/plans/" + planId + "/revisions?order=oldest&limit="
                        + MAX_REVISIONS).get("items")) {
                    String type = revision.get("eventType").asText();
                    if (type.equals("GoalAchieved")) {
                        break;
                    }
                    boolean approval = type.equals("PlanApproved");
                    approved |= approval;
                    if (approved) {
                        JsonNode forecast = get(server, "/api/plans/" + planId + "/forecast?seed=" + seed + "&asOf="
                                + URLEncoder.encode(revision.get("recordedAt").asText(), StandardCharsets.UTF_8));
                        Tally one = tally(forecast, achieved);
                        if (approval) {
                            atApproval = atApproval.plus(one);
                        } else {
                            later = later.plus(one);
                        }
                    }
                }
            }
            tallies.add(atApproval);
            tallies.add(later);
        });
        return tallies;
    }

    /** One forecast as the API answered it, against the day the goal was achieved. */
    private static Tally tally(JsonNode forecast, LocalDate achieved) {
        LocalDate plain = LocalDate.parse(forecast.get("plainForecastGoalDate").asText());
        if (!forecast.get("calibrated").asBoolean()) {
            return new Tally("demo", null, 1, 0, 0, 0, 0, 0);
        }
        JsonNode goal = forecast.get("goal");
        return new Tally("demo", null, 1, 1, atOrBefore(achieved, LocalDate.parse(goal.get("p50").asText())),
                atOrBefore(achieved, LocalDate.parse(goal.get("p80").asText())),
                atOrBefore(achieved, LocalDate.parse(goal.get("p95").asText())), atOrBefore(achieved, plain));
    }

    private static JsonNode get(Benchmark.DemoServer server, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Authorization", "Bearer " + server.token()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static int atOrBefore(LocalDate actual, LocalDate forecast) {
        return actual.isAfter(forecast) ? 0 : 1;
    }

    /**
     * The reference milestones as they stood on {@code day}: reached by then, of plans closed by then or past their
     * target, each measured from its start-by day or its predecessor's reaching, whichever was later.
     */
    private static ReferenceRecord recordOn(LocalDate day, List<GeneratedPlan> organisation) {
        List<ReferenceRecord.Observation> observations = new ArrayList<>();
        for (GeneratedPlan plan : organisation) {
            if (plan.closedOn().isAfter(day) && !plan.targetDate().isBefore(day)) {
                continue;
            }
            for (GeneratedMilestone milestone : plan.milestones()) {
                if (!milestone.reachedOn().isAfter(day)) {
                    observations.add(new ReferenceRecord.Observation(plan.planId(), plan.portfolio().name(),
                            (double) milestone.actualDays() / milestone.leadDays(), milestone.reachedOn()));
                }
            }
        }
        return new ReferenceRecord(day, observations, Map.of());
    }

    private void print(List<Tally> tallies) throws IOException {
        System.out.printf("Calibration of forecasts on a generated organisation: %d plans, seed %d, %,d runs a "
                + "forecast%n", plans, seed, RUNS);
        for (Portfolio portfolio : PORTFOLIOS) {
            System.out.printf("  %s: duration ratio log-normal, median %.2f, sigma %.2f%n", portfolio.name(),
                    portfolio.medianRatio(), portfolio.sigma());
        }
        System.out.printf("%n%-10s %-9s %9s %10s %8s %8s %8s %8s%n", "portfolio", "made at", "forecasts",
                "calibrated", "<= P50", "<= P80", "<= P95", "<= plain");
        ObjectNode report = JSON.createObjectNode();
        report.put("plans", plans).put("seed", seed).put("runs", RUNS);
        ArrayNode distributions = report.putArray("portfolios");
        PORTFOLIOS.forEach(portfolio -> distributions.addObject().put("name", portfolio.name())
                .put("medianRatio", portfolio.medianRatio()).put("sigma", portfolio.sigma()));
        ArrayNode rows = report.putArray("tallies");
        for (Tally tally : tallies) {
            System.out.printf("%-10s %-9s %9d %10d %8s %8s %8s %8s%n", tally.portfolio(), tally.moment(),
                    tally.forecasts(), tally.calibrated(), percent(tally.share(tally.atOrBeforeP50())),
                    percent(tally.share(tally.atOrBeforeP80())), percent(tally.share(tally.atOrBeforeP95())),
                    percent(tally.share(tally.atOrBeforePlain())));
            ObjectNode row = rows.addObject().put("portfolio", tally.portfolio()).put("madeAt", tally.moment())
                    .put("forecasts", tally.forecasts()).put("calibrated", tally.calibrated());
            if (tally.calibrated() > 0) {
                row.put("atOrBeforeP50", tally.share(tally.atOrBeforeP50()))
                        .put("atOrBeforeP80", tally.share(tally.atOrBeforeP80()))
                        .put("atOrBeforeP95", tally.share(tally.atOrBeforeP95()))
                        .put("atOrBeforePlainForecast", tally.share(tally.atOrBeforePlain()));
            }
        }
        System.out.println("\nA calibrated P80 is met by about 80 % of the calibrated forecasts; \"calibrated\" counts "
                + "the forecasts that had at least " + ReferenceRecord.MINIMUM_SIZE + " reference milestones, and the "
                + "shares are of those.");
        Files.createDirectories(reportPath.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(reportPath.toFile(), report);
        System.out.println("Report written to " + reportPath);
    }

    /** A share as a percentage, or a dash when there was nothing to share out. */
    private static String percent(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** A standard normal draw (Box–Muller), from the generator's own random source so a seed fixes it. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
