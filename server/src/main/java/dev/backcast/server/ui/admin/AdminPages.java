package dev.backcast.server.ui.admin;

import dev.backcast.query.admin.ProjectionsController;
import dev.backcast.query.forecasts.ForecastRefresh;
import dev.backcast.query.plans.DailyFigures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Projection status for administrators, refreshed while a rebuild runs, and the last refreshes of plan figures and
 * calibrated forecasts.
 */
@Controller
@RequestMapping("/admin")
public class AdminPages {

    private final ProjectionsController projections;
    private final DailyFigures dailyFigures;
    private final ForecastRefresh forecastRefresh;

    public AdminPages(ProjectionsController projections, DailyFigures dailyFigures, ForecastRefresh forecastRefresh) {
        this.projections = projections;
        this.dailyFigures = dailyFigures;
        this.forecastRefresh = forecastRefresh;
    }

    @GetMapping
    public String admin(Model model) {
        model.addAttribute("projections", projections.projections());
        model.addAttribute("dailyFigures", dailyFigures.last());
        model.addAttribute("forecastRefresh", forecastRefresh.last());
        return "admin";
    }

    @GetMapping("/projections")
    public String status(Model model) {
        model.addAttribute("projections", projections.projections());
        return "admin-status :: projections";
    }
}
