package dev.backcast.server;

import dev.backcast.query.audit.SealKeys;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** The real server jar, started as a separate process, as an operator would run it. */
final class ServerProcess implements AutoCloseable {

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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-jar", Path.of("target", "backcast.jar").toAbsolutePath().toString(), "--server.port=" + port));
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
