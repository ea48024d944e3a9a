package dev.backcast.plan;

/** The kind of cause behind a change, so slip and rework can be attributed. */
public enum ReasonCategory {
    SCOPE, ESTIMATE, DEPENDENCY, RESOURCING, EXTERNAL, FEEDBACK, OTHER
}
