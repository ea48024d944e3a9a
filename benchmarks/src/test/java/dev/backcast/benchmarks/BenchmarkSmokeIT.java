package dev.backcast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark, with tiny sizes, produces a complete report; it asserts no timing. */
class BenchmarkSmokeIT {

    @Test
    void aTinyRunReportsEveryFigureWithItsBaselineAndRatio() throws Exception {
        Path report = Path.of("target", "smoke-report.json");

        List<String> arguments = new ArrayList<>(List.of("--seconds=0.5", "--history=5,20", "--organisation=110",
                "--warm-up=20", "--report=" + report));
        arguments.addAll(serverStartedAsTheServerTestsStartIt());
        Benchmark.fromArguments(arguments.toArray(String[]::new)).run();

        JsonNode written = new ObjectMapper().readTree(report.toFile());
        assertThat(written.get("cores").asInt()).isPositive();
        assertThat(written.get("postgresql").asText()).startsWith("17");
        assertThat(written.get("figures").findValuesAsText("figure"))
                .containsExactlyInAnyOrder("P1", "P1h", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P8l", "P9", "P9p", "P10", "P11");
        assertThat(written.get("figures")).allSatisfy(figure -> {
            assertThat(figure.get("value").asDouble()).as(figure.toString()).isPositive();
            assertThat(figure.get("baseline").asDouble()).as(figure.toString()).isPositive();
            assertThat(figure.get("ratio").asDouble()).as(figure.toString()).isPositive();
            assertThat(figure.has("pass")).isTrue();
        });
        assertThat(written.get("raw").get("hotPlanRecorded").asLong())
                .isEqualTo(written.get("raw").get("hotPlanAcknowledged").asLong());
        assertThat(written.get("raw").get("measuringRoundsByPlans")).hasSize(2)
                .allSatisfy(rounds -> assertThat(rounds.asInt()).isBetween(2, 5));
        assertThat(written.get("raw").get("generatorCeilingRps16").asDouble()).isPositive();
        assertThat(written.get("raw").get("generatorCeilingRps8").asDouble()).isPositive();
        assertThat(written.get("figures")).filteredOn(figure -> figure.has("generatorCeiling"))
                .extracting(figure -> figure.get("figure").asText()).containsExactlyInAnyOrder("P1", "P1h", "P7");
        assertThat(written.get("figures")).filteredOn(figure -> figure.has("generatorCeiling"))
                .allSatisfy(figure -> {
                    assertThat(figure.get("generatorCeiling").asDouble()).as(figure.toString()).isPositive();
                    assertThat(figure.has("unexpectedAnswers")).as(figure.toString()).isFalse();
                });
    }

    /**
     * The server's integration tests, run just before in a whole build, leave the jar extracted with a
     * class-data-sharing archive; starting from them takes about half as long. When they are missing, or older than
     * the jar, the jar is started as it is.
     */
    private static List<String> serverStartedAsTheServerTestsStartIt() throws IOException {
        Path jar = Path.of("..", "server", "target", "backcast.jar").toAbsolutePath().normalize();
        Path extracted = jar.resolveSibling("server-extracted");
        Path archive = extracted.resolve("backcast.jsa");
        if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            return List.of("--server-jar=" + extracted.resolve("backcast.jar"), "--server-archive=" + archive);
        }
        return List.of("--server-jar=" + jar);
    }

    /**
     * The example plans replayed through a real server's forecast API: the achieved plan is forecast as of its
     * approval and each later revision, and none of those forecasts is calibrated, as the examples hold fewer than
     * 30 reference milestones.
     */
    @Test
    void theExamplePlansAreReplayedThroughTheForecastApi() throws Exception {
        List<CalibrationReport.Tally> tallies = new CalibrationReport(2, 1, Path.of("target", "unused.json"),
                Path.of("../server/target/backcast.jar")).measureExamplePlans();

        assertThat(tallies).extracting(CalibrationReport.Tally::moment).containsExactly("approval", "later");
        assertThat(tallies.get(0).forecasts()).isEqualTo(1);
        assertThat(tallies.get(1).forecasts()).isPositive();
        assertThat(tallies).allSatisfy(tally -> assertThat(tally.calibrated()).isZero());
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThatThrownBy(() -> Benchmark.fromArguments("--fast")).hasMessageContaining("Unknown option: --fast");
    }
}
