package dev.backcast.query.calendars;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.Schedule;
import dev.backcast.query.plans.PlanStateJson;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Plans as iCalendar (RFC 5545): one all-day event per milestone due date and per target date. Each event's UID is
 * its milestone's (or the plan's target date's) own, so a subscribed calendar updates it in place; its SEQUENCE is the
 * revision that last moved the date, so it grows with every move; the description names that move's reason.
 */
@Component
public class PlanCalendars {

    private static final String OPEN = "pv.status IN ('DRAFT', 'ACTIVE')";

    private final NamedParameterJdbcTemplate jdbc;
    private final PlanStateJson json;
    private final Clock clock;

    public PlanCalendars(NamedParameterJdbcTemplate jdbc, PlanStateJson json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The date the last move left a milestone or target date at: which revision moved it, and why. */
    private record LastMove(long revision, String reasonCategory) {
    }

    /** One plan's calendar; empty when there is no such plan in the read model. */
    @Transactional(readOnly = true)
    public byte[] plan(UUID planId, URI site) {
        return write("Backcast: plans", "pv.plan_id = :plan", new MapSqlParameterSource("plan", planId), site);
    }

    /** The calendar of every open plan of record of a portfolio, or of all portfolios. */
    @Transactional(readOnly = true)
    public byte[] portfolio(String portfolio, URI site) {
        return write(portfolio == null ? "Backcast: all portfolios" : "Backcast: " + portfolio,
                OPEN + " AND pv.branch_of IS NULL AND (CAST(:portfolio AS VARCHAR) IS NULL OR pv.portfolio = :portfolio)",
                new MapSqlParameterSource("portfolio", portfolio), site);
    }

    private byte[] write(String name, String plans, MapSqlParameterSource parameters, URI site) {
        Map<String, LastMove> moves = new HashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (mv.plan_id, mv.subject_id) mv.plan_id, mv.subject_id, mv.revision,
                       mv.reason_category
                  FROM portfolio_move mv JOIN plan_view pv USING (plan_id)
                 WHERE %s
                 ORDER BY mv.plan_id, mv.subject_id, mv.revision DESC""".formatted(plans), parameters, row -> {
            moves.put(key(row.getObject("plan_id", UUID.class), row.getObject("subject_id", UUID.class)),
                    new LastMove(row.getLong("revision"), row.getString("reason_category")));
        });
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Backcast//Working Backwards plans//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new XProperty("X-WR-CALNAME", name));
        LocalDate today = LocalDate.now(clock);
        jdbc.query("SELECT pv.state, pv.last_changed_at FROM plan_view pv WHERE " + plans + " ORDER BY pv.plan_id",
                parameters, row -> {
                    PlanState plan = json.read(row.getString("state"));
                    Instant changed = row.getTimestamp("last_changed_at").toInstant();
                    addEvents(calendar, plan, BackwardScheduler.schedule(plan, today), changed, moves, site);
                });
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try {
            new CalendarOutputter(false).output(calendar, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written.toByteArray();
    }

    /** A date's identity: milestone ids are only unique within their plan. */
    private static String key(UUID planId, UUID subjectId) {
        return planId + "-" + (planId.equals(subjectId) ? "target" : subjectId);
    }

    private static void addEvents(Calendar calendar, PlanState plan, Schedule schedule, Instant changed,
                                  Map<String, LastMove> moves, URI site) {
        URI page = site.resolve("/plans/" + plan.planId());
        String target = key(plan.planId(), plan.planId());
        calendar.add(event(plan.targetDate(), plan.title() + ": target date", target,
                "The day the press release is published: " + plan.goal().headline() + ".", moves.get(target),
                changed, page));
        for (Milestone milestone : plan.milestones().values()) {
            LocalDate due = schedule.milestones().get(milestone.id()).due();
            String state = milestone.reached() ? "Reached on " + milestone.reachedOn() + ". " : "";
            String date = key(plan.planId(), milestone.id());
            calendar.add(event(due, plan.title() + ": " + milestone.name() + " due", date,
                    state + "Due in the plan \"" + plan.title() + "\"" + (milestone.owner() == null ? ""
                            : "; owner " + milestone.owner()) + ".", moves.get(date), changed, page));
        }
    }

    private static VEvent event(LocalDate day, String summary, String uid, String description, LastMove lastMove,
                                Instant changed, URI page) {
        String moved = lastMove == null ? " No move of this date is recorded (moves count from approval)."
                : " Last moved in revision " + lastMove.revision() + ", reason: "
                + (lastMove.reasonCategory() == null ? "none given" : lastMove.reasonCategory()) + ".";
        return new VEvent(day, summary)
                .add(new Uid(uid + "@backcast"))
                .add(new Sequence(lastMove == null ? 0 : (int) Math.min(Integer.MAX_VALUE, lastMove.revision())))
                .add(new LastModified(changed))
                .add(new Url(page))
                .add(new Description(description + moved + " " + page));
    }
}
