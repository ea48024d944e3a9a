-- Axon's event store, token store and dead-letter queue, in snake_case; Axon is configured to use these names.

CREATE SEQUENCE domain_event_entry_global_index_seq INCREMENT 1 START 1;

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL DEFAULT nextval('domain_event_entry_global_index_seq'),
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_aggregate_sequence_key UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier_key UNIQUE (event_identifier)
);

ALTER SEQUENCE domain_event_entry_global_index_seq OWNED BY domain_event_entry.global_index;

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier_key UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment)
);
