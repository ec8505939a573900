-- A message the dispatcher could not publish after Messaging:Outbox:MaxAttempts tries (with the broker
-- connected) is parked: it no longer holds back its partition, /health reports it, and an operator
-- retries it (scripts/operate.sh outbox-retry) once the cause is fixed.
ALTER TABLE outbox_messages ADD COLUMN failed_at timestamptz;
-- What the dispatcher reads: per partition, in order, only what is neither sent nor parked.
DROP INDEX outbox_messages_pending;
CREATE INDEX outbox_messages_pending ON outbox_messages (sequence) WHERE dispatched_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_messages_pending_partition ON outbox_messages (partition_key, sequence) WHERE dispatched_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_messages_failed ON outbox_messages (failed_at) WHERE failed_at IS NOT NULL;
