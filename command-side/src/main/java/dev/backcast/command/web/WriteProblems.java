package dev.backcast.command.web;

import dev.backcast.command.plan.PlanRejection;
import dev.backcast.command.plan.RefinementRejected;
import dev.backcast.command.web.idempotency.IdempotencyKeyReused;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.Locale;

/** Turns every refusal of the write side into an RFC 9457 problem that says what to fix. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WriteProblems {

    @ExceptionHandler(PlanRejection.class)
    public ResponseEntity<ProblemDetail> rejected(PlanRejection rejection) {
        ProblemDetail problem = problem(status(rejection.kind(), false), rejection.kind(), rejection.getMessage());
        if (rejection.field() != null) {
            problem.setProperty("field", rejection.field());
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(RefinementRejected.class)
    public ResponseEntity<ProblemDetail> refinementRejected(RefinementRejected rejected) {
        PlanRejection rejection = rejected.rejection();
        ProblemDetail problem = problem(status(rejection.kind(), true), rejection.kind(), rejected.getMessage());
        problem.setProperty("changeIndex", rejected.changeIndex());
        problem.setProperty("op", rejected.op());
        problem.setProperty("field", "changes[" + rejected.changeIndex() + "]"
                + (rejection.field() == null ? "" : "." + rejection.field()));
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(InvalidRequest.class)
    public ResponseEntity<ProblemDetail> invalidRequest(InvalidRequest invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, PlanRejection.Kind.INVALID_INPUT, invalid.getMessage());
        if (invalid.field() != null) {
            problem.setProperty("field", invalid.field());
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ResponseEntity<ProblemDetail> staleRevision(ConflictingAggregateVersionException stale) {
        long current = stale.getActualVersion() + 1;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "The plan is at revision " + current + " but the change was based on revision "
                        + (stale.getExpectedVersion() + 1) + "; read the plan again and reapply the change on top of it");
        problem.setType(type("stale-revision"));
        problem.setTitle("The plan changed in the meantime");
        problem.setProperty("currentRevision", current);
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(PlanWrites.etag(current)).body(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> unknownPlan(AggregateNotFoundException notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no plan with id " + notFound.getAggregateIdentifier());
        problem.setType(type("unknown-plan"));
        problem.setTitle("Unknown plan");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    public ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused reused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, reused.getMessage());
        problem.setType(type("idempotency-key-reused"));
        problem.setTitle("Idempotency key reused for another request");
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> contended(ConcurrencyException contended) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The plan is being changed by many writers at once and this change could not be appended; "
                        + "nothing was recorded, send it again");
        problem.setType(type("contended-plan"));
        problem.setTitle("Plan busy");
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    private static HttpStatus status(PlanRejection.Kind kind, boolean inRefinement) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case UNKNOWN_TARGET -> inRefinement ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.NOT_FOUND;
            case UNKNOWN_REFERENCE, RULE_VIOLATED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case WRONG_STATUS -> HttpStatus.CONFLICT;
        };
    }

    private static ProblemDetail problem(HttpStatus status, PlanRejection.Kind kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(switch (kind) {
            case INVALID_INPUT -> "Invalid input";
            case UNKNOWN_TARGET -> "Unknown plan element";
            case UNKNOWN_REFERENCE -> "Reference to an unknown plan element";
            case RULE_VIOLATED -> "The change breaks a rule of the plan";
            case WRONG_STATUS -> "The plan's status does not allow this";
        });
        return problem;
    }

    public static URI type(String slug) {
        return URI.create("urn:backcast:problem:" + slug);
    }
}
