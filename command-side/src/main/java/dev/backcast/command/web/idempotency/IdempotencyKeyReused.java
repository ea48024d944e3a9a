package dev.backcast.command.web.idempotency;

/** The same idempotency key came with a different request: replaying the first answer would mislead the caller. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("The Idempotency-Key '" + key + "' was already used for a different request; use a new key for a "
                + "new request, or resend exactly the same request to get its original answer");
    }
}
