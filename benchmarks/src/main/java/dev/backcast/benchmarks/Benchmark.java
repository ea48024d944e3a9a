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
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

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
              --server-jar=PATH    the server jar (default server/target/backcast.jar)
              --report=PATH        where to write the JSON report (default benchmarks/target/benchmark-report.json)
            An external PostgreSQL is used when BACKCAST_DB_URL, BACKCAST_DB_USER and BACKCAST_DB_PASSWORD are set.""";
    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password-not-a-demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final double seconds;
    private final List<Integer> histories;
    private final int organisation;
    private final Path serverJar;
    private final Path reportPath;
    private final Map<String, Object> raw = new LinkedHashMap<>();
    private final List<Map<String, Object>> figures = new ArrayList<>();
    private String jdbcUrl;
    private String dbUser;
    private String dbPassword;
    private String base;
    private String postgresVersion;
    private String token;
    private Process server;

    Benchmark(double seconds, List<Integer> histories, int organisation, Path serverJar, Path reportPath) {
        this.seconds = seconds;
        this.histories = histories;
        this.organisation = organisation;
        this.serverJar = serverJar;
        this.reportPath = reportPath;
    }

    public static void main(String[] args) throws Exception {
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
        Path jar = Path.of("server", "target", "backcast.jar");
        Path report = Path.of("benchmarks", "target", "benchmark-report.json");
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
            } else if (arg.startsWith("--server-jar=")) {
                jar = Path.of(arg.substring("--server-jar=".length()));
            } else if (arg.startsWith("--report=")) {
                report = Path.of(arg.substring("--report=".length()));
            } else {
                throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        return new Benchmark(seconds != null ? seconds : quick ? 3 : 10,
                histories != null ? histories : quick ? List.of(10, 100, 1000) : List.of(100, 1000, 10000),
                organisation != null ? organisation : quick ? 1000 : 10_000, jar, report);
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
        EmbeddedPostgres embedded = null;
        if (System.getenv("BACKCAST_DB_URL") != null) {
            jdbcUrl = System.getenv("BACKCAST_DB_URL");
            dbUser = System.getenv("BACKCAST_DB_USER");
            dbPassword = System.getenv("BACKCAST_DB_PASSWORD");
        } else {
            embedded = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "200").start();
            jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
            dbUser = "postgres";
            dbPassword = "";
        }
        try {
            postgresVersion = postgresVersion();
            baselines();
            startServer();
            measure();
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
        writeReport();
    }

    private void baselines() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // A schema of its own: the server's Flyway expects its schema empty or its own.
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

    private void startServer() throws Exception {
        startServer("UTC");
    }

    private void startServer(String timeZone) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("backcast-benchmark-server", ".log");
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", serverJar.toAbsolutePath().toString(), "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + dbUser,
                "--spring.datasource.password=" + dbPassword,
                "--backcast.users=" + USER + ":" + PASSWORD + ":PLANNER+ADMIN",
                "--backcast.audit.signing-key=" + sealSigningKey(), "--backcast.time-zone=" + timeZone)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
    }

    private void measure() throws Exception {
        // An endpoint that does no work shows what the HTTP driver itself can send.
        Load.Result idle = Load.run(16, seconds, Integer.MAX_VALUE, (client, call) -> get("/actuator/info"));
        raw.put("driverIdleEndpointRps16", idle.perSecond());

        List<String> plans = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            plans.add(createPlan("Throughput " + i));
        }
        Load.Result distinct = Load.run(16, seconds, Integer.MAX_VALUE, (client, call) ->
                post("/api/plans/" + plans.get(client) + "/questions", "{\"kind\": \"INTERNAL_FAQ\", \"text\": \"Q\"}"));
        figure("P1", "write throughput, distinct plans, 16 clients", distinct.perSecond(), "commands/s",
                (double) raw.get("rawInsertTps16"), "raw insert tps at 16", 0.5, true);

        String hot = createPlan("Hot plan");
        AtomicLong acknowledged = new AtomicLong();
        Load.Result hotLoad = Load.run(8, seconds, Integer.MAX_VALUE, (client, call) -> {
            if (post("/api/plans/" + hot + "/questions", "{\"kind\": \"INTERNAL_FAQ\", \"text\": \"Q\"}").statusCode() == 201) {
                acknowledged.incrementAndGet();
            }
        });
        long recorded = countLines("/api/plans/" + hot + "/events") - 1;
        raw.put("hotPlanAcknowledged", acknowledged.get());
        raw.put("hotPlanRecorded", recorded);
        figure("P1h", "hot plan, 8 clients on one plan (recorded " + recorded + " of " + acknowledged.get()
                        + " acknowledged)", recorded == acknowledged.get() ? hotLoad.perSecond() : 0, "commands/s",
                (double) raw.get("rawInsertTps8"), "raw insert tps at 8", 0.2, true);

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
        raw.put("commandP50MillisByHistory", commandP50);
        raw.put("timeTravelP50MillisByHistory", travelP50);
        int shortest = histories.get(0);
        int longest = histories.get(histories.size() - 1);
        figure("P2", "command p50 at " + longest + " events vs " + shortest, commandP50.get(longest), "ms",
                commandP50.get(shortest), "command p50 at " + shortest + " events", 1.5, false);
        figure("P3", "time travel p50 at " + longest + " events vs " + shortest, travelP50.get(longest), "ms",
                travelP50.get(shortest), "time travel p50 at " + shortest + " events", 3, false);

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

        String read = plans.get(0);
        Load.Result reads = Load.run(16, seconds, Integer.MAX_VALUE, (client, call) -> get("/api/plans/" + read));
        figure("P7", "GET /api/plans/{id} at 16 clients", reads.perSecond(), "requests/s",
                (double) raw.get("rawSelectTps16"), "raw primary-key select tps at 16", 0.5, true);

        organisationScale();
        dayChangeRefresh();

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

        long live = liveHeapAfterFullGc();
        figure("P6", "live heap after a full GC after the load (server -Xmx512m)", live / 1048576.0, "MiB",
                256, "target MiB", 1, false);
    }

    /**
     * P8 and P9: the first page of the plan list and the portfolio roll-up with about 100 plans in the store, then
     * with {@code organisation} plans, each filled through the API as a PMO's plan looks: a goal, a metric, five
     * chained milestones with a step each, the approval and one re-estimate.
     */
    private void organisationScale() throws Exception {
        String defaultList = "/api/plans?size=50";
        String lateFirst = "/api/plans?late=true&sort=lateByDays,desc&size=50";
        int small = Math.min(100, organisation);
        fillTo(small);
        double listSmall = Load.run(1, seconds, 50, (client, call) -> get(defaultList)).p50Millis();
        double lateSmall = Load.run(1, seconds, 50, (client, call) -> get(lateFirst)).p50Millis();
        double portfolioSmall = Load.run(1, seconds, 5, (client, call) -> get("/api/portfolio")).p50Millis();
        long filling = System.nanoTime();
        int added = fillTo(organisation);
        raw.put("organisationPlans", organisation);
        raw.put("organisationFillPlansPerSecond", added / ((System.nanoTime() - filling) / 1e9));
        double listLarge = Load.run(1, seconds, 50, (client, call) -> get(defaultList)).p50Millis();
        double lateLarge = Load.run(1, seconds, 50, (client, call) -> get(lateFirst)).p50Millis();
        double portfolioLarge = Load.run(1, seconds, 5, (client, call) -> get("/api/portfolio")).p50Millis();
        String onePlan = JSON.readTree(get(defaultList).body()).get("items").get(0).get("planId").asText();
        double planP50 = Load.run(1, seconds, 50, (client, call) -> get("/api/plans/" + onePlan)).p50Millis();
        raw.put("planListP50MillisByPlans", Map.of(small, listSmall, organisation, listLarge));
        raw.put("lateFirstP50MillisByPlans", Map.of(small, lateSmall, organisation, lateLarge));
        raw.put("portfolioP50MillisByPlans", Map.of(small, portfolioSmall, organisation, portfolioLarge));
        figure("P8", "first page of the plan list at " + organisation + " plans vs " + small, listLarge, "ms",
                listSmall, "the same at " + small + " plans", 1.5, false);
        figure("P8l", "late-first page of the plan list at " + organisation + " plans vs " + small, lateLarge, "ms",
                lateSmall, "the same at " + small + " plans", 1.5, false);
        figure("P9", "portfolio roll-up of all plans at " + organisation + " plans vs " + small, portfolioLarge, "ms",
                portfolioSmall, "the same at " + small + " plans", 2, false);
        figure("P9p", "portfolio roll-up at " + organisation + " plans vs one plan", portfolioLarge, "ms", planP50,
                "GET /api/plans/{id} p50", 10, false);
    }

    /**
     * P10: the server restarts in a zone where today is another day, so every open plan's forecast and days late are
     * brought to that day at start-up, from the stored plans, without reading an event.
     */
    private void dayChangeRefresh() throws Exception {
        java.time.LocalDate utcToday = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String zone = java.time.LocalDate.now(java.time.ZoneId.of("Pacific/Kiritimati")).equals(utcToday)
                ? "Pacific/Pago_Pago" : "Pacific/Kiritimati";
        server.destroy();
        server.waitFor();
        startServer(zone);
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
        figure("P10", "day-change refresh of " + done.get("plans").asLong() + " plans (no event read)", plansPerSecond,
                "plans/s", (double) raw.get("organisationFillPlansPerSecond"), "plans/s filled through the API",
                Double.NaN, true);
    }

    /** Adds plans from eight clients until the store holds {@code plans}; answers how many it added. */
    private int fillTo(int plans) throws Exception {
        int missing = plans - JSON.readTree(get("/api/plans?size=1").body()).get("total").asInt();
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
        while (JSON.readTree(get("/api/plans?size=1").body()).get("total").asInt() < plans) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The plan list did not reach " + plans + " plans");
            }
            Thread.sleep(200);
        }
        return missing;
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
        try (Connection connection = connect()) {
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

    private void figure(String id, String name, double value, String unit, double baseline, String baselineName,
                        double target, boolean atLeast) {
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
        System.out.printf("%n%-5s %-70s %14s %14s %8s %8s %s%n", "", "figure", "value", "baseline", "ratio", "target", "");
        for (Map<String, Object> figure : figures) {
            System.out.printf("%-5s %-70s %10.2f %-3s %14.2f %8.3f %8s %s%n", figure.get("figure"), figure.get("name"),
                    (double) figure.get("value"), unitShort((String) figure.get("unit")), (double) figure.get("baseline"),
                    (double) figure.get("ratio"), figure.get("target"), (boolean) figure.get("pass") ? "pass" : "FAIL");
        }
        System.out.println("\nRaw figures: " + raw + "\nReport: " + reportPath.toAbsolutePath());
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

    private long head(String plan) throws Exception {
        return countLines("/api/plans/" + plan + "/events");
    }

    private long countLines(String path) throws Exception {
        return get(path).body().lines().filter(line -> !line.isBlank()).count();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, "POST");
    }

    private HttpResponse<String> post(String path, String body, String method) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400 && response.statusCode() != 409) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
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
