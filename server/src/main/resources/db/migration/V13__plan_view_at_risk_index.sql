-- The portfolio's plans at risk, the latest first, and how many there are, without reading every plan's row.
CREATE INDEX plan_view_at_risk_idx ON plan_view (late_by_days DESC, plan_id) INCLUDE (title)
    WHERE status IN ('DRAFT', 'ACTIVE') AND late_by_days > 0;
