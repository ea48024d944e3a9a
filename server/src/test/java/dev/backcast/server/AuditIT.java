package dev.backcast.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.backcast.query.audit.EventChain;
import dev.backcast.query.audit.MerkleTree;
import dev.backcast.query.audit.PackageVerifier;
import dev.backcast.query.audit.SealKeys;
import dev.backcast.query.audit.SealStatement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import static dev.backcast.server.PlanRequests.createPlan;
import static dev.backcast.server.PlanRequests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An auditor proves how a plan evolved: each way of tampering with the stored record is detected and named at the
 * right revision, by the API and by the offline verifier on an exported package; a rewrite with recomputed hashes is
 * caught by a seal taken before it. Its own database: the tampered histories would stop a rebuild elsewhere.
 */
@BackcastIntegrationTest
@TestPropertySource(properties = "backcast.it.database-directory=target/it-postgres-audit")
class AuditIT {

    private static final int REVISIONS = 7;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUntouchedPlanIsIntactAndItsPackageVerifiesOfflineAgainstTheOrganisationsKey() throws Exception {
        String plan = planWithHistory("Untouched");
        Api auditor = new Api(port, "auditor");
        JsonNode audit = auditor.get("/api/plans/" + plan + "/audit").json();
        assertThat(audit.get("status").asText()).isEqualTo("INTACT");
        assertThat(audit.get("headRevision").asLong()).isEqualTo(REVISIONS);
        assertThat(audit.get("headChainHash").asText()).isEqualTo(jdbc.queryForObject(
                "SELECT chain_hash FROM plan_event_log WHERE plan_id = ?::uuid AND revision = ?", String.class, plan,
                REVISIONS));
        assertThat(auditor.post("/api/audit/seals", null).status()).isEqualTo(201);

        Path evidence = download(plan);
        assertThat(entries(evidence)).containsExactlyInAnyOrder("events.ndjson", "manifest.json", "seal.json",
                "inclusion-proof.json", "public-key.pem", "report.html");
        PackageVerifier.Outcome outcome = PackageVerifier.verify(evidence, SealKeys.readPublicKey(
                auditor.get("/api/audit/public-key").text()));
        assertThat(outcome.trustworthy()).as(String.join("\n", outcome.findings())).isTrue();
        assertThat(outcome.findings()).anyMatch(line -> line.contains("revisions 1 to " + REVISIONS
                + " are exactly as sealed"));
        assertThat(PackageVerifier.verify(evidence, SealKeys.generate().publicKey()).trustworthy()).isFalse();
    }

    @Test
    void oneChangedByteOfAPayloadIsNamedAtItsRevision() throws Exception {
        String plan = planWithHistory("Payload byte");
        tamper("UPDATE domain_event_entry SET payload = set_byte(payload, 10, get_byte(payload, 10) # 1) "
                + "WHERE aggregate_identifier = '" + plan + "' AND sequence_number = 2");
        detected(plan, 3, "CHANGED");
    }

    @Test
    void oneChangedByteOfMetadataIsNamedAtItsRevision() throws Exception {
        String plan = planWithHistory("Metadata byte");
        tamper("UPDATE domain_event_entry SET meta_data = set_byte(meta_data, 3, get_byte(meta_data, 3) # 1) "
                + "WHERE aggregate_identifier = '" + plan + "' AND sequence_number = 1");
        detected(plan, 2, "CHANGED");
    }

    @Test
    void aChangedTimestampIsNamedAtItsRevision() throws Exception {
        String plan = planWithHistory("Timestamp");
        tamper("UPDATE domain_event_entry SET time_stamp = overlay(time_stamp placing "
                + "(CASE substr(time_stamp, 19, 1) WHEN '0' THEN '1' ELSE '0' END) from 19 for 1) "
                + "WHERE aggregate_identifier = '" + plan + "' AND sequence_number = 4");
        detected(plan, 5, "CHANGED");
    }

