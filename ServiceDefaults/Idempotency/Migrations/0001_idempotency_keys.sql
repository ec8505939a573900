-- Idempotency keys (the Idempotency-Key request header): recorded in the same transaction as what the request
-- created, so a request sent again after a timeout finds it and changes nothing. Only hashes are kept, and
-- the day, not the time: a key of an anonymous answer must not date it.
CREATE TABLE idempotency_keys (
    scope        text NOT NULL,        -- the endpoint and who called it (a staff id, or "anonymous")
    key_hash     bytea NOT NULL,       -- SHA-256 of the client's key
    request_hash bytea NOT NULL,       -- SHA-256 of the method, route values and body: another request under the same key is refused
    resource     text,                 -- what the first request created, for the answer to a repeat (null for anonymous answers)
    created_on   date NOT NULL DEFAULT current_date,
    PRIMARY KEY (scope, key_hash)
);
CREATE INDEX idempotency_keys_created_on ON idempotency_keys (created_on);
