package dev.backcast.query.web;

import java.util.UUID;

/** No such plan, or not at the moment asked about. */
public class UnknownPlan extends RuntimeException {

    public UnknownPlan(UUID planId) {
        super("There is no plan with id " + planId);
    }

    public UnknownPlan(String message) {
        super(message);
    }
}
