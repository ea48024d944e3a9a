-- Lists, counts and the portfolio read plans of record only (branch_of IS NULL). Indexes limited the same way let
-- a count of late plans, or a first page, be answered from the index alone, as before branches existed.
DROP INDEX plan_view_last_changed_idx;
CREATE INDEX plan_view_last_changed_idx ON plan_view (last_changed_at, plan_id) WHERE branch_of IS NULL;
DROP INDEX plan_view_title_idx;
CREATE INDEX plan_view_title_idx ON plan_view (lower(title) COLLATE "C", plan_id) WHERE branch_of IS NULL;
DROP INDEX plan_view_target_date_idx;
CREATE INDEX plan_view_target_date_idx ON plan_view (target_date, plan_id) WHERE branch_of IS NULL;
DROP INDEX plan_view_forecast_idx;
CREATE INDEX plan_view_forecast_idx ON plan_view (forecast_goal_date, plan_id) WHERE branch_of IS NULL;
DROP INDEX plan_view_late_idx;
CREATE INDEX plan_view_late_idx ON plan_view (late_by_days, plan_id) WHERE branch_of IS NULL;
DROP INDEX plan_view_at_risk_idx;
CREATE INDEX plan_view_at_risk_idx ON plan_view (late_by_days DESC, plan_id) INCLUDE (title)
    WHERE status IN ('DRAFT', 'ACTIVE') AND late_by_days > 0 AND branch_of IS NULL;
