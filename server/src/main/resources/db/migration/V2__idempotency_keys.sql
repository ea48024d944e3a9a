-- The first answer to every write sent with an Idempotency-Key, stored in the same transaction as its events.
CREATE TABLE idempotency_key (
    principal       VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    plan_id         UUID         NOT NULL,
    status          INTEGER      NOT NULL,
    location        VARCHAR(1000),
    revision        BIGINT       NOT NULL,
    response        JSONB        NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_key_pkey PRIMARY KEY (principal, idempotency_key)
);
