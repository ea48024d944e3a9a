package dev.backcast.query.plans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** When this process last brought plans' today-dependent figures to a new day. */
@RestController
@Tag(name = "Administration")
public class DailyFiguresController {

    private final DailyFigures figures;

    public DailyFiguresController(DailyFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/admin/daily-figures")
    @Operation(summary = "The last daily refresh of plan figures in this process", description = "The day the "
            + "forecasts and days late were brought to, how many plans, how long it took and when it finished; "
            + "204 when no plan needed it since the process started.")
    public ResponseEntity<DailyFigures.Refresh> last() {
        DailyFigures.Refresh last = figures.last();
        return last == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(last);
    }
}
