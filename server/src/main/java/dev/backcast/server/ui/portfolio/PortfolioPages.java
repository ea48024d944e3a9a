package dev.backcast.server.ui.portfolio;

import dev.backcast.query.portfolio.PortfolioController;
import dev.backcast.query.portfolio.PortfolioRollUp;
import dev.backcast.server.ui.Downloads;
import dev.backcast.server.ui.Filters;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.LocalDate;

/** The PMO's roll-up across plans, with its CSV. */
@Controller
@RequestMapping("/portfolio")
public class PortfolioPages {

    private static final int TABLE_SIZE = 50;

    private final PortfolioController portfolios;

    public PortfolioPages(PortfolioController portfolios) {
        this.portfolios = portfolios;
    }

    @GetMapping
    public String portfolio(@RequestParam(required = false) String portfolio,
                            @RequestParam(required = false) LocalDate from,
                            @RequestParam(required = false) LocalDate to,
                            @RequestParam(defaultValue = "title") String sort,
                            @RequestParam(defaultValue = "0") int page,
                            Model model) {
        String filter = Filters.optional(portfolio);
        PortfolioRollUp rollUp = portfolios.portfolio(filter, from, to, sort, page, TABLE_SIZE);
        model.addAttribute("rollUp", rollUp);
        model.addAttribute("sort", sort);
        model.addAttribute("lastPage", Math.max(0, (rollUp.plans() - 1) / TABLE_SIZE));
        model.addAttribute("portfolio", filter);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "portfolio";
    }

    @GetMapping("/export.csv")
    public ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String portfolio,
                                      @RequestParam(required = false) LocalDate from,
                                      @RequestParam(required = false) LocalDate to) {
        String filter = Filters.optional(portfolio);
        return Downloads.attachment(portfolios.portfolioCsv(filter, from, to), "portfolio.csv");
    }
}
