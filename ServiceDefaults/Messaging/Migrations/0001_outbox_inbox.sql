-- Transactional outbox: written in the same transaction as the business change, published after commit.
CREATE TABLE outbox_messages (
    id              uuid PRIMARY KEY,              -- becomes the MassTransit MessageId, so consumers can de-duplicate
    sequence        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    partition_key   text NOT NULL,                 -- messages of one aggregate are published in sequence order
    message_type    text NOT NULL,
    payload         jsonb NOT NULL,
    trace_parent    text,                          -- W3C trace context of the writing transaction
    trace_state     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    dispatched_at   timestamptz
);
CREATE INDEX outbox_messages_pending ON outbox_messages (sequence) WHERE dispatched_at IS NULL;
CREATE INDEX outbox_messages_dispatched ON outbox_messages (dispatched_at) WHERE dispatched_at IS NOT NULL;

-- Idempotent consumers: a message id recorded per consumer in the same transaction as its effect.
CREATE TABLE inbox_messages (
    message_id   uuid NOT NULL,
    consumer     text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer)
);
CREATE INDEX inbox_messages_processed_at ON inbox_messages (processed_at);
