package dev.backcast.server.ui;

/** A filter field left empty in a form means "any", as the absent parameter does in the API. */
public final class Filters {

    private Filters() {
    }

    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
