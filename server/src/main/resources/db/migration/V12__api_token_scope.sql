-- A token may be limited to reading: such a token can be put in a calendar subscription's URL.
ALTER TABLE api_token ADD COLUMN scope VARCHAR(10) NOT NULL DEFAULT 'all';
ALTER TABLE api_token ADD CONSTRAINT api_token_scope_check CHECK (scope IN ('all', 'read'));
