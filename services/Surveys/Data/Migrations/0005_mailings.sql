-- Invitations and reminders sent by e-mail (issue 15). A link's token is made at the moment of sending and
-- handed to the SMTP client; only its hash reaches this database (invitations.token_hash), as for every link.

-- The language an organisation is written to in: lv unless it says otherwise.
ALTER TABLE partner_organisations ADD COLUMN language text NOT NULL DEFAULT 'lv' CHECK (language IN ('lv', 'en'));

-- A survey manager's text for a survey's invitations or reminders; without a row, the default text is used.
CREATE TABLE mail_templates (
    survey_id    uuid NOT NULL REFERENCES surveys (id),
    kind         text NOT NULL,          -- Invitation, Reminder
    subject_lv   text NOT NULL,
    subject_en   text NOT NULL,
    body_lv      text NOT NULL,
    body_en      text NOT NULL,
    signature_lv text NOT NULL,
    signature_en text NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (survey_id, kind)
);

-- One sending: the text as it was when the manager pressed "send", and who did.
CREATE TABLE mailings (
    id           uuid PRIMARY KEY,
    survey_id    uuid NOT NULL REFERENCES surveys (id),
    kind         text NOT NULL,
    subject_lv   text NOT NULL,
    subject_en   text NOT NULL,
    body_lv      text NOT NULL,
    body_en      text NOT NULL,
    signature_lv text NOT NULL,
    signature_en text NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text NOT NULL,
    finished_at  timestamptz
);
CREATE INDEX mailings_survey ON mailings (survey_id, created_at);
-- One mailing of a survey at a time: two would race to give the same organisation two links.
CREATE UNIQUE INDEX mailings_one_sending_per_survey ON mailings (survey_id) WHERE finished_at IS NULL;

-- Who a mailing is for and what became of it: organisations and times, never a link or an answer. The row's key
-- (mailing, organisation) is the idempotency key of the message: it is marked Sent in the transaction that keeps
-- the new link's hash, so a restart sends what is Pending and nothing that is Sent.
CREATE TABLE mailing_recipients (
    mailing_id      uuid NOT NULL REFERENCES mailings (id),
    organisation_id uuid NOT NULL REFERENCES partner_organisations (id),
    state           text NOT NULL DEFAULT 'Pending',   -- Pending, Sent, Failed, Skipped
    address         text,                              -- where it went (or was refused), set when tried
    language        text,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz,
    failure         text,
    PRIMARY KEY (mailing_id, organisation_id)
);
CREATE INDEX mailing_recipients_due ON mailing_recipients (next_attempt_at) WHERE state = 'Pending';
CREATE INDEX mailing_recipients_organisation ON mailing_recipients (organisation_id, sent_at);

-- The relay's pace for every replica together: a sender takes this row's lock for each message and moves the
-- time of the next one on by the configured interval.
CREATE TABLE mail_pacer (
    id           integer PRIMARY KEY CHECK (id = 1),
    next_send_at timestamptz NOT NULL
);
INSERT INTO mail_pacer VALUES (1, '2000-01-01T00:00:00Z');
