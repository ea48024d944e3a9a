package dev.backcast.plan;

/** Why a plan changed: required on changes and removals, optional on additions and recordings. */
public record Reason(ReasonCategory category, String note) {
}
