package dev.backcast.server.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.backcast.command.web.ChangeRequests;
import dev.backcast.command.web.InvalidRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Problems for what goes wrong before a request reaches a command or a query: malformed JSON, bad parameters. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);
    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;

    public ApiProblems(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException exception,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RequestSizeLimit.importTooLargeProblem());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RequestSizeLimit.tooLargeProblem());
            }
        }
        ProblemDetail problem;
        if (exception.getCause() instanceof JsonParseException parse) {
            problem = invalid("The request body is not valid JSON: " + parse.getOriginalMessage()
                    + " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")", null);
        } else if (exception.getCause() instanceof JsonProcessingException mapping) {
            InvalidRequest invalid = ChangeRequests.invalid(mapping, "");
            problem = invalid(invalid.getMessage(), invalid.field());
        } else {
            problem = invalid("The request needs a JSON body", null);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException mismatch) {
        String expected = mismatch.getRequiredType() == null ? "another value"
                : ChangeRequests.expected(mismatch.getRequiredType());
        return ResponseEntity.badRequest().body(invalid("'" + mismatch.getValue() + "' is not a valid "
                + mismatch.getName() + ": expected " + expected, mismatch.getName()));
    }

    /** A schedule upload that is not multipart, or whose multipart body cannot be parsed. */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<ProblemDetail> badUpload(MultipartException broken, HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the schedule as multipart/form-data, the file in a part named `file`");
            problem.setType(URI.create("urn:backcast:problem:unsupported-media-type"));
            problem.setTitle("Unsupported media type");
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
        }
        return ResponseEntity.badRequest().body(invalid("The multipart/form-data body cannot be read; send the "
                + "schedule in a part named `file`", "file"));
    }

    /** The last resort: log the cause for operators, tell the caller nothing internal. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        if (databaseUnavailable(exception)) {
            LOG.warn("The database is unavailable: {}", exception.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database cannot be reached at the moment; nothing was recorded. Send the request again "
                            + "shortly (with the same Idempotency-Key, if you used one)");
            problem.setType(URI.create("urn:backcast:problem:database-unavailable"));
            problem.setTitle("Database unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(problem);
        }
        LOG.error("Unexpected failure while handling a request", exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on the server; nothing about it is the request's fault. It has been logged.");
        problem.setType(URI.create("urn:backcast:problem:internal-error"));
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * A connection that failed or could not be had: SQLSTATE class 08, an administrator shutdown, a timeout, or a
     * failure without any SQLSTATE (a pooled connection closed under the request when the database went away) while
     * the database does not answer.
     */
    private boolean databaseUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() == null) {
                return !databaseAnswers();
            }
        }
        return false;
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException unreachable) {
            return false;
        }
    }

    private static ProblemDetail invalid(String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("urn:backcast:problem:invalid-input"));
        problem.setTitle("Invalid input");
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
