package dev.backcast.server.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one written form each value takes in a request, body or query: what the API documents and nothing a parser
 * could also be talked into. Each method throws {@link IllegalArgumentException} for anything else.
 */
public final class ExactValues {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,19}");

    private ExactValues() {
    }

    /** A day of the calendar written {@code YYYY-MM-DD}: not a number, not a date-time, not 2027-02-30. */
    public static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a date written YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a day of the calendar", e);
        }
    }

    /** An ISO-8601 date-time with its offset, e.g. 2027-03-01T12:00:00Z: without one it names no instant. */
    public static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an instant written with its offset, "
                    + "e.g. 2027-03-01T12:00:00Z", e);
        }
    }

    /** The canonical 8-4-4-4-12 hexadecimal form; Java would also read "1-1-1-1-1" and Jackson 24 characters of base64. */
    public static UUID uuid(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a UUID");
        }
        return UUID.fromString(text);
    }

    /** Decimal digits with an optional minus; Spring would also read "0x10", "#10" and " 7 ". */
    public static long wholeNumber(String text) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large", e);
        }
    }

    /** A whole number that fits an int. */
    public static int smallWholeNumber(String text) {
        long value = wholeNumber(text);
        if (value != (int) value) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return (int) value;
    }

    /** {@code true} or {@code false}; Spring would also read "yes", "on" and "1". */
    public static boolean truth(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is neither true nor false");
        };
    }
}
