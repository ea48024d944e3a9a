-- What-if branches are plans of their own whose first event names the plan of record they were drawn from. Their
-- rows let every per-plan read work on them; lists, the portfolio and the forecasts' record leave them out.
ALTER TABLE plan_view ADD COLUMN branch_of UUID;
CREATE INDEX plan_view_branch_of_idx ON plan_view (branch_of, plan_id) WHERE branch_of IS NOT NULL;

-- The analysts' log of decisions holds the plans of record only: a branch's stream starts with PlanBranched.
CREATE OR REPLACE VIEW plan_event_log AS
SELECT e.aggregate_identifier::uuid                                        AS plan_id,
       e.sequence_number + 1                                               AS revision,
       regexp_replace(e.payload_type, '^.*\.', '')                         AS event_type,
       e.time_stamp::timestamptz                                           AS recorded_at,
       convert_from(e.meta_data, 'UTF8')::jsonb ->> 'author'               AS author,
       (convert_from(e.meta_data, 'UTF8')::jsonb ->> 'changeSetId')::uuid  AS change_set_id,
       convert_from(e.payload, 'UTF8')::jsonb                              AS payload,
       convert_from(e.meta_data, 'UTF8')::jsonb                            AS meta_data,
       e.global_index                                                      AS global_index,
       encode(e.chain_hash, 'hex')                                         AS chain_hash
  FROM domain_event_entry e
 WHERE e.type = 'PlanAggregate'
   AND NOT EXISTS (SELECT 1 FROM domain_event_entry first
                    WHERE first.aggregate_identifier = e.aggregate_identifier
                      AND first.sequence_number = 0
                      AND first.payload_type = 'dev.backcast.plan.branches.PlanBranched');
