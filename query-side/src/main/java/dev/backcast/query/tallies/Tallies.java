package dev.backcast.query.tallies;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The counts the read models keep as tallies (see the V21 migration): plans of record per portfolio, status and
 * lateness; the organisation's milestones per slip; its due-date moves per reason. Triggers append the difference
 * each write makes, so two writers never wait for each other; a tally is read as the sum of its rows per key, and
 * summing the appended rows into one per key keeps that read as short as the number of keys.
 */
@Component
public class Tallies {

    /** Each tally: its table, its key columns and its counted columns. */
    private record Tally(String table, String keys, List<String> counts) {

        String compaction() {
            String sums = String.join(", ", counts.stream().map(count -> "sum(" + count + ")").toList());
            String anyLeft = String.join(" OR ", counts.stream().map(count -> "sum(" + count + ") <> 0").toList());
            return """
                    WITH summed AS (DELETE FROM %1$s RETURNING *)
                    INSERT INTO %1$s (%2$s, %3$s)
                    SELECT %2$s, %4$s FROM summed GROUP BY %2$s HAVING %5$s""".formatted(table, keys,
                    String.join(", ", counts), sums, anyLeft);
        }
    }

    private static final List<Tally> TALLIES = List.of(
            new Tally("plan_tally", "portfolio, status, late", List.of("plans")),
            new Tally("portfolio_slip_tally", "slip", List.of("reached", "on_time", "milestones")),
            new Tally("portfolio_move_tally", "reason_category", List.of("moves", "days")));

    private final JdbcTemplate jdbc;

    Tallies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces each tally's rows with their sums per key, leaving out keys that sum to nothing. Rows appended meanwhile
     * are not seen and stay; two processes doing this at once each sum the rows they deleted, so every row counts once.
     */
    @Transactional
    public void compact() {
        TALLIES.stream().filter(this::holdsRowsToSum).forEach(tally -> jdbc.update(tally.compaction()));
    }

    /** Whether some key has more than one row: a tally already summed is left as it is, not rewritten. */
    private boolean holdsRowsToSum(Tally tally) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT count(*) > count(DISTINCT (%s)) FROM %s"
                .formatted(tally.keys(), tally.table()), Boolean.class));
    }
}
