package dev.backcast.server;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** No Docker engine runs here, so the compose file is checked against what the server actually reads. */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    @SuppressWarnings("unchecked")
    void theServerContainerSetsOnlyVariablesTheServerReadsAndAllItNeeds() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> server = (Map<String, Object>) services.get("backcast");
        Set<String> environment = ((Map<String, Object>) server.get("environment")).keySet();

        assertThat(variablesTheServerReads()).containsAll(environment);
        assertThat(environment).contains("BACKCAST_DB_URL", "BACKCAST_DB_USER", "BACKCAST_DB_PASSWORD", "BACKCAST_USERS");
        assertThat(((Map<String, Object>) server.get("environment")).get("BACKCAST_DB_URL").toString())
                .startsWith("jdbc:postgresql://postgres:5432/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDatabaseIsPostgreSql17AndTheServerIsBuiltFromTheDockerfile() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");

        assertThat(((Map<String, Object>) services.get("postgres")).get("image")).isEqualTo("postgres:17");
        assertThat(((Map<String, Object>) services.get("backcast")).get("build")).isEqualTo(".");
        assertThat(Path.of("..", "Dockerfile")).exists();
    }

    private static Set<String> variablesTheServerReads() throws IOException {
        try (InputStream configuration = DockerComposeTest.class.getResourceAsStream("/application.yml")) {
            String text = new String(configuration.readAllBytes());
            Matcher placeholders = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(text);
            return placeholders.results().map(match -> match.group(1)).collect(Collectors.toSet());
        }
    }
}
