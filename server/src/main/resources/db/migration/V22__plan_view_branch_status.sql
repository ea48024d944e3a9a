-- A what-if branch's status beside its row. The day-change refresh brings every open plan's forecast and days late to
-- the new day; a merged or discarded branch is read-only, so its figures stay as of the day it was closed instead of
-- being scheduled again every night for as long as the organisation keeps its history.
ALTER TABLE plan_view ADD COLUMN branch_status VARCHAR(20);
UPDATE plan_view SET branch_status = state::jsonb -> 'branch' ->> 'status' WHERE branch_of IS NOT NULL;
