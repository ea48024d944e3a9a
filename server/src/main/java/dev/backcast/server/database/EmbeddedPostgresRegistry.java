package dev.backcast.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded PostgreSQL servers of this JVM, one per data directory, shared by every application context that uses
 * the directory and stopped when the last of them closes (or when the JVM exits).
 */
public final class EmbeddedPostgresRegistry {

    public static final String DATABASE = "backcast";
    public static final String USER = "postgres";

    private static final Map<Path, Running> RUNNING = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresRegistry::stopAll, "embedded-postgres-stop"));
    }

    private EmbeddedPostgresRegistry() {
    }

    private static final class Running {
        private final EmbeddedPostgres postgres;
        private int users;

        private Running(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }
    }

    /** Starts the server for the directory, or joins the one already running; each call needs one {@link #release}. */
    public static synchronized String acquire(Path dataDirectory, int port, boolean durable) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Running running = RUNNING.get(directory);
        if (running == null) {
            running = new Running(start(directory, port, durable));
            RUNNING.put(directory, running);
        }
        running.users++;
        return running.postgres.getJdbcUrl(USER, DATABASE);
    }

    public static synchronized void release(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Running running = RUNNING.get(directory);
        if (running != null && --running.users == 0) {
            RUNNING.remove(directory);
            close(running.postgres);
        }
    }

    /**
     * @param durable whether a commit reaches the disk before it is acknowledged; the embedded server's own defaults
     *                trade that away for speed, which is fine for throwaway test data only
     */
    private static EmbeddedPostgres start(Path directory, int port, boolean durable) {
        try {
            Files.createDirectories(directory);
            String onWhenDurable = durable ? "on" : "off";
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", onWhenDurable)
                    .setServerConfig("synchronous_commit", onWhenDurable)
                    .setServerConfig("full_page_writes", onWhenDurable);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory
                    + (port > 0 ? " on port " + port + " (is another server using it?)" : ""), e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery(
                     "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + DATABASE, e);
        }
    }

    private static synchronized void stopAll() {
        RUNNING.values().forEach(running -> close(running.postgres));
        RUNNING.clear();
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
