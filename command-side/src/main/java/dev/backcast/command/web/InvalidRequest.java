package dev.backcast.command.web;

/** A request the API cannot even turn into a command: malformed, of the wrong type, or with unknown fields. */
public class InvalidRequest extends RuntimeException {

    private final String field;

    public InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
