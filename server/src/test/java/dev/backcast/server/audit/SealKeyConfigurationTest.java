package dev.backcast.server.audit;

import dev.backcast.query.audit.SealKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealKeyConfigurationTest {

    private final SealKeyConfiguration configuration = new SealKeyConfiguration();

    @Test
    void withTheEmbeddedDatabaseAKeyIsGeneratedOnceBesideTheDataDirectoryAndKept(@TempDir Path data) {
        String directory = data.resolve("postgres").toString();
        SealKeys first = configuration.sealKeys("", true, directory);
        assertThat(data.resolve("seal-signing-key.pem")).exists();
        assertThat(configuration.sealKeys("", true, directory).fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void aConfiguredKeyFileIsUsed(@TempDir Path directory) throws Exception {
        SealKeys keys = SealKeys.generate();
        Path file = Files.writeString(directory.resolve("organisation.pem"), keys.toPem());
        assertThat(configuration.sealKeys(file.toString(), false, "unused").fingerprint())
                .isEqualTo(keys.fingerprint());
    }

    @Test
    void withAnExternalDatabaseAMissingKeyStopsTheStartWithTheCommandsToMakeOne() {
        assertThatThrownBy(() -> configuration.sealKeys("", false, "unused"))
                .hasMessageContaining("BACKCAST_AUDIT_SIGNING_KEY").hasMessageContaining("openssl genpkey");
    }

    @Test
    void aKeyFileWithoutItsPublicKeyIsRefusedWithTheFix(@TempDir Path directory) throws Exception {
        String privateOnly = SealKeys.generate().toPem().replaceAll("(?s)-----BEGIN PUBLIC KEY-----.*", "");
        Path file = Files.writeString(directory.resolve("private-only.pem"), privateOnly);
        assertThatThrownBy(() -> configuration.sealKeys(file.toString(), false, "unused"))
                .hasMessageContaining("openssl pkey");
    }
}
