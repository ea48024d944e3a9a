package dev.backcast.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;

/** Missing credentials and missing rights answer with problems like every other error of the API. */
@Component
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Backcast\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first",
                    "This needs a signed-in user: send HTTP Basic credentials or an API token "
                            + "(Authorization: Bearer), or sign in at /login");
        };
    }

    public AccessDeniedHandler forbidden() {
        return (request, response, exception) -> {
            if (exception instanceof CsrfException) {
                write(request, response, HttpStatus.FORBIDDEN, "csrf", "Missing or stale CSRF token",
                        "A change made from a signed-in browser session must carry the value of the XSRF-TOKEN "
                                + "cookie in the X-XSRF-TOKEN header (or the _csrf form field)");
                return;
            }
            write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role does not allow "
                    + request.getMethod() + " " + request.getRequestURI() + "; reading needs VIEWER, changing plans "
                    + "needs PLANNER, audit needs AUDITOR or ADMIN, administration needs ADMIN");
        };
    }

    /** An address the firewall refuses: encoded slashes, semicolons, "..", characters that are not allowed. */
    public void rejected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, "invalid-request", "Address not accepted",
                "The request's address contains something that is not allowed (an encoded slash or percent sign, a "
                        + "semicolon, a '..' segment or a control character); ids are UUIDs");
    }

    /** A what-if branch asked for under a plan it was not drawn from, or that does not exist. */
    public void unknownBranch(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        write(request, response, HttpStatus.NOT_FOUND, "unknown-plan", "Unknown plan", detail);
    }

    /** A request this process's role does not take (405), with where to send it instead. */
    public void notThisRole(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "not-this-role", "Not on this server", detail);
    }

    /** A read-only API token used to change something. */
    public void readOnlyToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "read-only-token", "The token may only read",
                "This API token has scope \"read\": it may GET and HEAD, not " + request.getMethod()
                        + ". Create a token with scope \"all\" to make changes");
    }

    /** A token in a calendar link that is unknown, revoked or not limited to reading. */
    public void calendarTokenRefused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "calendar-token", "Calendar link not accepted",
                "A calendar link carries a valid API token with scope \"read\" as ?token=; create one with "
                        + "POST /api/tokens {\"name\": \"calendar\", \"scope\": \"read\"}");
    }

    /** Too many failed sign-ins of one user from one client: try again after {@code seconds}. */
    public void tooManySignIns(HttpServletRequest request, HttpServletResponse response, long seconds)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins", "Too many failed sign-ins",
                "Too many failed sign-ins for this user from this client; try again in " + seconds + " s");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                       String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:backcast:problem:" + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
