package dev.backcast.server.roles;

/**
 * What one server process does when several share a database: {@code COMMAND} records decisions and serves reads
 * but runs no projection, {@code QUERY} runs the projections and serves reads but records no decision, {@code BOTH}
 * (the default) does everything.
 */
public enum ProcessRole {
    COMMAND, QUERY, BOTH;

    public boolean runsProjections() {
        return this != COMMAND;
    }

    public boolean recordsDecisions() {
        return this != QUERY;
    }
}
