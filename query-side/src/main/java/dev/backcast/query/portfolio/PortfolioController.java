package dev.backcast.query.portfolio;

import dev.backcast.plan.PlanStatus;
import dev.backcast.query.plans.PlanReader;
import dev.backcast.query.web.BadQuery;
import dev.backcast.query.web.Csv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

/**
 * The PMO roll-up across the plans of a portfolio, or of all portfolios: figures computed by PostgreSQL over the
 * facts the projection keeps, and a paged table of the plans; as CSV every plan, streamed from a cursor.
 */
@RestController
@Tag(name = "Planned vs actual")
public class PortfolioController {

    private static final int MOST_SLIPPED = 5;
    private static final int LISTED = 10;
    private static final int MAX_PAGE_SIZE = 200;

    private final PortfolioQueries queries;
    private final PlanReader reader;
    private final TransactionTemplate readOnly;

    PortfolioController(PortfolioQueries queries, PlanReader reader, PlatformTransactionManager transactions) {
        this.queries = queries;
        this.reader = reader;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    @GetMapping(value = "/api/portfolio", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Portfolio roll-up", description = "Counts by status, plans at risk (how many, and the "
            + "ten latest), plans likely to miss their target by their calibrated forecast (how many, and the ten "
            + "likeliest), on-time rate, slip statistics, due-date moves by reason, plans whose target "
            + "date moved (how many, and the ten most moved), the five plans with most slip, and "
            + "a page of the plan table (`sort` by title, status, targetDate, forecastGoalDate, lateByDays or "
            + "goalSlipDays, ',desc' to reverse; `page`, `size`). Accept: text/csv gives every plan, one row each.")
    @Transactional(readOnly = true)
    public PortfolioRollUp portfolio(@RequestParam(required = false) String portfolio,
                                     @RequestParam(required = false) LocalDate from,
                                     @RequestParam(required = false) LocalDate to,
                                     @RequestParam(defaultValue = "title") String sort,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        PortfolioQueries.Scope scope = scope(portfolio, from, to);
        if (page < 0) {
            throw new BadQuery("page", "page counts from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadQuery("size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        Map<PlanStatus, Long> byStatus = queries.countsByStatus(scope);
        int plans = (int) byStatus.values().stream().mapToLong(Long::longValue).sum();
        PortfolioQueries.MilestoneFigures milestones = queries.milestones(scope);
        PortfolioQueries.Listed<PortfolioRollUp.PlanAtRisk> atRisk = queries.atRisk(scope, LISTED);
        PortfolioQueries.Forecasts forecasts = queries.likelyToMiss(scope, LISTED);
        PortfolioQueries.Listed<PortfolioRollUp.TargetDateMoves> targetDateMoves = queries.targetDateMoves(scope, LISTED);
        return new PortfolioRollUp(portfolio, from, to, plans, byStatus, atRisk.total(),
                atRisk.first(), forecasts.calibrated(), forecasts.likelyToMiss().total(),
                forecasts.likelyToMiss().first(),
                milestones.reached(), milestones.onTime(),
                milestones.reached() == 0 ? null : (double) milestones.onTime() / milestones.reached(),
                milestones.slip(), queries.dueDateMovesByReason(scope), targetDateMoves.total(), targetDateMoves.first(),
                queries.mostSlipped(scope, MOST_SLIPPED), queries.rows(scope, sort, page, size), page, size);
    }

    @GetMapping(value = "/api/portfolio", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> portfolioCsv(@RequestParam(required = false) String portfolio,
                                                              @RequestParam(required = false) LocalDate from,
                                                              @RequestParam(required = false) LocalDate to) {
        PortfolioQueries.Scope scope = scope(portfolio, from, to);
        StreamingResponseBody body = output -> {
            Writer csv = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            csv.write(Csv.row("planId", "title", "portfolio", "status", "targetDate", "forecastGoalDate",
                    "lateByDays", "goalSlipDays", "milestonesReached", "milestonesReachedOnTime", "dueDateMoves",
                    "targetDateMoves"));
            readOnly.executeWithoutResult(transaction -> queries.eachRow(scope, resultSet -> {
                PortfolioRollUp.PlanRow row = PortfolioQueries.row(resultSet);
                try {
                    csv.write(Csv.row(row.planId(), row.title(), row.portfolio(), row.status(), row.targetDate(),
                            row.forecastGoalDate(), row.lateByDays(), row.goalSlipDays(), row.milestonesReached(),
                            row.milestonesReachedOnTime(), row.dueDateMoves(), row.targetDateMoves()));
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            csv.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(body);
    }

    private PortfolioQueries.Scope scope(String portfolio, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadQuery("from", "from " + from + " is after to " + to);
        }
        reader.requireNoRebuild();
        return new PortfolioQueries.Scope(portfolio, from, to);
    }
}
