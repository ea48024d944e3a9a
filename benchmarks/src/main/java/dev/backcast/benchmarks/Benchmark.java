package dev.backcast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures Backcast through HTTP side by side with raw PostgreSQL on the same database in the same run, and reports
 * every figure as a ratio against its baseline, so a result means the same on a laptop and on a server.
 */
public final class Benchmark {

    static final String USAGE = """
            Usage: java -jar benchmarks/target/benchmarks.jar [options]
              --quick              small sizes and short measurements (under 3 minutes)
              --seconds=N          seconds per throughput measurement (default 10, quick 3)
              --history=A,B,C      plan lengths in events for P2 and P3 (default 100,1000,10000)
              --organisation=N     plans in the store for P8, P9 and P4 (default 10000, quick 1000)
              --warm-up=N          unmeasured reads of each path P8 and P9 measure, in turn, before each round of
                                   measuring them (default 2000; up to 5 rounds, until their p50s settle)
              --server-jar=PATH    the server jar (default server/target/backcast.jar)
              --server-archive=F   a class-data-sharing archive recorded for that jar, to start the server faster
              --report=PATH        where to write the JSON report (default benchmarks/target/benchmark-report.json)
              --keep-store=DIR     keep the embedded PostgreSQL's data in DIR: the organisation store is filled once and
                                   later runs with the same DIR only add the plans it lacks
            An external PostgreSQL is used when BACKCAST_DB_URL, BACKCAST_DB_USER and BACKCAST_DB_PASSWORD are set; the
            benchmark then creates its databases beside the one named there.
            java -jar benchmarks/target/benchmarks.jar calibration [--plans=N] [--seed=N] measures instead how often
            calibrated forecasts made at past moments of a generated organisation were met.""";
    /** Holds only what one run writes; dropped and created again by every run. */
    private static final String FRESH_DATABASE = "backcast_benchmark";
    /** Holds the example plans the calibration report replays; dropped and created again by every report. */
    private static final String DEMO_DATABASE = "backcast_calibration_demo";
    /** Unmeasured requests before a latency is measured: enough for a just-started server to compile the path. */
    private static final int WARM_UP_REQUESTS = 2_000;
    /** Rounds of warming up and measuring the plan lists and roll-up until their p50s settle. */
    private static final int MEASURING_ROUNDS = 5;

    /** Holds the organisation's plans; kept between runs with --keep-store. */
    private static final String ORGANISATION_DATABASE = "backcast_benchmark_organisation";
    private static final List<Integer> LOAD_CLIENT_COUNTS = List.of(8, 16);
    /** How many times a throughput figure the generator must reach against a server that does no work. */
    private static final double GENERATOR_HEADROOM = 3;
    private static final String DEFAULT_LIST = "/api/plans?size=50";
    private static final String LATE_FIRST_LIST = "/api/plans?late=true&sort=lateByDays,desc&size=50";
    private static final String PORTFOLIO = "/api/portfolio";
    private static final String QUESTION = "{\"kind\": \"INTERNAL_FAQ\", \"text\": \"Q\"}";
    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password-not-a-demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final double seconds;
    private final List<Integer> histories;
    private final int organisation;
    private final int warmUpRequests;
    private final Path serverJar;
    private final Path reportPath;
    private final Path keptStore;
    /** The class-data-sharing archive the server is started with, or null; it changes the start, not what is measured. */
    private final Path serverArchive;
    private final Map<String, Object> raw = new LinkedHashMap<>();
    private final List<Map<String, Object>> figures = new ArrayList<>();
    private final Map<Integer, Double> generatorCeilings = new LinkedHashMap<>();
    /** The database named by the environment, or the embedded cluster's own: baselines, and where databases are made. */
    private String jdbcUrl;
    private String dbUser;
    private String dbPassword;
    private String base;
    private String postgresVersion;
    private String token;
    private String database;
    /** The zone the running server decides today in. */
    private ZoneId zone;
    private HttpLoad load;
    private Process server;

