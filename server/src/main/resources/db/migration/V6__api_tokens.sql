-- API tokens for scripts: only their SHA-256 hash is kept; the token itself is shown once, when it is created.
CREATE TABLE api_token (
    token_id     UUID         NOT NULL,
    owner        VARCHAR(200) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    token_hash   CHAR(64)     NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    CONSTRAINT api_token_pkey PRIMARY KEY (token_id),
    CONSTRAINT api_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX api_token_owner_idx ON api_token (owner);
