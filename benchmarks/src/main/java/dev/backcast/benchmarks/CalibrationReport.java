package dev.backcast.benchmarks;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
              --plans=N        plans in the generated organisation (default 600)
              --seed=N         the seed of the organisation and of every simulation (default 1)
              --report=PATH    where to write the JSON report (default benchmarks/target/calibration-report.json)""";

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

    CalibrationReport(int plans, long seed, Path reportPath) {
        this.plans = plans;
        this.seed = seed;
        this.reportPath = reportPath;
    }

    static CalibrationReport fromArguments(List<String> args) {
        int plans = 600;
        long seed = 1;
        Path report = Path.of("benchmarks", "target", "calibration-report.json");
        for (String arg : args) {
            if (arg.startsWith("--plans=")) {
                plans = Integer.parseInt(arg.substring("--plans=".length()));
            } else if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(arg.substring("--seed=".length()));
            } else if (arg.startsWith("--report=")) {
                report = Path.of(arg.substring("--report=".length()));
            } else {
                throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (plans < 2) {
            throw new IllegalArgumentException("--plans must be at least 2");
        }
        return new CalibrationReport(plans, seed, report);
    }

    public static void main(List<String> args) throws IOException {
        CalibrationReport report;
        try {
            report = fromArguments(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        report.print(report.measure());
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
        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        report.put("plans", plans).put("seed", seed).put("runs", RUNS);
        ArrayNode distributions = report.putArray("portfolios");
        PORTFOLIOS.forEach(portfolio -> distributions.addObject().put("name", portfolio.name())
                .put("medianRatio", portfolio.medianRatio()).put("sigma", portfolio.sigma()));
        ArrayNode rows = report.putArray("tallies");
        for (Tally tally : tallies) {
            System.out.printf("%-10s %-9s %9d %10d %7.1f%% %7.1f%% %7.1f%% %7.1f%%%n", tally.portfolio(),
                    tally.moment(), tally.forecasts(), tally.calibrated(), 100 * tally.share(tally.atOrBeforeP50()),
                    100 * tally.share(tally.atOrBeforeP80()), 100 * tally.share(tally.atOrBeforeP95()),
                    100 * tally.share(tally.atOrBeforePlain()));
            rows.addObject().put("portfolio", tally.portfolio()).put("madeAt", tally.moment())
                    .put("forecasts", tally.forecasts()).put("calibrated", tally.calibrated())
                    .put("atOrBeforeP50", tally.share(tally.atOrBeforeP50()))
                    .put("atOrBeforeP80", tally.share(tally.atOrBeforeP80()))
                    .put("atOrBeforeP95", tally.share(tally.atOrBeforeP95()))
                    .put("atOrBeforePlainForecast", tally.share(tally.atOrBeforePlain()));
        }
        System.out.println("\nA calibrated P80 is met by about 80 % of the calibrated forecasts; \"calibrated\" counts "
                + "the forecasts that had at least " + ReferenceRecord.MINIMUM_SIZE + " reference milestones.");
        Files.createDirectories(reportPath.toAbsolutePath().getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(reportPath.toFile(), report);
        System.out.println("Report written to " + reportPath);
    }

    /** A standard normal draw (Box–Muller), from the generator's own random source so a seed fixes it. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
