package dev.backcast.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

/**
 * On an organisation whose slips follow known distributions, forecasts made at past moments meet their P50 about
 * half of the time and their P80 about four times in five, where the plain forecast, which assumes every lead time
 * holds, is met far less often.
 */
class CalibrationReportTest {

    @Test
    void calibrated_percentiles_are_met_about_as_often_as_they_promise() {
        List<CalibrationReport.Tally> tallies = new CalibrationReport(600, 1, Path.of("unused"), null).measure();

        CalibrationReport.Tally all = tallies.get(tallies.size() - 1);
        assertThat(all.forecasts()).isEqualTo(1200);
        assertThat(all.calibrated()).isGreaterThan(1000);
        assertThat(all.share(all.atOrBeforeP50())).isCloseTo(0.5, within(0.08));
        assertThat(all.share(all.atOrBeforeP80())).isCloseTo(0.8, within(0.08));
        assertThat(all.share(all.atOrBeforeP95())).isCloseTo(0.95, within(0.05));
        assertThat(all.share(all.atOrBeforePlain())).isLessThan(0.2);
    }

    @Test
    void unknown_options_are_refused() {
        assertThat(catchThrowable(() ->
                CalibrationReport.fromArguments(List.of("--plan=5")))).hasMessageContaining("--plan=5");
    }
}
