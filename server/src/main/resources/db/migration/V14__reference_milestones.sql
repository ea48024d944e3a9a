-- The organisation's record that calibrated forecasts draw on, kept by the plans projection: per milestone, its first
-- plan (lead time and start-by when the plan was approved, or when it was added later) and what it really took (days
-- of its plan's calendar from when it could start, its start-by or its last predecessor's reaching if later, to its
-- reaching); per plan whether it is example data and when it was closed. Recorded instants let a forecast as of a past
-- moment use only what was known then.
CREATE TABLE reference_milestone (
    plan_id             UUID        NOT NULL,
    milestone_id        UUID        NOT NULL,
    planned_at          TIMESTAMPTZ NOT NULL,
    planned_lead_days   INTEGER     NOT NULL,
    planned_start_by    DATE        NOT NULL,
    reached_on          DATE,
    reached_recorded_at TIMESTAMPTZ,
    actual_days         INTEGER,
    CONSTRAINT reference_milestone_pkey PRIMARY KEY (plan_id, milestone_id)
);

CREATE TABLE reference_plan (
    plan_id   UUID        NOT NULL,
    demo      BOOLEAN     NOT NULL,
    closed_at TIMESTAMPTZ,
    CONSTRAINT reference_plan_pkey PRIMARY KEY (plan_id)
);

-- A read model added to a database that already holds plans is only filled by replaying their events.
CREATE TABLE read_model_rebuild_request (
    projection   VARCHAR(100) NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT read_model_rebuild_request_pkey PRIMARY KEY (projection)
);
INSERT INTO read_model_rebuild_request (projection, reason)
SELECT 'plans', 'The reference class of calibrated forecasts is filled from the recorded events'
 WHERE EXISTS (SELECT FROM plan_view);

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'backcast_writer') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON reference_milestone, reference_plan,
            read_model_rebuild_request TO backcast_writer;
    END IF;
END;
$$;
