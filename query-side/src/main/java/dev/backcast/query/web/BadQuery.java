package dev.backcast.query.web;

/** A read request whose parameters cannot be answered: named so the caller can fix it. */
public class BadQuery extends RuntimeException {

    private final String parameter;

    public BadQuery(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
