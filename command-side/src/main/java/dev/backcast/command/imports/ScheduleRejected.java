package dev.backcast.command.imports;

import org.springframework.http.HttpStatus;

/** A file that cannot become a plan, with the status and a message the person who uploaded it can act on. */
public class ScheduleRejected extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;

    ScheduleRejected(HttpStatus status, String type, String title, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    ScheduleRejected(HttpStatus status, String type, String title, String message, Throwable cause) {
        this(status, type, title, message);
        initCause(cause);
    }

    static ScheduleRejected unreadable(String message, Throwable cause) {
        return new ScheduleRejected(HttpStatus.UNPROCESSABLE_ENTITY, "unreadable-schedule",
                "The file cannot be read as a schedule", message, cause);
    }

    static ScheduleRejected unrepresentable(String message) {
        return new ScheduleRejected(HttpStatus.UNPROCESSABLE_ENTITY, "unimportable-schedule",
                "The schedule cannot become a plan", message);
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }
}
