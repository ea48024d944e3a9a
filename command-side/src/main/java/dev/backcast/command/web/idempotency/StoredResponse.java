package dev.backcast.command.web.idempotency;

/** The answer given the first time a request with an idempotency key was handled. */
public record StoredResponse(String requestHash, int status, String location, long revision, String body) {
}
