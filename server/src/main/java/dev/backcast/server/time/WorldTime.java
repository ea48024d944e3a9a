package dev.backcast.server.time;

import java.time.Instant;

/**
 * What time it is outside: the application clock reads it, except while history is recorded at its own moments.
 * A test supplies its own to run the server at a chosen instant and across a change of day.
 */
@FunctionalInterface
public interface WorldTime {

    Instant now();
}
