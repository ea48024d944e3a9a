-- Counts that lists and the roll-up would otherwise take over every plan or fact of the organisation, kept as
-- tallies: plans of record per portfolio, status and lateness (the list's total and the roll-up's counts); per slip,
-- the milestones of approved plans reached, reached on time and with an outcome to count in the slip statistics; per
-- reason, the due-date moves and their days. Triggers on the read-model tables append the difference each write
-- makes, so every way a row is written (an event, the day-change refresh, a rebuild) keeps them, in the same
-- transaction. Rows are only ever appended, so projection segments writing at once never wait for each other; the
-- server sums them from time to time into one row per key. A tally is read as the sum of its rows per key.
CREATE TABLE plan_tally (
    portfolio VARCHAR(200),
    status    VARCHAR(20) NOT NULL,
    late      SMALLINT    NOT NULL,
    plans     BIGINT      NOT NULL
);

-- late is the sign of late_by_days: the list's late=true is 1, late=false is 0. A row trigger, and on update only when
-- a counted column changed: most writes of a plan change none, and a statement trigger would copy each row's whole
-- state into its transition tables.
CREATE FUNCTION plan_view_tallied() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.branch_of IS NULL THEN
            INSERT INTO plan_tally (portfolio, status, late, plans)
            VALUES (OLD.portfolio, OLD.status, sign(OLD.late_by_days), -1);
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.branch_of IS NULL THEN
            INSERT INTO plan_tally (portfolio, status, late, plans)
            VALUES (NEW.portfolio, NEW.status, sign(NEW.late_by_days), 1);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER plan_view_tallied AFTER INSERT OR DELETE ON plan_view
    FOR EACH ROW EXECUTE FUNCTION plan_view_tallied();
CREATE TRIGGER plan_view_retallied AFTER UPDATE ON plan_view
    FOR EACH ROW WHEN (OLD.portfolio IS DISTINCT FROM NEW.portfolio OR OLD.status IS DISTINCT FROM NEW.status
                       OR sign(OLD.late_by_days) IS DISTINCT FROM sign(NEW.late_by_days)
                       OR OLD.branch_of IS DISTINCT FROM NEW.branch_of)
    EXECUTE FUNCTION plan_view_tallied();

CREATE TABLE portfolio_slip_tally (
    slip       INTEGER NOT NULL,
    reached    BIGINT  NOT NULL,
    on_time    BIGINT  NOT NULL,
    milestones BIGINT  NOT NULL
);

CREATE TABLE portfolio_move_tally (
    reason_category VARCHAR(20) NOT NULL,
    moves           BIGINT      NOT NULL,
    days            BIGINT      NOT NULL
);

-- What one milestone fact adds to the tally, counted -1 for a fact removed and 1 for a fact added (no row for a
-- milestone without an approved due date or a slip), with the roll-up's definitions: reached, reached on time (slip
-- of at most 0 days), and counted in the slip statistics when not removed and reached or forecast.
CREATE FUNCTION portfolio_slip_counts(fact portfolio_milestone, sign INTEGER, OUT slip INTEGER, OUT reached INTEGER,
                                      OUT on_time INTEGER, OUT milestones INTEGER)
    RETURNS SETOF RECORD LANGUAGE sql IMMUTABLE AS $$
    SELECT fact.slip_against_approved,
           sign * (fact.reached_on IS NOT NULL)::INTEGER,
           sign * (fact.reached_on IS NOT NULL AND fact.slip_against_approved <= 0)::INTEGER,
           sign * (NOT fact.removed AND coalesce(fact.reached_on, fact.forecast) IS NOT NULL)::INTEGER
     WHERE fact.approved_due IS NOT NULL AND fact.slip_against_approved IS NOT NULL
$$;

-- An update nets its old and new rows per slip, so a fact whose slip bucket did not change adds nothing.
CREATE FUNCTION portfolio_milestone_tallied() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO portfolio_slip_tally (slip, reached, on_time, milestones)
        SELECT c.slip, sum(c.reached), sum(c.on_time), sum(c.milestones)
          FROM added f, portfolio_slip_counts(f, 1) c GROUP BY 1;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO portfolio_slip_tally (slip, reached, on_time, milestones)
        SELECT c.slip, sum(c.reached), sum(c.on_time), sum(c.milestones)
          FROM removed f, portfolio_slip_counts(f, -1) c GROUP BY 1;
    ELSE
        INSERT INTO portfolio_slip_tally (slip, reached, on_time, milestones)
        SELECT c.slip, sum(c.reached), sum(c.on_time), sum(c.milestones)
          FROM (SELECT c.* FROM removed f, portfolio_slip_counts(f, -1) c
                UNION ALL
                SELECT c.* FROM added f, portfolio_slip_counts(f, 1) c) c
         GROUP BY 1
        HAVING sum(c.reached) <> 0 OR sum(c.on_time) <> 0 OR sum(c.milestones) <> 0;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER portfolio_milestone_inserted AFTER INSERT ON portfolio_milestone
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION portfolio_milestone_tallied();
CREATE TRIGGER portfolio_milestone_deleted AFTER DELETE ON portfolio_milestone
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION portfolio_milestone_tallied();
CREATE TRIGGER portfolio_milestone_updated AFTER UPDATE ON portfolio_milestone
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION portfolio_milestone_tallied();

-- A move recorded without a reason counts as OTHER; moves of the target date are not due-date moves.
CREATE FUNCTION portfolio_move_tallied() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO portfolio_move_tally (reason_category, moves, days)
        SELECT coalesce(reason_category, 'OTHER'), count(*), sum(days) FROM added WHERE NOT target_date GROUP BY 1;
    ELSE
        INSERT INTO portfolio_move_tally (reason_category, moves, days)
        SELECT coalesce(reason_category, 'OTHER'), -count(*), -sum(days) FROM removed WHERE NOT target_date GROUP BY 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER portfolio_move_inserted AFTER INSERT ON portfolio_move
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION portfolio_move_tallied();
CREATE TRIGGER portfolio_move_deleted AFTER DELETE ON portfolio_move
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION portfolio_move_tallied();

-- Moves are never changed once recorded; a change would have to be tallied too.
CREATE FUNCTION portfolio_move_unchanged() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a recorded move is not changed: delete it and record the new one';
END;
$$;
CREATE TRIGGER portfolio_move_updated BEFORE UPDATE ON portfolio_move
    FOR EACH STATEMENT EXECUTE FUNCTION portfolio_move_unchanged();

-- The plans whose target date moved most: read from the moves of target dates alone, not from every move.
CREATE INDEX portfolio_move_target_date_idx ON portfolio_move (plan_id) INCLUDE (recorded_at, days) WHERE target_date;

INSERT INTO plan_tally (portfolio, status, late, plans)
SELECT portfolio, status, sign(late_by_days), count(*) FROM plan_view WHERE branch_of IS NULL GROUP BY 1, 2, 3;
INSERT INTO portfolio_slip_tally (slip, reached, on_time, milestones)
SELECT c.slip, sum(c.reached), sum(c.on_time), sum(c.milestones)
  FROM portfolio_milestone f, portfolio_slip_counts(f, 1) c GROUP BY 1;
INSERT INTO portfolio_move_tally (reason_category, moves, days)
SELECT coalesce(reason_category, 'OTHER'), count(*), sum(days) FROM portfolio_move WHERE NOT target_date GROUP BY 1;

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'backcast_writer') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON plan_tally, portfolio_slip_tally, portfolio_move_tally
            TO backcast_writer;
    END IF;
END;
$$;
