-- Tamper evidence for the record of decisions: every event carries a hash chained to its plan's previous event,
-- computed in the appending transaction; recorded events can be neither changed nor deleted; seals are kept.
-- The canonical encoding is documented in the README's "Audit" section and implemented again, byte for byte, by
-- dev.backcast.query.audit.EventChain, which verifies it.

-- A field of the canonical encoding: its length as a 4-byte big-endian integer, then its bytes; NULL is FFFFFFFF.
CREATE FUNCTION audit_field(value bytea) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN '\xffffffff'::bytea ELSE int4send(length(value)) || value END
$$;

CREATE FUNCTION audit_canonical_event(aggregate_identifier text, sequence_number bigint, event_identifier text,
                                      type text, payload_type text, payload_revision text, payload bytea,
                                      meta_data bytea, time_stamp text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT audit_field(convert_to(aggregate_identifier, 'UTF8'))
        || audit_field(convert_to(sequence_number::text, 'UTF8'))
        || audit_field(convert_to(event_identifier, 'UTF8'))
        || audit_field(convert_to(type, 'UTF8'))
        || audit_field(convert_to(payload_type, 'UTF8'))
        || audit_field(convert_to(payload_revision, 'UTF8'))
        || audit_field(payload)
        || audit_field(meta_data)
        || audit_field(convert_to(time_stamp, 'UTF8'))
$$;

-- The chain hash of an event whose predecessor's chain hash is given; the first event of a plan follows 32 zero bytes.
CREATE FUNCTION audit_chain_hash(previous bytea, e domain_event_entry) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(coalesce(previous, decode(repeat('00', 32), 'hex'))
        || audit_canonical_event(e.aggregate_identifier, e.sequence_number, e.event_identifier, e.type,
                                 e.payload_type, e.payload_revision, e.payload, e.meta_data, e.time_stamp))
$$;

ALTER TABLE domain_event_entry ADD COLUMN chain_hash BYTEA;

DO $$
DECLARE
    event domain_event_entry;
    previous_plan text;
    previous bytea;
BEGIN
    FOR event IN SELECT * FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number LOOP
        IF previous_plan IS DISTINCT FROM event.aggregate_identifier THEN
            previous := NULL;
        END IF;
        previous := audit_chain_hash(previous, event);
        previous_plan := event.aggregate_identifier;
        UPDATE domain_event_entry SET chain_hash = previous WHERE global_index = event.global_index;
    END LOOP;
END;
$$;

ALTER TABLE domain_event_entry ALTER COLUMN chain_hash SET NOT NULL;

CREATE FUNCTION chain_domain_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous bytea;
BEGIN
    IF NEW.sequence_number > 0 THEN
        SELECT chain_hash INTO previous FROM domain_event_entry
         WHERE aggregate_identifier = NEW.aggregate_identifier AND sequence_number = NEW.sequence_number - 1;
        IF previous IS NULL THEN
            RAISE EXCEPTION 'event % of % has no recorded predecessor to chain to',
                NEW.sequence_number, NEW.aggregate_identifier;
        END IF;
    END IF;
    NEW.chain_hash := audit_chain_hash(previous, NEW);
    RETURN NEW;
END;
$$;

CREATE TRIGGER domain_event_entry_chain
    BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION chain_domain_event();

CREATE FUNCTION refuse_change_of_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: recorded decisions and seals are never changed or deleted', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();

CREATE TABLE audit_seal (
    seal_id   UUID        NOT NULL,
    taken_at  TIMESTAMPTZ NOT NULL,
    statement TEXT        NOT NULL,
    CONSTRAINT audit_seal_pkey PRIMARY KEY (seal_id)
);

CREATE INDEX audit_seal_taken_at_idx ON audit_seal (taken_at DESC);

CREATE TRIGGER audit_seal_append_only
    BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();

CREATE TRIGGER audit_seal_no_truncate
    BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();

CREATE OR REPLACE VIEW plan_event_log AS
SELECT e.aggregate_identifier::uuid                                        AS plan_id,
       e.sequence_number + 1                                               AS revision,
       regexp_replace(e.payload_type, '^.*\.', '')                         AS event_type,
       e.time_stamp::timestamptz                                           AS recorded_at,
       convert_from(e.meta_data, 'UTF8')::jsonb ->> 'author'               AS author,
       (convert_from(e.meta_data, 'UTF8')::jsonb ->> 'changeSetId')::uuid  AS change_set_id,
       convert_from(e.payload, 'UTF8')::jsonb                              AS payload,
       convert_from(e.meta_data, 'UTF8')::jsonb                            AS meta_data,
       e.global_index                                                      AS global_index,
       encode(e.chain_hash, 'hex')                                         AS chain_hash
  FROM domain_event_entry e
 WHERE e.type = 'PlanAggregate';

-- Database roles for least privilege (group roles without login; grant them to login roles):
--   backcast_writer   what the running server uses: it may append events but never change them;
--   backcast_analyst  reads plan_event_log and nothing else.
-- Creating roles needs CREATEROLE; where the migrating user lacks it, the roles are left to the administrator.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'backcast_writer') THEN
        CREATE ROLE backcast_writer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'backcast_analyst') THEN
        CREATE ROLE backcast_analyst NOLOGIN;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'Roles backcast_writer and backcast_analyst not created: the migrating user may not create roles';
END;
$$;

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'backcast_writer') THEN
        GRANT SELECT, INSERT ON domain_event_entry, audit_seal TO backcast_writer;
        GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot_event_entry, token_entry, idempotency_key, api_token
            TO backcast_writer;
        GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON plan_view, plan_revision, plan_checkpoint
            TO backcast_writer;
        GRANT SELECT ON plan_event_log, flyway_schema_history TO backcast_writer;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO backcast_writer;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'backcast_analyst') THEN
        GRANT SELECT ON plan_event_log TO backcast_analyst;
    END IF;
END;
$$;
