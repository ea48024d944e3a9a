package dev.backcast.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Takes, keeps and checks seals: signed statements of every plan's head at one moment. */
@Service
public class Seals {

    private static final Logger log = LoggerFactory.getLogger(Seals.class);

    private final StoredEvents events;
    private final JdbcTemplate jdbc;
    private final SealKeys keys;
    private final ObjectMapper json;
    private final Clock clock;

    public Seals(StoredEvents events, JdbcTemplate jdbc, SealKeys keys, ObjectMapper json, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    public SealStatement take() {
        List<SealStatement.SealedPlan> heads = events.heads();
        SealStatement unsigned = new SealStatement(UUID.randomUUID(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                SealStatement.ALGORITHM, keys.fingerprint(), EventChain.hex(MerkleTree.root(
                heads.stream().map(SealStatement.SealedPlan::leaf).toList())), heads.size(), heads, null);
        SealStatement seal = unsigned.withSignature(keys.sign(unsigned.signedBytes()));
        jdbc.update("INSERT INTO audit_seal (seal_id, taken_at, statement) VALUES (?, ?, ?)", seal.sealId(),
                Timestamp.from(seal.takenAt()), write(seal));
        log.info("Seal {} taken over {} plans, root hash {}", seal.sealId(), heads.size(), seal.rootHash());
        return seal;
    }

    public List<SealStatement> recent(int limit) {
        return jdbc.query("SELECT statement FROM audit_seal ORDER BY taken_at DESC LIMIT ?",
                (rows, row) -> read(rows.getString("statement")), limit);
    }

    public Optional<SealStatement> find(UUID sealId) {
        return jdbc.query("SELECT statement FROM audit_seal WHERE seal_id = ?",
                (rows, row) -> read(rows.getString("statement")), sealId).stream().findFirst();
    }

    /** The newest kept seal that covers the plan. */
    public Optional<SealStatement> latestCovering(String planId) {
        return jdbc.query("""
                        SELECT statement FROM audit_seal WHERE strpos(statement, ?) > 0
                         ORDER BY taken_at DESC LIMIT 20""",
                        (rows, row) -> read(rows.getString("statement")), "\"" + planId + "\"").stream()
                .filter(seal -> seal.indexOf(planId) >= 0).findFirst();
    }

    public String publicKeyPem() {
        return keys.publicKeyPem();
    }

    /** @throws UntrustworthySeal when the seal is not one this server's key signed as it stands */
    public SealCheck verify(SealStatement seal) {
        if (seal.plans() == null) {
            throw new UntrustworthySeal("the seal lists no plans: verify the whole seal as it was taken");
        }
        seal.untrustworthyWith(keys.publicKey()).ifPresent(reason -> {
            throw new UntrustworthySeal(reason);
        });
        List<SealCheck.ChangedPlan> changed = new ArrayList<>();
        for (SealStatement.SealedPlan sealed : seal.plans()) {
            ChainReport verified = events.ofPlan(sealed.planId(), sealed.revision(),
                    stored -> ChainVerification.verify(sealed.planId(), stored, sealed.revision()));
            changed.add(SealCheck.compare(sealed, verified));
        }
        List<SealCheck.ChangedPlan> found = changed.stream().filter(Objects::nonNull).toList();
        return new SealCheck(seal.sealId(), seal.takenAt(), found.isEmpty(), seal.plans().size(),
                seal.plans().size() - found.size(), found);
    }

    private String write(SealStatement seal) {
        try {
            return json.writeValueAsString(seal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A seal could not be written as JSON", e);
        }
    }

    private SealStatement read(String statement) {
        try {
            return json.readValue(statement, SealStatement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept seal is not readable JSON", e);
        }
    }
}
