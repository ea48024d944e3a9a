-- Plan lists are filtered, sorted and paged in SQL. The forecast goal date and the days late depend on today, so they
-- are kept as of a stated day: written with every event of the plan, and again for every open plan when the day
-- changes (rows without a day yet are filled in by the first refresh after this migration).
ALTER TABLE plan_view
    ADD COLUMN forecast_goal_date DATE,
    ADD COLUMN late_by_days       INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN figures_as_of      DATE;

CREATE INDEX plan_view_last_changed_idx ON plan_view (last_changed_at, plan_id);
CREATE INDEX plan_view_title_idx ON plan_view (lower(title) COLLATE "C", plan_id);
CREATE INDEX plan_view_target_date_idx ON plan_view (target_date, plan_id);
CREATE INDEX plan_view_forecast_idx ON plan_view (forecast_goal_date, plan_id);
CREATE INDEX plan_view_late_idx ON plan_view (late_by_days, plan_id);
CREATE INDEX plan_view_figures_as_of_idx ON plan_view (figures_as_of);
