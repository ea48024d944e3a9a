package dev.backcast.server.branches;

import dev.backcast.query.web.UnknownPlan;
import dev.backcast.server.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves every read and write of a plan on its what-if branches: {@code /api/plans/{id}/branches/{branchId}/…} is
 * {@code /api/plans/{branchId}/…}, answered by the same handlers over the same fold, once it is certain the branch
 * was drawn from that plan. What only a branch has (its comparison, merge and discarding) stays here.
 */
class BranchPaths extends OncePerRequestFilter {

    private static final Pattern BRANCH_PATH = Pattern.compile(
            "^/api/plans/([0-9a-fA-F-]{36})/branches/([0-9a-fA-F-]{36})(/.*)?$");
    private static final Set<String> OWN = Set.of("/compare", "/merge");

    private final Branches branches;
    private final ProblemResponses problems;

    BranchPaths(Branches branches, ProblemResponses problems) {
        this.branches = branches;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher branchPath = BRANCH_PATH.matcher(path);
        if (!branchPath.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String rest = branchPath.group(3) == null ? "" : branchPath.group(3);
        if (OWN.contains(rest) || rest.isEmpty() && "DELETE".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        UUID planId;
        UUID branchId;
        try {
            planId = UUID.fromString(branchPath.group(1));
            branchId = UUID.fromString(branchPath.group(2));
            branches.requireBranchOf(planId, branchId);
        } catch (IllegalArgumentException | UnknownPlan unknown) {
            problems.unknownBranch(request, response, unknown instanceof UnknownPlan ? unknown.getMessage()
                    : "Plan and branch ids are UUIDs");
            return;
        }
        request.getRequestDispatcher("/api/plans/" + branchId + rest).forward(request, response);
    }
}
