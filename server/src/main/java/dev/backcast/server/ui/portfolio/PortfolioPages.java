package dev.backcast.server.ui.portfolio;

import dev.backcast.query.portfolio.PortfolioController;
import dev.backcast.server.ui.Downloads;
import dev.backcast.server.ui.Filters;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;

/** The PMO's roll-up across plans, with its CSV. */
@Controller
@RequestMapping("/portfolio")
public class PortfolioPages {

    private final PortfolioController portfolios;

    public PortfolioPages(PortfolioController portfolios) {
        this.portfolios = portfolios;
    }

    @GetMapping
    public String portfolio(@RequestParam(required = false) String portfolio,
                            @RequestParam(required = false) LocalDate from,
                            @RequestParam(required = false) LocalDate to,
                            Model model) {
        String filter = Filters.optional(portfolio);
        model.addAttribute("rollUp", portfolios.portfolio(filter, from, to));
        model.addAttribute("portfolio", filter);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "portfolio";
    }

    @GetMapping("/export.csv")
    public ResponseEntity<String> csv(@RequestParam(required = false) String portfolio,
                                      @RequestParam(required = false) LocalDate from,
                                      @RequestParam(required = false) LocalDate to) {
        String filter = Filters.optional(portfolio);
        return Downloads.attachment(portfolios.portfolioCsv(filter, from, to), "portfolio.csv");
    }
}
