-- Each open plan's calibrated forecast as of a day, so the portfolio can rank plans by their chance of missing the
-- target without simulating every plan on every request. Derived from plan_view and the reference record, brought to
-- the plan's revision and the day by a scheduled refresh; not a projection of events.
CREATE TABLE plan_forecast (
    plan_id                       UUID             NOT NULL,
    revision                      BIGINT           NOT NULL,
    as_of                         DATE             NOT NULL,
    computed_at                   TIMESTAMPTZ      NOT NULL,
    calibrated                    BOOLEAN          NOT NULL,
    reference_size                INTEGER          NOT NULL,
    probability_of_meeting_target DOUBLE PRECISION,
    p50                           DATE,
    p80                           DATE,
    p95                           DATE,
    CONSTRAINT plan_forecast_pkey PRIMARY KEY (plan_id)
);
CREATE INDEX plan_forecast_ranking_idx ON plan_forecast (probability_of_meeting_target, plan_id) WHERE calibrated;

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'backcast_writer') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON plan_forecast TO backcast_writer;
    END IF;
END;
$$;
