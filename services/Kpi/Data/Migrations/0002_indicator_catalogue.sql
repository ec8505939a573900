-- The indicator catalogue: the current definition of each indicator and every earlier version.
CREATE TABLE indicators (
    number      text PRIMARY KEY,
    sort_order  integer NOT NULL,
    version     integer NOT NULL,
    definition  jsonb NOT NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  text NOT NULL
);

CREATE TABLE indicator_versions (
    number      text NOT NULL REFERENCES indicators (number),
    version     integer NOT NULL,
    definition  jsonb NOT NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  text NOT NULL,
    reason      text NOT NULL,
    PRIMARY KEY (number, version)
);

-- Entered values. A correction supersedes the earlier row instead of overwriting it, so the
-- measurement history keeps every value, who entered it, when and why it was changed.
CREATE TABLE measurements (
    id                 uuid PRIMARY KEY,
    indicator_number   text NOT NULL REFERENCES indicators (number),
    year               integer NOT NULL,
    value              numeric NOT NULL,
    comment            text,
    source             text,
    entered_by         text NOT NULL,
    entered_at         timestamptz NOT NULL,
    correction_reason  text,
    definition_version integer NOT NULL,
    superseded_at      timestamptz
);
CREATE UNIQUE INDEX measurements_current ON measurements (indicator_number, year) WHERE superseded_at IS NULL;

-- Values the platform computes from the facts below (indicators 13–16).
CREATE TABLE computed_values (
    indicator_number   text NOT NULL REFERENCES indicators (number),
    year               integer NOT NULL,
    value              numeric,
    positive           integer,
    counted            integer,
    responses          integer,
    ci_low             numeric,
    ci_high            numeric,
    monthly            integer[],
    definition_version integer NOT NULL,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (indicator_number, year)
);

CREATE TABLE period_comments (
    id               uuid PRIMARY KEY,
    indicator_number text NOT NULL REFERENCES indicators (number),
    year             integer NOT NULL,
    comment          text NOT NULL,
    author           text NOT NULL,
    written_at       timestamptz NOT NULL
);

CREATE TABLE year_locks (
    year      integer PRIMARY KEY,
    locked_by text NOT NULL,
    locked_at timestamptz NOT NULL,
    note      text
);

-- The last status published per indicator and year, so only real changes publish KpiStatusChanged.
CREATE TABLE published_statuses (
    indicator_number text NOT NULL REFERENCES indicators (number),
    year             integer NOT NULL,
    status           text NOT NULL,
    value            numeric,
    PRIMARY KEY (indicator_number, year)
);

-- Facts the aggregator keeps from the messages it consumed; computed values (and a replay) derive from them.
CREATE TABLE survey_response_facts (
    response_id  uuid PRIMARY KEY,
    survey_id    uuid NOT NULL,
    kind         text NOT NULL,
    year         integer NOT NULL,
    campaign_id  uuid,
    positive     integer NOT NULL,
    counted      integer NOT NULL,
    submitted_at timestamptz NOT NULL
);
CREATE INDEX survey_response_facts_kind_year ON survey_response_facts (kind, year);

-- The newest version seen of each media event; older versions arriving late are ignored.
CREATE TABLE media_event_facts (
    media_event_id           uuid PRIMARY KEY,
    version                  integer NOT NULL,
    withdrawn                boolean NOT NULL,
    event_date               date,
    type                     text,
    counts_as_proactive      boolean NOT NULL DEFAULT false,
    communicates_achievement boolean NOT NULL DEFAULT false,
    updated_at               timestamptz NOT NULL
);

CREATE TABLE activities (
    code       text PRIMARY KEY,
    sort_order integer NOT NULL,
    definition jsonb NOT NULL
);

CREATE TABLE activity_progress (
    id            uuid PRIMARY KEY,
    activity_code text NOT NULL REFERENCES activities (code),
    as_of         date NOT NULL,
    participants  integer,
    organisations integer,
    sessions      integer,
    note          text,
    entered_by    text NOT NULL,
    entered_at    timestamptz NOT NULL
);
