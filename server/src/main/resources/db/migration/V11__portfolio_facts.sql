-- What the portfolio roll-up aggregates in SQL, kept by the plans projection with the definitions of the timeline
-- (PlanTimeline): per milestone, removed ones included, its first planned, approved and current due dates, forecast,
-- the day it was reached and its slip against the approved baseline; per plan the first planned target date and the
-- goal's slip against it; one row per move of a due date or of the target date after approval. Forecasts and slips
-- of unreached milestones depend on today: they are as of plan_view.figures_as_of.
CREATE TABLE portfolio_milestone (
    plan_id               UUID    NOT NULL,
    milestone_id          UUID    NOT NULL,
    first_planned_due     DATE,
    approved_due          DATE,
    current_due           DATE,
    forecast              DATE,
    reached_on            DATE,
    removed               BOOLEAN NOT NULL,
    slip_against_approved INTEGER,
    CONSTRAINT portfolio_milestone_pkey PRIMARY KEY (plan_id, milestone_id)
);

CREATE TABLE portfolio_plan (
    plan_id              UUID NOT NULL,
    first_planned_target DATE,
    goal_slip_days       INTEGER,
    CONSTRAINT portfolio_plan_pkey PRIMARY KEY (plan_id)
);
CREATE INDEX portfolio_plan_slip_idx ON portfolio_plan (goal_slip_days);

-- subject_id is the milestone whose due date moved, or the plan itself for a move of its target date.
CREATE TABLE portfolio_move (
    plan_id         UUID         NOT NULL,
    revision        BIGINT       NOT NULL,
    subject_id      UUID         NOT NULL,
    target_date     BOOLEAN      NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    days            INTEGER      NOT NULL,
    reason_category VARCHAR(20),
    CONSTRAINT portfolio_move_pkey PRIMARY KEY (plan_id, revision, subject_id)
);
CREATE INDEX portfolio_move_recorded_idx ON portfolio_move (recorded_at);

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'backcast_writer') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON portfolio_milestone, portfolio_plan, portfolio_move
            TO backcast_writer;
    END IF;
END;
$$;
