package dev.backcast.plan.metrics;

/** Whether a success metric improves by going up or down. */
public enum Direction {
    INCREASE, DECREASE
}
