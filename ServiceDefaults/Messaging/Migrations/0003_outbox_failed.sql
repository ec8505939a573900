-- A message the dispatcher could not publish after Messaging:Outbox:MaxAttempts refusals with the broker
-- reachable (a timeout or an unreachable broker does not count) is parked: it no longer holds back its
-- partition, /health reports it, and an operator retries it (scripts/operate.sh outbox-retry) once the cause
-- is fixed. An anonymous message is parked with the day only, like everything else stored about it.
ALTER TABLE outbox_messages ADD COLUMN failed_at timestamptz;
ALTER TABLE outbox_messages ADD COLUMN refusals integer NOT NULL DEFAULT 0;
-- What the dispatcher reads: in order, only what is neither sent nor parked…
DROP INDEX outbox_messages_pending;
CREATE INDEX outbox_messages_pending ON outbox_messages (sequence) WHERE dispatched_at IS NULL AND failed_at IS NULL;
-- …and, to hold back a partition behind a message that is backing off, the few that are (a row not yet tried is due).
CREATE INDEX outbox_messages_backing_off ON outbox_messages (partition_key, sequence) WHERE dispatched_at IS NULL AND failed_at IS NULL AND attempts > 0;
CREATE INDEX outbox_messages_failed ON outbox_messages (failed_at) WHERE failed_at IS NOT NULL;
