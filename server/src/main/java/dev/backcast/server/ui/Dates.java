package dev.backcast.server.ui;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One way to write a recorded moment on every page: ISO date and time in UTC, like the plan dates beside it, so a
 * reader never has to guess which locale or zone a date is in.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String recorded(Instant instant) {
        return instant == null ? "" : RECORDED.format(instant);
    }
}
