-- Check pipeline (fan-out, per-offer checks, run closing).

-- A run is finished when the fan-out has enqueued everything and every check has reported; the fan-out
-- stamps this when it has set total_count, so an early-finishing check cannot close the run too soon.
ALTER TABLE inventory_execution_logs ADD COLUMN fan_out_completed_at timestamptz;

-- The Hangfire id of the delayed check scheduled for just after a known auction end, so a new end time
-- replaces the earlier job instead of adding another.
ALTER TABLE inventory_management ADD COLUMN end_check_job_id text;

-- What the last failed check said, for the offer list and error triage.
ALTER TABLE inventory_management ADD COLUMN last_error text;
