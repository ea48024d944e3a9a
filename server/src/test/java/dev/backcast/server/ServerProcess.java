package dev.backcast.server;

import dev.backcast.query.audit.SealKeys;
import dev.backcast.server.database.EmbeddedPostgresRegistry;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** The real server jar, started as a separate process, as an operator would run it. */
final class ServerProcess implements AutoCloseable {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** How the test run's server processes are launched, found by the first of them. */
    private static List<String> launch;

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** One key for every server process of the test run, as an organisation's servers would share theirs. */
    static synchronized Path sealSigningKey() throws IOException {
        Path key = Path.of("target", "it-seal-signing-key.pem").toAbsolutePath();
        if (!Files.exists(key)) {
            Files.writeString(key, SealKeys.generate().toPem());
        }
        return key;
    }

    static ServerProcess start(String heap, String... arguments) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("backcast-server", ".log");
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), heap));
        command.addAll(launch());
        command.add("--server.port=" + port);
        command.add("--backcast.audit.signing-key=" + sealSigningKey());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, port, log);
        Api health = new Api(port, null);
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited: " + Files.readString(log));
            }
            return health.get("/actuator/health").status() == 200;
        });
        return server;
    }

    /**
     * The jar extracted, with a class-data-sharing archive of the classes a start loads, as Spring Boot advises for
     * starting faster (about 9 s instead of 17 on two cores). The archive is recorded once per test run by a start on
     * a fresh database of its own that exits as soon as its context is refreshed. Should extracting or recording
     * fail, every start of the run takes the jar as it is; so does the benchmark's smoke run, which otherwise starts
     * from the same extracted jar and archive.
     */
    private static synchronized List<String> launch() {
        if (launch == null) {
            Path jar = Path.of("target", "backcast.jar").toAbsolutePath();
            try {
                launch = extractedWithArchive(jar);
            } catch (IOException | RuntimeException notShared) {
                System.out.println("Server processes start without class-data sharing: " + notShared);
                launch = List.of("-jar", jar.toString());
            }
        }
        return launch;
    }

    private static List<String> extractedWithArchive(Path jar) throws IOException {
        Path extracted = Path.of("target", "server-extracted").toAbsolutePath();
        Path extractedJar = extracted.resolve("backcast.jar");
        Path archive = extracted.resolve("backcast.jsa");
        FileSystemUtils.deleteRecursively(extracted);
        if (!run(extracted.resolveSibling("server-extracting.log"), "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", extracted.toString())) {
            throw new IllegalStateException("the jar could not be extracted; see target/server-extracting.log");
        }
        Path database = Path.of("target", "it-class-data-sharing").toAbsolutePath();
        FileSystemUtils.deleteRecursively(database);
        String url = EmbeddedPostgresRegistry.acquire(database, 0, false);
        boolean recorded;
        try {
            recorded = run(extracted.resolve("recording-classes.log"), "-XX:ArchiveClassesAtExit=" + archive,
                    "-Dspring.context.exit=onRefresh", "-jar", extractedJar.toString(),
                    "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--backcast.users=recorder:a-long-recording-secret:PLANNER",
                    "--backcast.audit.signing-key=" + sealSigningKey());
        } finally {
            EmbeddedPostgresRegistry.release(database);
        }
        if (!recorded || !Files.exists(archive)) {
            throw new IllegalStateException("no archive was recorded; see "
                    + extracted.resolve("recording-classes.log"));
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-jar", extractedJar.toString());
    }

    private static boolean run(Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
        return process.exitValue() == 0;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** {@code kill -9}: the process ends at once, with no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an orchestrator stops a service: returns when the process has ended. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
