package dev.backcast.query.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks an evidence package with nothing but the package (and, to be sure of the signer, the organisation's public
 * key): no server, no database. The chain is recomputed from the events' stored bytes; the seal's signature, the
 * inclusion proof and the sealed chain hash are checked against it.
 */
public final class PackageVerifier {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param findings what was checked and found, one line each; {@code trustworthy} only if nothing failed */
    public record Outcome(boolean trustworthy, List<String> findings) {
    }

    private PackageVerifier() {
    }

    /** @param organisationKey the key the organisation holds; when absent, the package's own key is used, and said */
    public static Outcome verify(Path packageFile, PublicKey organisationKey) throws IOException {
        List<String> findings = new ArrayList<>();
        boolean trustworthy = true;
        try (ZipFile zip = new ZipFile(packageFile.toFile(), StandardCharsets.UTF_8)) {
            PackageManifest manifest = JSON.readValue(required(zip, PackageManifest.MANIFEST), PackageManifest.class);
            if (!PackageManifest.FORMAT.equals(manifest.format())) {
                return new Outcome(false, List.of("not a Backcast evidence package (format " + manifest.format()
                        + ")"));
            }
            findings.add("plan " + manifest.planId() + " \"" + manifest.title() + "\", " + manifest.events()
                    + " events, exported " + manifest.exportedAt());
            ChainReport chain = chainOf(zip, manifest.planId(), Long.MAX_VALUE);
            if (chain.intact() && chain.events() == manifest.events()) {
                findings.add("OK   chain intact: " + chain.events() + " events, head revision " + chain.headRevision()
                        + ", chain hash " + chain.headChainHash());
            } else if (chain.intact()) {
                trustworthy = false;
                findings.add("FAIL the package lists " + manifest.events() + " events but holds " + chain.events());
            } else {
                trustworthy = false;
                ChainReport.Failure failure = chain.failure();
                findings.add("FAIL chain broken at revision " + failure.revision() + " (" + failure.problem() + "): "
                        + failure.detail() + "; expected " + failure.expectedHash() + ", found "
                        + failure.foundHash());
            }
            ZipEntry sealEntry = zip.getEntry(PackageManifest.SEAL);
            if (sealEntry == null) {
                findings.add("NOTE no seal covered this plan when the package was made: the chain shows the events "
                        + "are consistent, but only a seal kept elsewhere shows they are the ones first recorded");
                return new Outcome(trustworthy, findings);
            }
            SealStatement seal = JSON.readValue(zip.getInputStream(sealEntry), SealStatement.class);
            InclusionProof proof = JSON.readValue(required(zip, PackageManifest.PROOF), InclusionProof.class);
            PublicKey packagedKey = SealKeys.readPublicKey(new String(required(zip, PackageManifest.PUBLIC_KEY)
                    .readAllBytes(), StandardCharsets.US_ASCII));
            PublicKey key = organisationKey == null ? packagedKey : organisationKey;
            if (organisationKey == null) {
                findings.add("NOTE checked with the key in the package, " + SealKeys.fingerprint(packagedKey)
                        + "; pass --key with the organisation's public key to be sure who signed");
            } else if (!SealKeys.fingerprint(organisationKey).equals(SealKeys.fingerprint(packagedKey))) {
                findings.add("NOTE the package carries another key (" + SealKeys.fingerprint(packagedKey)
                        + ") than the organisation's (" + SealKeys.fingerprint(organisationKey) + ")");
            }
            var untrustworthy = seal.untrustworthyWith(key);
            if (untrustworthy.isPresent()) {
                return new Outcome(false, append(findings, "FAIL seal " + seal.sealId() + " rejected: "
                        + untrustworthy.get()));
            }
            findings.add("OK   seal " + seal.sealId() + " taken " + seal.takenAt() + " is signed by "
                    + seal.keyFingerprint());
            if (!proof.planId().equals(manifest.planId()) || !proof.provesInclusionIn(seal)) {
                return new Outcome(false, append(findings, "FAIL the inclusion proof does not lead from this plan's "
                        + "sealed head to the seal's root hash"));
            }
            findings.add("OK   the seal covers this plan up to revision " + proof.revision());
            ChainReport sealed = chainOf(zip, manifest.planId(), proof.revision());
            SealCheck.ChangedPlan changed = SealCheck.compare(
                    new SealStatement.SealedPlan(proof.planId(), proof.revision(), proof.chainHash()), sealed);
            if (changed != null) {
                trustworthy = false;
                findings.add("FAIL " + changed.detail());
            } else {
                findings.add("OK   revisions 1 to " + proof.revision() + " are exactly as sealed");
            }
        }
        return new Outcome(trustworthy, findings);
    }

    private static List<String> append(List<String> findings, String finding) {
        findings.add(finding);
        return findings;
    }

    private static InputStream required(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("the package has no " + name);
        }
        return zip.getInputStream(entry);
    }

    private static ChainReport chainOf(ZipFile zip, String planId, long lastRevision) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(required(zip, PackageManifest.EVENTS),
                StandardCharsets.UTF_8))) {
            return ChainVerification.verify(planId, new Iterator<>() {
                private String line = advance();

                private String advance() {
                    try {
                        String next;
                        do {
                            next = lines.readLine();
                        } while (next != null && next.isBlank());
                        return next;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return line != null;
                }

                @Override
                public StoredEvent next() {
                    if (line == null) {
                        throw new NoSuchElementException();
                    }
                    try {
                        StoredEvent event = JSON.readValue(line, PackagedEvent.class).stored();
                        line = advance();
                        return event;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }, lastRevision);
        }
    }
}
