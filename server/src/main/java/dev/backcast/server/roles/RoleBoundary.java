package dev.backcast.server.roles;

import dev.backcast.server.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Turns away what the process's role does not do: changes to plans on a query process, and the projections'
 * administration (rebuild, dead letters) on a command process, with a problem that says where to send them.
 */
class RoleBoundary extends OncePerRequestFilter {

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    private final ProcessRole role;
    private final ProblemResponses problems;

    RoleBoundary(ProcessRole role, ProblemResponses problems) {
        this.role = role;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean changing = !READING.contains(request.getMethod());
        boolean projectionAdministration = path.startsWith("/api/admin/projections");
        boolean ownBusiness = path.startsWith("/api/tokens") || path.startsWith("/api/audit");
        if (changing && !role.recordsDecisions() && !projectionAdministration && !ownBusiness) {
            problems.notThisRole(request, response, "This server runs the query role and records no decisions; "
                    + "send changes to a server with the role command or both");
            return;
        }
        if (changing && !role.runsProjections() && projectionAdministration) {
            problems.notThisRole(request, response, "This server runs the command role and runs no projection; "
                    + "send projection administration to a server with the role query or both");
            return;
        }
        chain.doFilter(request, response);
    }
}
