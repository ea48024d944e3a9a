-- The current plan per plan id: its state as folded by PlanState.evolve, and the columns lists filter and sort on.
CREATE TABLE plan_view (
    plan_id          UUID         NOT NULL,
    revision         BIGINT       NOT NULL,
    title            VARCHAR(200) NOT NULL,
    portfolio        VARCHAR(200),
    status           VARCHAR(20)  NOT NULL,
    target_date      DATE         NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    created_by       VARCHAR(200),
    last_changed_at  TIMESTAMPTZ  NOT NULL,
    last_changed_by  VARCHAR(200),
    -- JSON kept as text: jsonb reorders object keys, and the order elements were added in is part of the plan.
    state            TEXT         NOT NULL,
    CONSTRAINT plan_view_pkey PRIMARY KEY (plan_id)
);
CREATE INDEX plan_view_portfolio_idx ON plan_view (portfolio);
CREATE INDEX plan_view_status_idx ON plan_view (status);

-- One entry per event of every plan: what changed, why, and what it did to the due dates.
CREATE TABLE plan_revision (
    plan_id            UUID          NOT NULL,
    revision           BIGINT        NOT NULL,
    global_index       BIGINT        NOT NULL,
    recorded_at        TIMESTAMPTZ   NOT NULL,
    author             VARCHAR(200),
    correlation_id     VARCHAR(100),
    change_set_id      UUID,
    change_set_message TEXT,
    event_type         VARCHAR(100)  NOT NULL,
    summary            TEXT          NOT NULL,
    reason_category    VARCHAR(20),
    reason_note        TEXT,
    changes            JSONB         NOT NULL,
    due_date_effects   JSONB         NOT NULL,
    CONSTRAINT plan_revision_pkey PRIMARY KEY (plan_id, revision)
);
CREATE INDEX plan_revision_recorded_idx ON plan_revision (plan_id, recorded_at);

-- The state of each plan every few hundred revisions, so time travel folds only the events after the nearest one.
CREATE TABLE plan_checkpoint (
    plan_id         UUID         NOT NULL,
    revision        BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      VARCHAR(200),
    recorded_at     TIMESTAMPTZ  NOT NULL,
    recorded_by     VARCHAR(200),
    state           TEXT         NOT NULL,
    CONSTRAINT plan_checkpoint_pkey PRIMARY KEY (plan_id, revision)
);
CREATE INDEX plan_checkpoint_recorded_idx ON plan_checkpoint (plan_id, recorded_at);
