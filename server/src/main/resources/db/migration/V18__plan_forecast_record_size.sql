-- How many reference milestones the record held when a plan's forecast was made: an uncalibrated forecast is made
-- again as soon as the record holds another number, whatever the instants its rows carry or when they committed.
ALTER TABLE plan_forecast ADD COLUMN record_size INTEGER NOT NULL DEFAULT 0;
