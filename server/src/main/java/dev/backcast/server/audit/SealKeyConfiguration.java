package dev.backcast.server.audit;

import dev.backcast.query.audit.SealKeys;
import dev.backcast.server.database.EmbeddedPostgresEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The key that signs seals: the PEM file named by {@code BACKCAST_AUDIT_SIGNING_KEY}; with the embedded database and
 * no file named, one generated at first start beside the data directory. With an external database a missing key
 * stops the start: seals signed by a key nobody chose and nobody kept would prove nothing.
 */
@Configuration(proxyBeanMethods = false)
public class SealKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SealKeyConfiguration.class);
    private static final String GENERATED_KEY_FILE = "seal-signing-key.pem";

    @Bean
    SealKeys sealKeys(@Value("${backcast.audit.signing-key:}") String configuredKeyFile,
                      @Value("${" + EmbeddedPostgresEnvironment.ACTIVE + ":false}") boolean embeddedDatabase,
                      @Value("${" + EmbeddedPostgresEnvironment.DIRECTORY + ":./data/postgres}") String dataDirectory) {
        SealKeys keys;
        if (!configuredKeyFile.isBlank()) {
            keys = read(Path.of(configuredKeyFile));
        } else if (embeddedDatabase) {
            Path generated = Path.of(dataDirectory).toAbsolutePath().normalize().resolveSibling(GENERATED_KEY_FILE);
            keys = Files.exists(generated) ? read(generated) : generate(generated);
        } else {
            throw new IllegalStateException("Refusing to start: no key to sign audit seals with. Set "
                    + "BACKCAST_AUDIT_SIGNING_KEY to a PEM file holding an Ed25519 private and public key, made with: "
                    + "openssl genpkey -algorithm ed25519 -out seal-key.pem && "
                    + "openssl pkey -in seal-key.pem -pubout >> seal-key.pem");
        }
        log.info("Audit seals are signed with the Ed25519 key {}", keys.fingerprint());
        return keys;
    }

    private static SealKeys read(Path file) {
        try {
            return SealKeys.read(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seal signing key " + file.toAbsolutePath(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The seal signing key " + file.toAbsolutePath() + " is unusable: "
                    + e.getMessage(), e);
        }
    }

    private static SealKeys generate(Path file) {
        SealKeys keys = SealKeys.generate();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, keys.toPem(), StandardCharsets.US_ASCII);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a new seal signing key to " + file.toAbsolutePath(), e);
        }
        log.info("Generated a seal signing key in {}", file.toAbsolutePath());
        return keys;
    }
}
