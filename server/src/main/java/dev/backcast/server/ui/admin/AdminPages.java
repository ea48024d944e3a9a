package dev.backcast.server.ui.admin;

import dev.backcast.query.admin.ProjectionsController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Projection status for administrators, refreshed while a rebuild runs. */
@Controller
@RequestMapping("/admin")
public class AdminPages {

    private final ProjectionsController projections;

    public AdminPages(ProjectionsController projections) {
        this.projections = projections;
    }

    @GetMapping
    public String admin(Model model) {
        model.addAttribute("projections", projections.projections());
        return "admin";
    }

    @GetMapping("/projections")
    public String status(Model model) {
        model.addAttribute("projections", projections.projections());
        return "admin-status :: projections";
    }
}