    @Test
    void aDeletedEventIsNamedMissing() throws Exception {
        String plan = planWithHistory("Deleted");
        tamper("DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + plan + "' AND sequence_number = 3");
        detected(plan, 4, "MISSING");
    }

    @Test
    void twoEventsWithSwappedRevisionsAreNamedReordered() throws Exception {
        String plan = planWithHistory("Swapped");
        String where = "WHERE aggregate_identifier = '" + plan + "' AND sequence_number = ";
        tamper("UPDATE domain_event_entry SET sequence_number = -1 " + where + "1",
                "UPDATE domain_event_entry SET sequence_number = 1 " + where + "4",
                "UPDATE domain_event_entry SET sequence_number = 4 " + where + "-1");
        detected(plan, 2, "REORDERED");
    }

    @Test
    void aForgedEventSlippedIntoTheHistoryIsNamedInserted() throws Exception {
        String plan = planWithHistory("Forged");
        String where = "WHERE aggregate_identifier = '" + plan + "' AND sequence_number = ";
        String[] moves = new String[REVISIONS - 3];
        for (int sequence = REVISIONS - 1; sequence >= 3; sequence--) {
            moves[REVISIONS - 1 - sequence] = "UPDATE domain_event_entry SET sequence_number = " + (sequence + 1) + " "
                    + where + sequence;
        }
        tamper(moves);
        tamper("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload, meta_data)
                SELECT gen_random_uuid()::text, aggregate_identifier, 3, type, time_stamp, payload_type,
                       convert_to(replace(convert_from(payload, 'UTF8'), 'Question 2?', 'Approved by the board?'),
                                  'UTF8'), meta_data
                  FROM domain_event_entry WHERE aggregate_identifier = '%s' AND sequence_number = 2""".formatted(plan));
        detected(plan, 4, "INSERTED");
    }

    @Test
    void aRewrittenTailWithRecomputedHashesIsCaughtOnlyByASealTakenBefore() throws Exception {
        String plan = planWithHistory("Rewritten");
        Api auditor = new Api(port, "auditor");
        JsonNode seal = auditor.post("/api/audit/seals", null).json();
        String where = "WHERE aggregate_identifier = '" + plan + "' AND sequence_number ";
        tamper("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'Question', 'Doubt'), 'UTF8') " + where + ">= 4");
        for (int sequence = 4; sequence < REVISIONS; sequence++) {
            tamper("UPDATE domain_event_entry e SET chain_hash = audit_chain_hash((SELECT p.chain_hash FROM "
                    + "domain_event_entry p WHERE p.aggregate_identifier = e.aggregate_identifier AND "
                    + "p.sequence_number = e.sequence_number - 1), e) " + where + "= " + sequence);
        }

        assertThat(auditor.get("/api/plans/" + plan + "/audit").json().get("status").asText()).isEqualTo("INTACT");
        JsonNode check = auditor.post("/api/audit/verify", seal.toString()).json();
        assertThat(check.get("unchanged").asBoolean()).isFalse();
        assertThat(check.get("changed")).filteredOn(changed -> changed.get("planId").asText().equals(plan))
                .singleElement().satisfies(changed -> {
                    assertThat(changed.get("detail").asText()).contains("rewritten after the seal");
                    assertThat(changed.get("sealedRevision").asLong()).isEqualTo(REVISIONS);
                });
        PackageVerifier.Outcome offline = PackageVerifier.verify(download(plan), null);
        assertThat(offline.trustworthy()).isFalse();
        assertThat(offline.findings()).anyMatch(line -> line.startsWith("FAIL")
                && line.contains("rewritten after the seal"));
    }

    @Test
    void aSealWithAWrongSignatureOrFromAnotherKeyIsRejected() {
        String plan = planWithHistory("Sealed");
        Api auditor = new Api(port, "auditor");
        ObjectNode seal = (ObjectNode) auditor.post("/api/audit/seals", null).json();
        Api.Response trusted = auditor.post("/api/audit/verify", seal.toString());
        assertThat(trusted.status()).isEqualTo(200);
        assertThat(trusted.json().get("changed")).noneMatch(changed -> changed.get("planId").asText().equals(plan));

        byte[] signature = Base64.getDecoder().decode(seal.get("signature").asText());
        signature[5] ^= 1;
        ObjectNode wrongSignature = seal.deepCopy().put("signature", Base64.getEncoder().encodeToString(signature));
        Api.Response rejected = auditor.post("/api/audit/verify", wrongSignature.toString());
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.json().get("detail").asText()).contains("signature does not verify");

        SealKeys otherKey = SealKeys.generate();
        List<SealStatement.SealedPlan> plans = List.of(new SealStatement.SealedPlan(
                seal.get("plans").get(0).get("planId").asText(), 1, EventChain.hex(new byte[32])));
        String root = EventChain.hex(MerkleTree.root(List.of(MerkleTree.leaf(plans.get(0).planId(), 1,
                new byte[32]))));
        SealStatement unsigned = new SealStatement(UUID.randomUUID(), Instant.now(), SealStatement.ALGORITHM,
                otherKey.fingerprint(), root, 1, plans, null);
        SealStatement foreign = unsigned.withSignature(otherKey.sign(unsigned.signedBytes()));
        Api.Response foreignRejected = auditor.post("/api/audit/verify", json(foreign));
        assertThat(foreignRejected.status()).isEqualTo(422);
        assertThat(foreignRejected.json().get("detail").asText()).contains("another key");
    }

    @Test
    void theAuditorReadsEverythingAndSealsButEveryWriteIsForbidden() {
        String plan = planWithHistory("Audited");
        Api auditor = new Api(port, "auditor");
        assertThat(auditor.get("/api/plans/" + plan + "?minRevision=" + REVISIONS).status()).isEqualTo(200);
        assertThat(auditor.get("/api/plans/" + plan + "/revisions?minRevision=" + REVISIONS).status())
                .isEqualTo(200);
        assertThat(auditor.get("/api/plans/" + plan + "/events").status()).isEqualTo(200);
        assertThat(auditor.get("/api/audit").status()).isEqualTo(200);
        assertThat(auditor.get("/api/audit/seals").status()).isEqualTo(200);
        assertThat(auditor.post("/api/audit/seals", null).status()).isEqualTo(201);

        assertThat(auditor.post("/api/plans", PlanRequests.newPlan("By an auditor")).status()).isEqualTo(403);
        assertThat(auditor.post("/api/plans/" + plan + "/questions",
                "{\"kind\": \"SKEPTIC\", \"text\": \"Why?\"}").status()).isEqualTo(403);
        assertThat(auditor.post("/api/admin/projections/plans/rebuild", null).status()).isEqualTo(403);
        assertThat(new Api(port, "planner").get("/api/plans/" + plan + "/audit").status()).isEqualTo(403);
        assertThat(new Api(port, "viewer").post("/api/audit/seals", null).status()).isEqualTo(403);
        assertThat(new Api(port, "admin").post("/api/audit/seals", null).status()).isEqualTo(201);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteRecordedEventsAndSeals() {
        String plan = planWithHistory("Append only");
        new Api(port, "auditor").post("/api/audit/seals", null);
        assertThatThrownBy(() -> jdbc.update("UPDATE domain_event_entry SET payload = payload "
                + "WHERE aggregate_identifier = ?", plan)).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", plan))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_seal"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE domain_event_entry"))
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void theWriterRoleMayAppendButNotChangeAndTheAnalystRoleReadsOnlyTheEventLog() throws SQLException {
        planWithHistory("Roles");
        jdbc.execute("DROP ROLE IF EXISTS audit_it_writer");
        jdbc.execute("DROP ROLE IF EXISTS audit_it_analyst");
        jdbc.execute("CREATE ROLE audit_it_writer LOGIN PASSWORD 'writer-secret' IN ROLE backcast_writer");
        jdbc.execute("CREATE ROLE audit_it_analyst LOGIN PASSWORD 'analyst-secret' IN ROLE backcast_analyst");
        String url = ((HikariDataSource) jdbc.getDataSource()).getJdbcUrl().replaceAll("\\?.*", "");

        try (Connection writer = DriverManager.getConnection(url, "audit_it_writer", "writer-secret");
             Statement statement = writer.createStatement()) {
            assertThat(count(statement, "SELECT count(*) FROM domain_event_entry")).isPositive();
            assertThatThrownBy(() -> statement.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER "
                    + "domain_event_entry_append_only")).isInstanceOfSatisfying(SQLException.class,
                    denied -> assertThat(denied.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> statement.execute("DROP TABLE domain_event_entry"))
                    .isInstanceOfSatisfying(SQLException.class,
                            denied -> assertThat(denied.getSQLState()).isEqualTo("42501"));
        }
        try (Connection analyst = DriverManager.getConnection(url, "audit_it_analyst", "analyst-secret");
             Statement statement = analyst.createStatement()) {
            assertThat(count(statement, "SELECT count(*) FROM plan_event_log")).isPositive();
            for (String table : List.of("domain_event_entry", "plan_view", "api_token", "audit_seal")) {
                assertThatThrownBy(() -> count(statement, "SELECT count(*) FROM " + table))
                        .as(table).isInstanceOfSatisfying(SQLException.class,
                                denied -> assertThat(denied.getSQLState()).isEqualTo("42501"));
            }
        }
    }

    private String planWithHistory(String title) {
        Api planner = new Api(port, "planner");
        String plan = createPlan(planner, title);
        for (int i = 1; i < REVISIONS; i++) {
            id(planner.post("/api/plans/" + plan + "/questions", "{\"kind\": \"INTERNAL_FAQ\", \"text\": \"Question "
                    + i + "?\"}"), "questionId");
        }
        return plan;
    }

    /** Runs statements with the append-only guard switched off, as someone with the owner's rights could. */
    private void tamper(String... statements) {
        jdbc.execute((Connection connection) -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
                for (String sql : statements) {
                    statement.execute(sql);
                }
                statement.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
                connection.commit();
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    private void detected(String plan, long revision, String problem) throws Exception {
        Api auditor = new Api(port, "auditor");
        JsonNode audit = auditor.get("/api/plans/" + plan + "/audit").json();
        assertThat(audit.get("status").asText()).isEqualTo("BROKEN");
        assertThat(audit.get("failure").get("revision").asLong()).isEqualTo(revision);
        assertThat(audit.get("failure").get("problem").asText()).isEqualTo(problem);
        if (!problem.equals("MISSING")) {
            assertThat(audit.get("failure").get("expectedHash").asText()).hasSize(64);
            assertThat(audit.get("failure").get("foundHash").asText()).hasSize(64);
        }
        assertThat(auditor.get("/api/audit").lines()).anySatisfy(line -> {
            assertThat(line.path("planId").asText()).isEqualTo(plan);
            assertThat(line.path("failure").path("revision").asLong()).isEqualTo(revision);
        });

        PackageVerifier.Outcome offline = PackageVerifier.verify(download(plan), null);
        assertThat(offline.trustworthy()).isFalse();
        assertThat(offline.findings()).as(String.join("\n", offline.findings()))
                .anyMatch(line -> line.startsWith("FAIL chain broken at revision " + revision + " (" + problem + ")"));
    }

    private Path download(String plan) throws Exception {
        Path file = Files.createTempFile("backcast-evidence", ".zip");
        Files.write(file, new Api(port, "auditor").download("/api/plans/" + plan + "/audit/package"));
        return file;
    }

    private static List<String> entries(Path zip) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** As a client writes it: instants as ISO-8601 strings, the only form the API takes. */
    private static String json(Object value) {
        try {
            return JSON.findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
