-- Axon's sequenced dead-letter queue for the projections, in snake_case: an event a projection cannot handle is
-- parked here with the rest of its plan's events, so the other plans go on; an administrator retries or skips it.
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_key UNIQUE (processing_group, sequence_identifier, sequence_index)
);

CREATE INDEX dead_letter_entry_processing_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence_idx ON dead_letter_entry (processing_group, sequence_identifier);

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'backcast_writer') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON dead_letter_entry TO backcast_writer;
    END IF;
END;
$$;
