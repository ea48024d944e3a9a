package dev.backcast.query.audit;

import java.time.Instant;
import java.util.UUID;

/** What an evidence package holds, as its {@code manifest.json}. */
public record PackageManifest(String format, String planId, String title, Instant exportedAt, long events,
                              long headRevision, String headChainHash, UUID sealId) {

    public static final String FORMAT = "backcast-audit-package-v1";
    public static final String MANIFEST = "manifest.json";
    public static final String EVENTS = "events.ndjson";
    public static final String SEAL = "seal.json";
    public static final String PROOF = "inclusion-proof.json";
    public static final String PUBLIC_KEY = "public-key.pem";
    public static final String REPORT = "report.html";
}
