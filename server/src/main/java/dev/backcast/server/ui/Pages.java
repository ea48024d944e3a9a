package dev.backcast.server.ui;

import dev.backcast.query.web.BadQuery;
import dev.backcast.query.web.ProjectionBehind;
import dev.backcast.query.web.UnknownPlan;
import dev.backcast.server.security.Roles;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every page knows about the person reading it, and how a page says that what was asked for does not exist:
 * in the page's own layout rather than as a problem document meant for scripts.
 */
@ControllerAdvice(basePackageClasses = Pages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Pages {

    @ModelAttribute("user")
    public String user(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    /** Write controls are drawn only for those who may use them; the API refuses the rest anyway. */
    @ModelAttribute("canPlan")
    public boolean canPlan(Authentication authentication) {
        return hasRole(authentication, Roles.PLANNER);
    }

    @ModelAttribute("isAdmin")
    public boolean isAdmin(Authentication authentication) {
        return hasRole(authentication, Roles.ADMIN);
    }

    @ExceptionHandler(UnknownPlan.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String unknownPlan(UnknownPlan unknown, Model model) {
        return failure(model, "Not found", unknown.getMessage());
    }

    @ExceptionHandler(BadQuery.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String badQuery(BadQuery bad, Model model) {
        return failure(model, "That cannot be shown", bad.getMessage());
    }

    @ExceptionHandler(ProjectionBehind.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    public String behind(ProjectionBehind behind, Model model) {
        return failure(model, "Not ready yet", behind.getMessage());
    }

    private static String failure(Model model, String title, String detail) {
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "failure";
    }

    private static boolean hasRole(Authentication authentication, String role) {
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role)::equals);
    }
}
