package dev.backcast.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcast.query.history.PlanRevisionRepository;
import dev.backcast.query.plans.PlanView;
import dev.backcast.query.plans.PlanViewRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a plan's evidence package: its events as stored with their chain hashes, the newest seal covering it with
 * the inclusion proof, the public key, and a readable report — everything an auditor needs to check the plan's
 * history away from Backcast.
 */
@Component
public class AuditPackages {

    private final StoredEvents events;
    private final Seals seals;
    private final PlanRevisionRepository revisions;
    private final PlanViewRepository views;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditPackages(StoredEvents events, Seals seals, PlanRevisionRepository revisions, PlanViewRepository views,
                         ObjectMapper json, Clock clock) {
        this.events = events;
        this.seals = seals;
        this.revisions = revisions;
        this.views = views;
        this.json = json;
        this.clock = clock;
    }

    public void write(UUID planId, OutputStream output) throws IOException {
        String plan = planId.toString();
        try (ZipOutputStream zip = new ZipOutputStream(output, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(PackageManifest.EVENTS));
            Packaged packaged = events.ofPlan(plan, Long.MAX_VALUE, stored -> writeWhileVerifying(plan, stored, zip));
            ChainReport chain = packaged.chain();
            zip.closeEntry();
            Optional<SealStatement> seal = seals.latestCovering(plan);
            InclusionProof proof = seal.map(found -> InclusionProof.of(found, plan)).orElse(null);
            String title = views.findById(planId).map(PlanView::title).orElse(plan);
            PackageManifest manifest = new PackageManifest(PackageManifest.FORMAT, plan, title, clock.instant(),
                    packaged.events(), chain.headRevision(), chain.headChainHash(),
                    seal.map(SealStatement::sealId).orElse(null));
            entry(zip, PackageManifest.MANIFEST, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            if (seal.isPresent()) {
                entry(zip, PackageManifest.SEAL, json.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(seal.get().withoutPlans()));
                entry(zip, PackageManifest.PROOF, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(proof));
            }
            entry(zip, PackageManifest.PUBLIC_KEY, seals.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
            entry(zip, PackageManifest.REPORT, HistoryReport.render(manifest, chain, seal.orElse(null), proof,
                    revisions.findByPlanIdOrderByRevision(planId)).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The chain as verified, and how many events went into the package. */
    private record Packaged(ChainReport chain, long events) {
    }

    /** Verifies the chain while every event read, including those read past a failure, goes into the package. */
    private Packaged writeWhileVerifying(String planId, Iterator<StoredEvent> stored, ZipOutputStream zip) {
        try {
            JsonGenerator lines = json.getFactory().createGenerator(zip);
            lines.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            lines.setRootValueSeparator(null);
            long[] written = {0};
            Iterator<StoredEvent> packaging = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return stored.hasNext();
                }

                @Override
                public StoredEvent next() {
                    StoredEvent event = stored.next();
                    try {
                        json.writeValue(lines, PackagedEvent.of(event));
                        lines.writeRaw('\n');
                        written[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return event;
                }
            };
            ChainReport report = ChainVerification.verify(planId, packaging, Long.MAX_VALUE);
            while (packaging.hasNext()) {
                packaging.next();
            }
            lines.flush();
            return new Packaged(report, written[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
