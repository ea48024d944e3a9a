-- The portfolio counts plans of record by status, for the organisation or one portfolio; this index answers both
-- without reading the plans' rows (a scan of every row of plan_view took most of the roll-up's time at 10,000 plans).
CREATE INDEX plan_view_portfolio_status_idx ON plan_view (portfolio, status) WHERE branch_of IS NULL;
