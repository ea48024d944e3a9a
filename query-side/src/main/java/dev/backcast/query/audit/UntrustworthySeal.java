package dev.backcast.query.audit;

/** A seal that this server's key did not sign as it stands: another key, a broken signature or a wrong root. */
public class UntrustworthySeal extends RuntimeException {

    public UntrustworthySeal(String reason) {
        super(reason);
    }
}
