-- Messages about a respondent (a survey response) are stored without anything that ties them to the
-- moment they were written: a random id and sequence, the day only, no trace context; the dispatcher
-- deletes them once the broker has confirmed them instead of keeping them as dispatched.
ALTER TABLE outbox_messages ADD COLUMN anonymous boolean NOT NULL DEFAULT false;
