package dev.backcast.query.web;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * RFC 4180 text for the CSV answers: a header, then one row per line, each ending in CRLF. Text that a spreadsheet
 * would run as a formula is neutralised with a leading apostrophe, so a plan title like {@code =HYPERLINK(...)}
 * opens as text.
 */
public final class Csv {

    /** The characters with which spreadsheets start a formula (OWASP's list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    public static String row(Object... cells) {
        return Stream.of(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** Quotes a cell that holds a comma, a quote or a line break, doubling its quotes; null is an empty cell. */
    private static String cell(Object value) {
        String text = Objects.toString(value, "");
        if (value instanceof CharSequence && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