    Benchmark(double seconds, List<Integer> histories, int organisation, int warmUpRequests, Path serverJar,
              Path serverArchive, Path reportPath, Path keptStore) {
        this.seconds = seconds;
        this.histories = histories;
        this.organisation = organisation;
        this.warmUpRequests = warmUpRequests;
        this.serverJar = serverJar;
        this.serverArchive = serverArchive;
        this.reportPath = reportPath;
        this.keptStore = keptStore;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("calibration")) {
            CalibrationReport.main(List.of(args).subList(1, args.length));
            return;
        }
        Benchmark benchmark;
        try {
            benchmark = fromArguments(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        benchmark.run();
    }

    static Benchmark fromArguments(String... args) {
        boolean quick = false;
        Double seconds = null;
        List<Integer> histories = null;
        Integer organisation = null;
        int warmUpRequests = WARM_UP_REQUESTS;
        Path jar = Path.of("server", "target", "backcast.jar");
        Path report = Path.of("benchmarks", "target", "benchmark-report.json");
        Path keptStore = null;
        Path archive = null;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--seconds=")) {
                seconds = Double.parseDouble(arg.substring("--seconds=".length()));
            } else if (arg.startsWith("--history=")) {
                histories = new ArrayList<>();
                for (String size : arg.substring("--history=".length()).split(",")) {
                    histories.add(Integer.parseInt(size.strip()));
                }
            } else if (arg.startsWith("--organisation=")) {
                organisation = Integer.parseInt(arg.substring("--organisation=".length()));
            } else if (arg.startsWith("--warm-up=")) {
                warmUpRequests = Integer.parseInt(arg.substring("--warm-up=".length()));
            } else if (arg.startsWith("--server-jar=")) {
                jar = Path.of(arg.substring("--server-jar=".length()));
            } else if (arg.startsWith("--server-archive=")) {
                archive = Path.of(arg.substring("--server-archive=".length()));
            } else if (arg.startsWith("--report=")) {
                report = Path.of(arg.substring("--report=".length()));
            } else if (arg.startsWith("--keep-store=")) {
                keptStore = Path.of(arg.substring("--keep-store=".length()));
            } else {
                throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        if (keptStore != null && System.getenv("BACKCAST_DB_URL") != null) {
            throw new IllegalArgumentException("--keep-store keeps the embedded PostgreSQL's data; BACKCAST_DB_URL is set");
        }
        return new Benchmark(seconds != null ? seconds : quick ? 3 : 10,
                histories != null ? histories : quick ? List.of(10, 100, 1000) : List.of(100, 1000, 10000),
                organisation != null ? organisation : quick ? 1000 : 10_000, warmUpRequests, jar, archive, report,
                keptStore);
    }

    /** A throw-away Ed25519 key pair as PEM: the server refuses to start on an external database without one. */
    private static Path sealSigningKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Base64.Encoder pem = Base64.getMimeEncoder(64, new byte[] {'\n'});
        Path file = Files.createTempFile("backcast-benchmark-seal-key", ".pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + pem.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"
                + pem.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        file.toFile().deleteOnExit();
        return file;
    }

    void run() throws Exception {
        EmbeddedPostgres embedded = startPostgres();
        try {
            postgresVersion = postgresVersion();
            measureGeneratorCeilings();
            baselines();
            recreateDatabase(FRESH_DATABASE);
            startServer(FRESH_DATABASE, "UTC");
            measureFreshStore();
            stopServer();
            startServer(FRESH_DATABASE, "UTC");
            PlanListTimes small = smallStore();
            stopServer();
            openOrganisationStore();
            startServer(ORGANISATION_DATABASE, "UTC");
            awaitSettledStore();
            measureOrganisationStore(small);
        } finally {
            stopServer();
            if (embedded != null) {
                embedded.close();
            }
        }
        writeReport();
    }

    /** Answers the embedded PostgreSQL it started, or null when the environment names a database. */
    private EmbeddedPostgres startPostgres() throws IOException {
        if (System.getenv("BACKCAST_DB_URL") != null) {
            jdbcUrl = System.getenv("BACKCAST_DB_URL");
            dbUser = System.getenv("BACKCAST_DB_USER");
            dbPassword = System.getenv("BACKCAST_DB_PASSWORD");
            return null;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "200");
        if (keptStore != null) {
            builder.setDataDirectory(keptStore.toAbsolutePath()).setCleanDataDirectory(false);
        }
        EmbeddedPostgres embedded = builder.start();
        jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
        dbUser = "postgres";
        dbPassword = "";
        return embedded;
    }

    /**
     * What the load generator reaches against a server that does no work, at each client count it loads the server
     * with: a throughput figure well below it measures the server, one near it may measure the generator.
     */
    private void measureGeneratorCeilings() throws Exception {
        try (StubHttpServer stub = new StubHttpServer()) {
            HttpLoad toStub = new HttpLoad(stub.base(), "stub-token");
            // Unmeasured: the figures are sent by the generator compiled, not by its first interpreted seconds.
            toStub.run(16, seconds, (client, call) -> HttpLoad.Request.get("/actuator/info"));
            for (int clients : LOAD_CLIENT_COUNTS) {
                HttpLoad.Result ceiling = toStub.run(clients, seconds,
                        (client, call) -> HttpLoad.Request.get("/actuator/info"));
                requireOnlySuccesses("The generator against the stub", ceiling);
                generatorCeilings.put(clients, ceiling.perSecond());
                raw.put("generatorCeilingRps" + clients, ceiling.perSecond());
            }
        }
    }

    private void baselines() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // Dropped first: an external or kept database still holds the last run's.
            statement.execute("DROP SCHEMA IF EXISTS baseline CASCADE");
            statement.execute("CREATE SCHEMA baseline");
            statement.execute("CREATE TABLE baseline.event (id BIGSERIAL PRIMARY KEY, aggregate VARCHAR(255), seq BIGINT, "
                    + "payload BYTEA, UNIQUE (aggregate, seq))");
            statement.execute("CREATE TABLE baseline.plan (id INT PRIMARY KEY, document TEXT)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO baseline.plan VALUES (?, ?)")) {
                String document = "{\"plan\": \"" + "x".repeat(6000) + "\"}";
                for (int id = 0; id < 100; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, document);
                    insert.executeUpdate();
                }
            }
        }
        byte[] payload = new byte[700];
        AtomicLong sequence = new AtomicLong();
        for (int clients : List.of(1, 4, 8, 16)) {
            Connection[] connections = connections(clients);
            Load.Result inserts = Load.run(clients, seconds, Integer.MAX_VALUE, (client, call) -> {
                try (PreparedStatement insert = connections[client].prepareStatement(
                        "INSERT INTO baseline.event (aggregate, seq, payload) VALUES (?, ?, ?)")) {
                    insert.setString(1, "plan-" + client);
                    insert.setLong(2, sequence.incrementAndGet());
                    insert.setBytes(3, payload);
                    insert.executeUpdate();
                }
            });
            raw.put("rawInsertTps" + clients, inserts.perSecond());
            close(connections);
        }
        Connection[] readers = connections(16);
        Load.Result selects = Load.run(16, seconds, Integer.MAX_VALUE, (client, call) -> {
            try (PreparedStatement select = readers[client].prepareStatement("SELECT document FROM baseline.plan WHERE id = ?")) {
                select.setInt(1, ThreadLocalRandom.current().nextInt(100));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    row.getString(1);
                }
            }
        });
        raw.put("rawSelectTps16", selects.perSecond());
        close(readers);
    }

    /** Where a server of its own that loaded the example plans answers, and an API token for it. */
    record DemoServer(String base, String token) {
    }

    /** Runs {@code work} against a server of its own, on a fresh database, that loaded the example plans. */
    void withDemoServer(DemoWork work) throws Exception {
        EmbeddedPostgres embedded = startPostgres();
        try {
            recreateDatabase(DEMO_DATABASE);
            startServer(DEMO_DATABASE, "UTC", "--backcast.demo=true");
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!demoProjected()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The example plans did not load within two minutes");
                }
                Thread.sleep(250);
            }
            work.run(new DemoServer(base, token));
        } finally {
            stopServer();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Whether the example plans are recorded and every projection holds them. */
    private boolean demoProjected() throws Exception {
        if (JSON.readTree(get("/api/plans?size=1").body()).path("total").asLong() == 0) {
            return false;
        }
        for (JsonNode projection : JSON.readTree(get("/api/admin/projections").body())) {
            if (projection.get("lag").asLong() > 0 || projection.get("replaying").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    interface DemoWork {
        void run(DemoServer server) throws Exception;
    }

    /** Starts the server on {@code database}, which must be empty or the server's own. */
    private void startServer(String database, String timeZone, String... options) throws Exception {
        this.database = database;
        this.zone = ZoneId.of(timeZone);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("backcast-benchmark-server", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        if (serverArchive != null) {
            command.add("-XX:SharedArchiveFile=" + serverArchive.toAbsolutePath());
        }
        command.addAll(List.of("-jar", serverJar.toAbsolutePath().toString(), "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl(database), "--spring.datasource.username=" + dbUser,
                "--spring.datasource.password=" + dbPassword,
                "--backcast.users=" + USER + ":" + PASSWORD + ":PLANNER+ADMIN",
                "--backcast.audit.signing-key=" + sealSigningKey(), "--backcast.time-zone=" + timeZone,
                // The store is measured at rest (see awaitSettledStore); stale forecasts are taken up within seconds.
                "--backcast.forecast-refresh-every=PT5S"));
        command.addAll(List.of(options));
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        base = "http://localhost:" + port;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("The server did not start; its log: " + Files.readString(log));
                }
            }
            Thread.sleep(250);
        }
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"benchmark\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(created.body()).get("token").asText();
        load = new HttpLoad(URI.create(base), token);
    }

    private void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
            server = null;
        }
    }

    private void recreateDatabase(String name) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
    }

    /** With --keep-store the organisation store is the one the last run left; otherwise it starts empty. */
    private void openOrganisationStore() throws SQLException {
        if (keptStore == null) {
            recreateDatabase(ORGANISATION_DATABASE);
            return;
        }
        try (Connection connection = connect();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, ORGANISATION_DATABASE);
            try (ResultSet found = exists.executeQuery(); Statement statement = connection.createStatement()) {
                if (!found.next()) {
                    statement.execute("CREATE DATABASE " + ORGANISATION_DATABASE);
                }
            }
        }
    }

    /**
     * Waits until the plan lists and the portfolio can be measured on a store at rest: a kept store's plans carry
     * their figures as of the day in the zone of the server that last ran on it, which the server brings to its today
     * at start-up; its reads answer 503 for a moment while the projection resumes after a rebuild; and the server
     * brings every open plan's calibrated forecast to its revision and today in passes of up to 20 s of simulation
     * each minute, which on 10,000 new plans ran beside the measurements and slowed them (the small store's 100
     * plans take a fraction of a second). That refresh rewrites every open plan's row; the store is then vacuumed, as
     * autovacuum would soon do, so the reads are measured on the steady store rather than on 10,000 dead row versions
     * (which made them up to four times slower in one run).
     */
    private void awaitSettledStore() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        Date today = Date.valueOf(LocalDate.now(zone));
        try (Connection connection = connect(databaseUrl(database));
             PreparedStatement staleFigures = connection.prepareStatement("SELECT count(*) FROM plan_view "
                     + "WHERE figures_as_of IS NULL OR (status IN ('DRAFT', 'ACTIVE') AND figures_as_of <> ? "
                     + "AND (branch_status IS NULL OR branch_status = 'OPEN'))");
             PreparedStatement staleForecasts = connection.prepareStatement("SELECT count(*) FROM plan_view pv "
                     + "LEFT JOIN plan_forecast pf ON pf.plan_id = pv.plan_id "
                     + "WHERE pv.status IN ('DRAFT', 'ACTIVE') AND pv.branch_of IS NULL "
                     + "AND (pf.plan_id IS NULL OR pf.revision <> pv.revision OR pf.as_of <> ?)")) {
            staleFigures.setDate(1, today);
            staleForecasts.setDate(1, today);
            while (!(count(staleFigures) == 0 && count(staleForecasts) == 0 && HTTP.send(
                    authorized("/api/plans?size=1").build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The store did not settle within 10 minutes of the server's start");
                }
                Thread.sleep(500);
            }
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("VACUUM (ANALYZE) plan_view, plan_forecast, portfolio_milestone, portfolio_plan, "
                        + "portfolio_move");
            }
        }
    }

    private static long count(PreparedStatement query) throws SQLException {
        try (ResultSet count = query.executeQuery()) {
            count.next();
            return count.getLong(1);
        }
    }

    /** P1, P1h, P2, P3, P5 and P7 on a store that holds only what this run wrote. */
    private void measureFreshStore() throws Exception {
        measureIdleEndpoint();
        List<String> plans = writeThroughput();
        historyLatencies();
        readYourWrites();
        readThroughput(plans.get(0));
    }

    /** An endpoint that does no work: how fast the server answers at all, to set beside the generator's ceiling. */
    private void measureIdleEndpoint() throws Exception {
        HttpLoad.Result idle = load.run(16, seconds, (client, call) -> HttpLoad.Request.get("/actuator/info"));
        requireOnlySuccesses("GET /actuator/info", idle);
        raw.put("driverIdleEndpointRps16", idle.perSecond());
    }

    /** P1 and P1h; answers the plans P1 wrote to. */
    private List<String> writeThroughput() throws Exception {
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            plans.add(createPlan("Throughput " + i));
        }
        HttpLoad.Result distinct = load.run(16, seconds,
                (client, call) -> HttpLoad.Request.post("/api/plans/" + plans.get(client) + "/questions", QUESTION));
        throughputFigure("P1", "write throughput, distinct plans, 16 clients", distinct.perSecond(), distinct,
                Set.of(), "commands/s", (double) raw.get("rawInsertTps16"), "raw insert tps at 16", 0.5);

        String hot = createPlan("Hot plan");
        HttpLoad.Result hotLoad = load.run(8, seconds,
                (client, call) -> HttpLoad.Request.post("/api/plans/" + hot + "/questions", QUESTION));
        long acknowledged = hotLoad.answered(201);
        long recorded = head(hot) - 1;
        raw.put("hotPlanAcknowledged", acknowledged);
        raw.put("hotPlanRecorded", recorded);
        raw.put("hotPlanBusyAnswers", hotLoad.answered(409));
        // A 409 says the plan was too contended and nothing was recorded: not throughput, and not an error either.
        throughputFigure("P1h", "hot plan, 8 clients on one plan (recorded " + recorded + " of " + acknowledged
                        + " acknowledged)", recorded == acknowledged ? hotLoad.perSecond() : 0, hotLoad, Set.of(409),
                "commands/s", (double) raw.get("rawInsertTps8"), "raw insert tps at 8", 0.2);
        return plans;
    }

    /**
     * P2, P3 and P11: a command, a read near the head and a what-if branch started from the head, on plans of
     * growing history.
     */
    private void historyLatencies() throws Exception {
        Map<Integer, String> long_ = new LinkedHashMap<>();
        Map<Integer, String> milestoneOf = new LinkedHashMap<>();
        for (int size : histories) {
            String plan = createPlan("History " + size);
            String milestone = JSON.readTree(post("/api/plans/" + plan + "/milestones",
                    "{\"name\": \"M\", \"leadTimeDays\": 10}").body()).get("milestoneId").asText();
            for (int written = 2; written < size; written += 100) {
                StringJoiner changes = new StringJoiner(",");
                for (int i = 0; i < Math.min(100, size - written); i++) {
                    changes.add("{\"op\": \"reviseMilestone\", \"milestoneId\": \"" + milestone + "\", \"leadTimeDays\": "
                            + (11 + (written + i) % 2) + ", \"reason\": {\"category\": \"ESTIMATE\", \"note\": \"b\"}}");
                }
                post("/api/plans/" + plan + "/refinements", "{\"message\": \"grow\", \"changes\": [" + changes + "]}");
            }
            long_.put(size, plan);
            milestoneOf.put(size, milestone);
        }
        Map<Integer, Double> commandP50 = new LinkedHashMap<>();
        Map<Integer, Double> travelP50 = new LinkedHashMap<>();
        for (int size : histories) {
            String plan = long_.get(size);
            String milestone = milestoneOf.get(size);
            commandP50.put(size, Load.run(1, seconds, 300, (client, call) -> post("/api/plans/" + plan + "/milestones/"
                    + milestone, "{\"leadTimeDays\": " + (20 + call % 2) + ", \"reason\": {\"category\": \"ESTIMATE\", "
                    + "\"note\": \"p2\"}}", "PATCH")).p50Millis());
            long head = head(plan);
            travelP50.put(size, Load.run(1, seconds, 200, (client, call) ->
                    get("/api/plans/" + plan + "?revision=" + (head - 1))).p50Millis());
        }
        Map<Integer, Double> branchP50 = new LinkedHashMap<>();
        for (int size : histories) {
            String plan = long_.get(size);
            branchP50.put(size, Load.run(1, seconds, 100, (client, call) -> post("/api/plans/" + plan + "/branches",
                    "{\"name\": \"What if " + call + "\"}")).p50Millis());
        }
        raw.put("commandP50MillisByHistory", commandP50);
        raw.put("timeTravelP50MillisByHistory", travelP50);
        raw.put("branchP50MillisByHistory", branchP50);
        int shortest = histories.get(0);
        int longest = histories.get(histories.size() - 1);
        figure("P2", "command p50 at " + longest + " events vs " + shortest, commandP50.get(longest), "ms",
                commandP50.get(shortest), "command p50 at " + shortest + " events", 1.5, false);
        figure("P3", "time travel p50 at " + longest + " events vs " + shortest, travelP50.get(longest), "ms",
                travelP50.get(shortest), "time travel p50 at " + shortest + " events", 3, false);
        figure("P11", "what-if branch created p50 at " + longest + " events vs " + shortest, branchP50.get(longest),
                "ms", branchP50.get(shortest), "branch created p50 at " + shortest + " events", 3, false);
    }

    /** P5: how long after a command's acknowledgement a read asking for its revision answers. */
    private void readYourWrites() throws Exception {
        String fresh = createPlan("Read your writes");
        List<Long> lags = new ArrayList<>();
        Load.Result commands = Load.run(1, seconds, 300, (client, call) -> {
            HttpResponse<String> written = post("/api/plans/" + fresh + "/questions", "{\"kind\": \"SKEPTIC\", \"text\": \"Q\"}");
            long acked = System.nanoTime();
            get("/api/plans/" + fresh + "?minRevision=" + JSON.readTree(written.body()).get("revision").asLong());
            synchronized (lags) {
                lags.add(System.nanoTime() - acked);
            }
        });
        lags.sort(null);
        double writeP50 = Load.run(1, seconds / 2, 200, (client, call) -> post("/api/plans/" + fresh + "/questions",
                "{\"kind\": \"SKEPTIC\", \"text\": \"Q\"}")).p50Millis();
        raw.put("readYourWritesSamples", commands.operations());
        figure("P5", "read-your-writes lag p99 vs command p50", Load.percentile(lags, 0.99), "ms", writeP50,
                "command p50", 5, false);
    }

    /** P7: one plan's document read by 16 clients at once. */
    private void readThroughput(String plan) throws Exception {
        HttpLoad.Result reads = load.run(16, seconds, (client, call) -> HttpLoad.Request.get("/api/plans/" + plan));
        throughputFigure("P7", "GET /api/plans/{id} at 16 clients", reads.perSecond(), reads, Set.of(), "requests/s",
                (double) raw.get("rawSelectTps16"), "raw primary-key select tps at 16", 0.5);
    }

    /**
     * The small side of P8 and P9: about 100 plans in the store, most of them filled as the organisation's are, read
     * from a server started for it as the organisation's side is.
     */
    private PlanListTimes smallStore() throws Exception {
        int small = Math.min(100, organisation);
        long filling = System.nanoTime();
        int added = fillTo(small);
        raw.put("smallStoreFillPlansPerSecond", added / ((System.nanoTime() - filling) / 1e9));
        awaitSettledStore();
        return planListTimes(planCount(), firstListedPlan());
    }

    /**
     * P8, P9 and P9p with the organisation's plans in the store, each plan filled through the API as a PMO's plan
     * looks (a goal, a metric, five chained milestones with a step each, the approval and one re-estimate), against
     * {@code small}; then P10, P4 and P6 on the same store.
     */
    private void measureOrganisationStore(PlanListTimes small) throws Exception {
        int found = planCount();
        long filling = System.nanoTime();
        int added = fillTo(organisation);
        System.out.printf("Organisation store: %d plans found, %d added%s%n", found, added,
                keptStore == null ? "" : " (kept in " + keptStore.toAbsolutePath() + ")");
        raw.put("organisationPlansFound", found);
        raw.put("organisationPlansAdded", added);
        if (added > 0) {
            raw.put("organisationFillPlansPerSecond", added / ((System.nanoTime() - filling) / 1e9));
        }
        awaitSettledStore();
        String onePlan = firstListedPlan();
        PlanListTimes large = planListTimes(planCount(), onePlan);
        double planP50 = p50(onePlan);
        raw.put("organisationPlans", large.plans());
        raw.put("planListP50MillisByPlans", Map.of(small.plans(), small.list(), large.plans(), large.list()));
        raw.put("measuringRoundsByPlans", Map.of(small.plans(), small.rounds(), large.plans(), large.rounds()));
        raw.put("lateFirstP50MillisByPlans", Map.of(small.plans(), small.lateFirst(), large.plans(), large.lateFirst()));
        raw.put("portfolioP50MillisByPlans", Map.of(small.plans(), small.portfolio(), large.plans(), large.portfolio()));
        String versus = " at " + large.plans() + " plans vs " + small.plans();
        String sameAtSmall = "the same at " + small.plans() + " plans";
        figure("P8", "first page of the plan list" + versus, large.list(), "ms", small.list(), sameAtSmall, 1.5, false);
        figure("P8l", "late-first page of the plan list" + versus, large.lateFirst(), "ms", small.lateFirst(),
                sameAtSmall, 1.5, false);
        figure("P9", "portfolio roll-up of all plans" + versus, large.portfolio(), "ms", small.portfolio(),
                sameAtSmall, 2, false);
        figure("P9p", "portfolio roll-up at " + large.plans() + " plans vs one plan", large.portfolio(), "ms", planP50,
                "GET /api/plans/{id} p50", 10, false);

        dayChangeRefresh();
        rebuild();
        long live = liveHeapAfterFullGc();
        figure("P6", "live heap after a full GC after the load (server -Xmx512m)", live / 1048576.0, "MiB",
                256, "target MiB", 1, false);
    }

    /** p50 of the first page of the plan list, of its late-first page and of the portfolio roll-up. */
    /** @param rounds how many rounds of warming up and measuring it took for the p50s to settle */
    private record PlanListTimes(int plans, double list, double lateFirst, double portfolio, int rounds) {

        boolean closeTo(PlanListTimes other) {
            return withinATenth(list, other.list) && withinATenth(lateFirst, other.lateFirst)
                    && withinATenth(portfolio, other.portfolio);
        }

        private static boolean withinATenth(double p50, double before) {
            return Math.abs(p50 - before) <= 0.1 * before;
        }
    }

    private String firstListedPlan() throws Exception {
        return "/api/plans/" + JSON.readTree(get(DEFAULT_LIST).body()).get("items").get(0).get("planId").asText();
    }

    /** The latencies of P8 and P9 on a warm server; {@code alsoWarmed} is read as often in the warm-up. */
    /**
     * The p50 of each path once the server's code for it is compiled: after the warm-up the paths are measured in
     * rounds, each after another warm-up, until every p50 is within a tenth of the round before (at most
     * {@value #MEASURING_ROUNDS} rounds, the last one counting). After a single warm-up, the server that had refreshed
     * ten thousand plans at its start answered the first page in 2.4 to 2.6 ms, the small store's in 1.4 ms; read by
     * another client afterwards, the ten thousand plans' first page went from 3.8 to 2.8 to 2.1 ms over three rounds of
     * 1,200 reads.
     */
    private PlanListTimes planListTimes(int plans, String... alsoWarmed) throws Exception {
        List<String> measured = new ArrayList<>(List.of(DEFAULT_LIST, LATE_FIRST_LIST, PORTFOLIO));
        measured.addAll(List.of(alsoWarmed));
        PlanListTimes last = null;
        for (int round = 1; round <= MEASURING_ROUNDS; round++) {
            warmUp(measured);
            PlanListTimes times = new PlanListTimes(plans, p50(DEFAULT_LIST), p50(LATE_FIRST_LIST), p50(PORTFOLIO),
                    round);
            if (last != null && times.closeTo(last)) {
                return times;
            }
            last = times;
        }
        return last;
    }

    /**
     * Reads each path {@value #WARM_UP_REQUESTS} times (unless {@code --warm-up} says otherwise), in turn, unmeasured.
     * Each side is measured on a server started for its store, and a just-started server needs that many to compile
     * the code the reads share: on the organisation store the first page's median over 100 requests (curl) was 35 ms
     * from the first, 21 ms from the 250th, 7.3 ms from the 500th and 4.9–5.6 ms from the 1,500th on. Warmed one path
     * at a time, the first path measured was still up to twice as slow as when measured again last, and the ratios
     * swung with it between runs.
     */
    private void warmUp(List<String> paths) throws Exception {
        Load.run(1, Duration.ofMinutes(10).toSeconds(), warmUpRequests * paths.size(),
                (client, call) -> get(paths.get(call % paths.size())));
    }

    private double p50(String path) throws Exception {
        return Load.run(1, seconds, 50, (client, call) -> get(path)).p50Millis();
    }

    /**
     * P4: the plan projections rebuilt from every stored event, against a raw scan of the same events, once the store
     * is at rest: right after the day-change restart the server simulates every open plan's forecast for the new day.
     */
    private void rebuild() throws Exception {
        awaitSettledStore();
        long events = scanEvents();
        long rebuildStart = System.nanoTime();
        post("/api/admin/projections/plans/rebuild", null);
        while (true) {
            JsonNode status = JSON.readTree(get("/api/admin/projections").body()).get(0);
            if (!status.get("replaying").asBoolean() && status.get("lag").asLong() == 0) {
                break;
            }
            Thread.sleep(100);
        }
        double rebuildPerSecond = events / ((System.nanoTime() - rebuildStart) / 1e9);
        figure("P4", "rebuild of the plan projections (" + raw.get("storedEvents") + " events)", rebuildPerSecond, "events/s",
                (double) raw.get("rawScanRowsPerSecond"), "raw JDBC scan rows/s", 0.2, true);
    }

    /**
     * P10: the server restarts in a zone where today is another day, so every open plan's forecast and days late are
     * brought to that day at start-up, from the stored plans, without reading an event.
     */
    private void dayChangeRefresh() throws Exception {
        java.time.LocalDate utcToday = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String zone = java.time.LocalDate.now(java.time.ZoneId.of("Pacific/Kiritimati")).equals(utcToday)
                ? "Pacific/Pago_Pago" : "Pacific/Kiritimati";
        stopServer();
        startServer(database, zone);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        HttpResponse<String> refresh = get("/api/admin/daily-figures");
        while (refresh.statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No day-change refresh within 10 minutes of the restart");
            }
            Thread.sleep(500);
            refresh = get("/api/admin/daily-figures");
        }
        JsonNode done = JSON.readTree(refresh.body());
        double seconds = Math.max(1, done.get("tookMillis").asLong()) / 1e3;
        double plansPerSecond = done.get("plans").asLong() / seconds;
        raw.put("dayChangeRefresh", Map.of("zone", zone, "plans", done.get("plans").asLong(), "seconds", seconds));
        boolean filledHere = raw.containsKey("organisationFillPlansPerSecond");
        figure("P10", "day-change refresh of " + done.get("plans").asLong() + " plans (no event read)", plansPerSecond,
                "plans/s", (double) raw.get(filledHere ? "organisationFillPlansPerSecond" : "smallStoreFillPlansPerSecond"),
                filledHere ? "plans/s filled through the API" : "plans/s filled through the API into the small store",
                Double.NaN, true);
    }

    /** Adds plans from eight clients until the store holds {@code plans}; answers how many it added. */
    private int fillTo(int plans) throws Exception {
        int missing = plans - planCount();
        if (missing <= 0) {
            return 0;
        }
        int clients = 8;
        AtomicLong next = new AtomicLong();
        Load.run(clients, Duration.ofDays(1).toSeconds(), (missing + clients - 1) / clients, (client, call) -> {
            long number = next.getAndIncrement();
            if (number < missing) {
                organisationPlan(number);
            }
        });
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (planCount() < plans) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The plan list did not reach " + plans + " plans");
            }
            Thread.sleep(200);
        }
        return missing;
    }

    private int planCount() throws Exception {
        return JSON.readTree(get("/api/plans?size=1").body()).get("total").asInt();
    }

    private void organisationPlan(long number) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HttpResponse<String> created = post("/api/plans", "{\"title\": \"Organisation plan " + number + "\", "
                + "\"portfolio\": \"Portfolio " + number % 20 + "\", \"goal\": {\"headline\": \"h\", "
                + "\"customerProblem\": \"p\", \"solution\": \"s\", \"targetDate\": \""
                + java.time.LocalDate.now().plusDays(60 + random.nextInt(300)) + "\"}}");
        String plan = JSON.readTree(created.body()).get("planId").asText();
        StringJoiner changes = new StringJoiner(",");
        changes.add("{\"op\": \"defineMetric\", \"name\": \"Adoption\", \"baselineValue\": 0, "
                + "\"targetValue\": 100, \"direction\": \"INCREASE\"}");
        List<String> milestones = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String milestone = java.util.UUID.randomUUID().toString();
            changes.add("{\"op\": \"addMilestone\", \"milestoneId\": \"" + milestone + "\", \"name\": \"M" + i
                    + "\", \"leadTimeDays\": " + (10 + random.nextInt(40)) + ", \"predecessors\": ["
                    + (milestones.isEmpty() ? "" : "\"" + milestones.get(milestones.size() - 1) + "\"") + "]}");
            changes.add("{\"op\": \"addStep\", \"milestoneId\": \"" + milestone + "\", \"description\": \"S\", "
                    + "\"durationDays\": 3}");
            milestones.add(milestone);
        }
        post("/api/plans/" + plan + "/refinements", "{\"message\": \"Worked backwards\", \"changes\": [" + changes
                + "]}");
        post("/api/plans/" + plan + "/approve", null);
        post("/api/plans/" + plan + "/milestones/" + milestones.get(random.nextInt(5)), "{\"leadTimeDays\": "
                + (20 + random.nextInt(40)) + ", \"reason\": {\"category\": \"ESTIMATE\", \"note\": \"Re-estimated\"}}",
                "PATCH");
    }

    private long scanEvents() throws SQLException {
        try (Connection connection = connect(databaseUrl(database))) {
            connection.setAutoCommit(false);
            try (Statement scan = connection.createStatement()) {
                scan.setFetchSize(1000);
                long start = System.nanoTime();
                long rows = 0;
                try (ResultSet all = scan.executeQuery("SELECT * FROM domain_event_entry")) {
                    while (all.next()) {
                        all.getBytes("payload");
                        rows++;
                    }
                }
                raw.put("rawScanRowsPerSecond", rows / ((System.nanoTime() - start) / 1e9));
                raw.put("storedEvents", rows);
                return rows;
            }
        }
    }

    private long liveHeapAfterFullGc() throws Exception {
        String pid = String.valueOf(server.pid());
        jcmd(pid, "GC.run");
        for (String line : jcmd(pid, "GC.heap_info")) {
            java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(line);
            if (used.find()) {
                return Long.parseLong(used.group(1)) * 1024;
            }
        }
        throw new IllegalStateException("jcmd GC.heap_info gave no heap size");
    }

    private static List<String> jcmd(String pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid, command)
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jcmd.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        jcmd.waitFor();
        return lines;
    }

    private Map<String, Object> figure(String id, String name, double value, String unit, double baseline,
                                       String baselineName, double target, boolean atLeast) {
        Map<String, Object> figure = new LinkedHashMap<>();
        double ratio = baseline == 0 ? 0 : value / baseline;
        figure.put("figure", id);
        figure.put("name", name);
        figure.put("value", value);
        figure.put("unit", unit);
        figure.put("baseline", baseline);
        figure.put("baselineName", baselineName);
        figure.put("ratio", ratio);
        boolean reportOnly = Double.isNaN(target);
        figure.put("target", reportOnly ? "report" : (atLeast ? "≥ " : "≤ ") + target);
        figure.put("pass", reportOnly || (atLeast ? ratio >= target : ratio <= target));
        figures.add(figure);
        return figure;
    }

    /**
     * A throughput figure over HTTP, with the generator's ceiling at the same client count beside it; answers other
     * than successes and {@code tolerated} fail it, for they are neither throughput nor the server's work.
     */
    private void throughputFigure(String id, String name, double value, HttpLoad.Result load, Set<Integer> tolerated,
                                  String unit, double baseline, String baselineName, double target) {
        Map<String, Object> figure = figure(id, name, value, unit, baseline, baselineName, target, true);
        double ceiling = generatorCeilings.get(load.clients());
        figure.put("p50Millis", load.p50Millis());
        figure.put("p99Millis", load.p99Millis());
        figure.put("generatorCeiling", ceiling);
        if (value > 0) {
            figure.put("generatorHeadroom", ceiling / value);
        }
        figure.put("generatorBound", ceiling < GENERATOR_HEADROOM * value);
        String unexpected = load.unexpected(tolerated);
        if (!unexpected.isEmpty()) {
            figure.put("unexpectedAnswers", unexpected);
            figure.put("pass", false);
        }
    }

    private static void requireOnlySuccesses(String what, HttpLoad.Result load) {
        String unexpected = load.unexpected(Set.of());
        if (!unexpected.isEmpty()) {
            throw new IllegalStateException(what + " was answered with other than success: " + unexpected);
        }
    }

    private void writeReport() throws IOException {
        ObjectNode report = JSON.createObjectNode();
        report.put("commit", commit());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("memoryBytes", ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize());
        report.put("postgresql", postgresVersion);
        report.put("secondsPerMeasurement", seconds);
        report.set("raw", JSON.valueToTree(raw));
        ArrayNode rows = report.putArray("figures");
        figures.forEach(figure -> rows.add(JSON.valueToTree(figure)));
        Files.createDirectories(reportPath.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(reportPath.toFile(), report);
        double idle = (double) raw.get("driverIdleEndpointRps16");
        double idleHeadroom = generatorCeilings.get(16) / idle;
        System.out.printf("%nLoad generator ceiling against a stub that does no work: %,.0f req/s at 16 clients, %,.0f at 8;"
                + " the server's idle endpoint at 16 clients: %,.0f req/s (ceiling %.1fx%s)%n", generatorCeilings.get(16),
                generatorCeilings.get(8), idle, idleHeadroom, idleHeadroom < GENERATOR_HEADROOM
                        ? ", UNDER " + (int) GENERATOR_HEADROOM + "x: the generator may be the limit" : "");
        System.out.printf("%n%-5s %-70s %14s %14s %8s %8s %s%n", "", "figure", "value", "baseline", "ratio", "target", "");
        for (Map<String, Object> figure : figures) {
            System.out.printf("%-5s %-70s %10.2f %-3s %14.2f %8.3f %8s %s%s%n", figure.get("figure"), figure.get("name"),
                    (double) figure.get("value"), unitShort((String) figure.get("unit")), (double) figure.get("baseline"),
                    (double) figure.get("ratio"), figure.get("target"), (boolean) figure.get("pass") ? "pass" : "FAIL",
                    notes(figure));
        }
        System.out.println("\nRaw figures: " + raw + "\nReport: " + reportPath.toAbsolutePath());
    }

    private static String notes(Map<String, Object> figure) {
        StringJoiner notes = new StringJoiner("; ", " (", ")").setEmptyValue("");
        if (figure.containsKey("generatorCeiling")) {
            Object headroom = figure.get("generatorHeadroom");
            notes.add(String.format("generator ceiling %,.0f req/s = %s", (double) figure.get("generatorCeiling"),
                    headroom == null ? "n/a" : String.format("%.1fx", (double) headroom)));
            if ((boolean) figure.get("generatorBound")) {
                notes.add("UNDER " + (int) GENERATOR_HEADROOM + "x: the generator may be the limit");
            }
        }
        if (figure.containsKey("unexpectedAnswers")) {
            notes.add("unexpected answers: " + figure.get("unexpectedAnswers"));
        }
        return notes.toString();
    }

    private static String unitShort(String unit) {
        return unit.length() > 3 ? unit.substring(0, 3) : unit;
    }

    private String postgresVersion() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SHOW server_version")) {
            version.next();
            return version.getString(1);
        }
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? head : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private String createPlan(String title) throws Exception {
        HttpResponse<String> created = post("/api/plans", "{\"title\": \"" + title + "\", \"goal\": {\"headline\": \"h\", "
                + "\"customerProblem\": \"p\", \"solution\": \"s\", \"targetDate\": \"2030-01-01\"}}");
        return JSON.readTree(created.body()).get("planId").asText();
    }

    /**
     * The plan's revision: the lines of its event export. Each export is read on a client of its own, because the
     * server may close the connection after streaming one, and a command sent next on that connection would fail.
     */
    private long head(String plan) throws Exception {
        HttpClient once = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return once.send(authorized("/api/plans/" + plan + "/events").build(), HttpResponse.BodyHandlers.ofString())
                .body().lines().filter(line -> !line.isBlank()).count();
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(authorized(path).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, "POST");
    }

    private HttpResponse<String> post(String path, String body, String method) throws Exception {
        HttpResponse<String> response = HTTP.send(authorized(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400 && response.statusCode() != 409) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private Connection connect() throws SQLException {
        return connect(jdbcUrl);
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, dbUser, dbPassword);
    }

    /** The URL of database {@code name} on the same PostgreSQL as {@link #jdbcUrl}, with the same parameters. */
    private String databaseUrl(String name) {
        Matcher url = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(.*)").matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalStateException("No database name to replace in " + jdbcUrl);
        }
        return url.group(1) + name + url.group(3);
    }

    private Connection[] connections(int count) throws SQLException {
        Connection[] connections = new Connection[count];
        for (int i = 0; i < count; i++) {
            connections[i] = connect();
        }
        return connections;
    }

    private static void close(Connection[] connections) throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
