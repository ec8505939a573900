-- The effects the test consumers write, in the same transaction as their inbox row.
CREATE TABLE test_effects (
    message_id uuid NOT NULL,
    partition  text NOT NULL,
    number     integer NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
