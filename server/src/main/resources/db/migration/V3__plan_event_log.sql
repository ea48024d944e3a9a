-- A read-only view of every plan's history for analysts' SQL: one row per event, payload and metadata as jsonb.
CREATE VIEW plan_event_log AS
SELECT e.aggregate_identifier::uuid                                        AS plan_id,
       e.sequence_number + 1                                               AS revision,
       regexp_replace(e.payload_type, '^.*\.', '')                         AS event_type,
       e.time_stamp::timestamptz                                           AS recorded_at,
       convert_from(e.meta_data, 'UTF8')::jsonb ->> 'author'               AS author,
       (convert_from(e.meta_data, 'UTF8')::jsonb ->> 'changeSetId')::uuid  AS change_set_id,
       convert_from(e.payload, 'UTF8')::jsonb                              AS payload,
       convert_from(e.meta_data, 'UTF8')::jsonb                            AS meta_data,
       e.global_index                                                      AS global_index
  FROM domain_event_entry e
 WHERE e.type = 'PlanAggregate';
