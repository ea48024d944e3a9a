-- The processes that run projections, with when each was last seen alive, so that they can share the projections'
-- segments fairly: a process holding more than its share releases the extra ones for the others to claim.
CREATE TABLE projection_node (
    node_id   VARCHAR(255) NOT NULL,
    last_seen TIMESTAMPTZ  NOT NULL,
    CONSTRAINT projection_node_pkey PRIMARY KEY (node_id)
);

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'backcast_writer') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON projection_node TO backcast_writer;
    END IF;
END;
$$;
