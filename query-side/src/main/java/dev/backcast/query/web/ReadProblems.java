package dev.backcast.query.web;

import dev.backcast.query.audit.UntrustworthySeal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Every refusal of the read side as an RFC 9457 problem. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReadProblems {

    @ExceptionHandler(BadQuery.class)
    public ResponseEntity<ProblemDetail> badQuery(BadQuery bad) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid query", bad.getMessage());
        problem.setProperty("field", bad.parameter());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UnknownPlan.class)
    public ResponseEntity<ProblemDetail> unknownPlan(UnknownPlan unknown) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "unknown-plan", "Unknown plan", unknown.getMessage()));
    }

    @ExceptionHandler(ProjectionBehind.class)
    public ResponseEntity<ProblemDetail> behind(ProjectionBehind behind) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "projection-behind", "Not caught up yet",
                        behind.getMessage()));
    }

    @ExceptionHandler(UntrustworthySeal.class)
    public ResponseEntity<ProblemDetail> untrustworthySeal(UntrustworthySeal seal) {
        return ResponseEntity.unprocessableEntity().body(problem(HttpStatus.UNPROCESSABLE_ENTITY, "untrustworthy-seal",
                "Seal rejected", "This seal proves nothing: " + seal.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:backcast:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}
