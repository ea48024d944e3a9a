-- A simple view over one table is updatable in PostgreSQL; the record of decisions must not be changed through it.
CREATE FUNCTION plan_event_log_is_read_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'plan_event_log is read-only: the record of decisions is changed only by recording new decisions';
END;
$$;

CREATE TRIGGER plan_event_log_read_only
    INSTEAD OF INSERT OR UPDATE OR DELETE ON plan_event_log
    FOR EACH ROW EXECUTE FUNCTION plan_event_log_is_read_only();
