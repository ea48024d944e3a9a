package dev.backcast.query.web;

/** The read model has not reached the revision the caller needs yet; answering would show stale data. */
public class ProjectionBehind extends RuntimeException {

    public ProjectionBehind(String message) {
        super(message);
    }
}
