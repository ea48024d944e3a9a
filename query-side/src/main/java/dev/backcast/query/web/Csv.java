package dev.backcast.query.web;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** RFC 4180 text for the CSV answers: a header, then one row per line, each ending in CRLF. */
public final class Csv {

    private Csv() {
    }

    public static String row(Object... cells) {
        return Stream.of(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** Quotes a cell that holds a comma, a quote or a line break, doubling its quotes; null is an empty cell. */
    private static String cell(Object value) {
        String text = Objects.toString(value, "");
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
