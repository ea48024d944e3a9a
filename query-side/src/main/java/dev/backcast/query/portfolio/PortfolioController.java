package dev.backcast.query.portfolio;

import dev.backcast.plan.PlanStatus;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.query.plans.PlanView;
import dev.backcast.query.plans.PlanViewRepository;
import dev.backcast.query.retrospective.Retrospective;
import dev.backcast.query.timeline.PlanTimeline;
import dev.backcast.query.timeline.Timelines;
import dev.backcast.query.web.BadQuery;
import dev.backcast.query.web.Csv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The PMO roll-up across the plans of a portfolio, or of all portfolios. */
@RestController
@Tag(name = "Planned vs actual")
public class PortfolioController {

    private static final int MOST_SLIPPED = 5;

    private final PlanViewRepository views;
    private final Timelines timelines;
    private final Clock clock;

    public PortfolioController(PlanViewRepository views, Timelines timelines, Clock clock) {
        this.views = views;
        this.timelines = timelines;
        this.clock = clock;
    }

    @GetMapping(value = "/api/portfolio", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Portfolio roll-up", description = "Counts by status, plans at risk, on-time rate, slip "
            + "statistics, due-date moves by reason, target-date moves per plan and the five plans with most slip. "
            + "Accept: text/csv gives one row per plan.")
    @Transactional(readOnly = true)
    public PortfolioRollUp portfolio(@RequestParam(required = false) String portfolio,
                                     @RequestParam(required = false) LocalDate from,
                                     @RequestParam(required = false) LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadQuery("from", "from " + from + " is after to " + to);
        }
        List<PlanView> plans = views.findMatching(portfolio, null).stream()
                .sorted(Comparator.comparing(PlanView::planId)).toList();
        Map<PlanStatus, Long> counts = new EnumMap<>(PlanStatus.class);
        for (PlanStatus status : PlanStatus.values()) {
            counts.put(status, 0L);
        }
        List<PortfolioRollUp.PlanAtRisk> atRisk = new ArrayList<>();
        List<Integer> slips = new ArrayList<>();
        Map<ReasonCategory, Retrospective.Moves> moves = new EnumMap<>(ReasonCategory.class);
        List<PortfolioRollUp.TargetDateMoves> targetMoves = new ArrayList<>();
        List<PortfolioRollUp.PlanSlip> goalSlips = new ArrayList<>();
        List<PortfolioRollUp.PlanRow> rows = new ArrayList<>();
        long reached = 0;
        long onTime = 0;
        for (PlanView view : plans) {
            PlanTimeline timeline = timelines.of(view.planId(), null);
            PlanStatus status = PlanStatus.valueOf(view.status());
            String title = view.title();
            counts.merge(status, 1L, Long::sum);
            int lateBy = status.closed() ? 0 : timeline.goal().lateByDays();
            if (lateBy > 0) {
                atRisk.add(new PortfolioRollUp.PlanAtRisk(view.planId(), title, lateBy));
            }
            long planReached = 0;
            long planOnTime = 0;
            long planMoves = 0;
            for (PlanTimeline.MilestoneLine line : timeline.milestones()) {
                boolean inApproved = line.baselineDue().containsKey("approved");
                if (inApproved && line.reachedOn() != null && within(line.reachedOn(), from, to)) {
                    planReached++;
                    if (line.slipAgainstApproved() <= 0) {
                        planOnTime++;
                    }
                }
                LocalDate outcome = line.reachedOn() != null ? line.reachedOn() : line.forecast();
                if (inApproved && !line.removed() && line.slipAgainstApproved() != null && within(outcome, from, to)) {
                    slips.add(line.slipAgainstApproved());
                }
                for (PlanTimeline.Move move : line.moves()) {
                    if (within(LocalDate.ofInstant(move.recordedAt(), clock.getZone()), from, to)) {
                        planMoves++;
                        Retrospective.Moves.count(moves, move);
                    }
                }
            }
            List<PlanTimeline.Move> planTargetMoves = timeline.goal().moves().stream()
                    .filter(move -> within(LocalDate.ofInstant(move.recordedAt(), clock.getZone()), from, to)).toList();
            if (!planTargetMoves.isEmpty()) {
                targetMoves.add(new PortfolioRollUp.TargetDateMoves(view.planId(), title, planTargetMoves.size(),
                        planTargetMoves.stream().mapToLong(PlanTimeline.Move::days).sum()));
            }
            if (timeline.goal().slipAgainstFirstPlan() != null) {
                goalSlips.add(new PortfolioRollUp.PlanSlip(view.planId(), title, timeline.goal().slipAgainstFirstPlan()));
            }
            reached += planReached;
            onTime += planOnTime;
            rows.add(new PortfolioRollUp.PlanRow(view.planId(), title, view.portfolioName(), status,
                    timeline.goal().targetDate(), timeline.goal().forecastGoalDate(), lateBy,
                    timeline.goal().slipAgainstFirstPlan(), planReached, planOnTime, planMoves,
                    planTargetMoves.size()));
        }
        goalSlips.sort(Comparator.comparingInt(PortfolioRollUp.PlanSlip::slipDays).reversed()
                .thenComparing(PortfolioRollUp.PlanSlip::title));
        return new PortfolioRollUp(portfolio, from, to, plans.size(), counts, atRisk, reached, onTime,
                reached == 0 ? null : (double) onTime / reached, slip(slips), moves, targetMoves,
                goalSlips.stream().limit(MOST_SLIPPED).toList(), rows);
    }

    @GetMapping(value = "/api/portfolio", produces = "text/csv")
    @Transactional(readOnly = true)
    public ResponseEntity<String> portfolioCsv(@RequestParam(required = false) String portfolio,
                                               @RequestParam(required = false) LocalDate from,
                                               @RequestParam(required = false) LocalDate to) {
        StringBuilder csv = new StringBuilder(Csv.row("planId", "title", "portfolio", "status", "targetDate",
                "forecastGoalDate", "lateByDays", "goalSlipDays", "milestonesReached", "milestonesReachedOnTime",
                "dueDateMoves", "targetDateMoves"));
        for (PortfolioRollUp.PlanRow row : portfolio(portfolio, from, to).rows()) {
            csv.append(Csv.row(row.planId(), row.title(), row.portfolio(), row.status(), row.targetDate(),
                    row.forecastGoalDate(), row.lateByDays(), row.goalSlipDays(), row.milestonesReached(),
                    row.milestonesReachedOnTime(), row.dueDateMoves(), row.targetDateMoves()));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(csv.toString());
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    static PortfolioRollUp.Slip slip(List<Integer> slips) {
        if (slips.isEmpty()) {
            return new PortfolioRollUp.Slip(0, null, null, null);
        }
        List<Integer> sorted = slips.stream().sorted().toList();
        int n = sorted.size();
        double mean = sorted.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        int p90 = sorted.get((int) Math.ceil(0.9 * n) - 1);
        return new PortfolioRollUp.Slip(n, Math.round(mean * 100) / 100.0, median, p90);
    }
}
