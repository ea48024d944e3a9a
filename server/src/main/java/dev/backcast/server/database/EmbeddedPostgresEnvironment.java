package dev.backcast.server.database;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Without a configured database, starts the embedded PostgreSQL before anything needs a connection and points
 * {@code spring.datasource.*} at it, so Flyway, Axon and the read models run unchanged on either database.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String ACTIVE = "backcast.embedded-db.active";
    public static final String DIRECTORY = "backcast.embedded-db.directory";
    public static final String PORT = "backcast.embedded-db.port";
    public static final String DURABLE = "backcast.embedded-db.durable";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return;
        }
        Path directory = Path.of(environment.getProperty(DIRECTORY, "./data/postgres"));
        int port = environment.getProperty(PORT, Integer.class, 15432);
        boolean durable = environment.getProperty(DURABLE, Boolean.class, true);
        String jdbcUrl = EmbeddedPostgresRegistry.acquire(directory, port, durable);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", EmbeddedPostgresRegistry.USER);
        properties.put("spring.datasource.password", "");
        properties.put(ACTIVE, "true");
        properties.put(DIRECTORY, directory.toAbsolutePath().normalize().toString());
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
    }

    /** After the configuration files, so a database configured there or in the environment wins. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
