-- A survey and its working (draft) questions. Once opened, the questions are frozen into
-- survey_versions and responses point at the version they answered.
CREATE TABLE surveys (
    id              uuid PRIMARY KEY,
    kind            text NOT NULL,
    year            integer NOT NULL,
    campaign_id     uuid,
    title_lv        text NOT NULL,
    title_en        text NOT NULL,
    intro_lv        text NOT NULL,
    intro_en        text NOT NULL,
    mode            text NOT NULL,          -- Anonymous (invitation links) or OpenLink (public, no token)
    state           text NOT NULL,          -- Draft, Open, Closed
    opens_on        date,
    closes_on       date,
    definition      jsonb NOT NULL,         -- sections and questions being edited
    current_version integer,
    copied_from     uuid REFERENCES surveys (id),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX surveys_kind_year ON surveys (kind, year);

CREATE TABLE survey_versions (
    survey_id  uuid NOT NULL REFERENCES surveys (id),
    version    integer NOT NULL,
    definition jsonb NOT NULL,
    frozen_at  timestamptz NOT NULL,
    PRIMARY KEY (survey_id, version)
);

CREATE TABLE partner_organisations (
    id         uuid PRIMARY KEY,
    name       text NOT NULL,
    category   text NOT NULL,
    email      text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX partner_organisations_name ON partner_organisations (lower(name));

-- One single-use link per organisation per survey. Only the SHA-256 of the token is kept, and no
-- time of use: "used" says THAT the organisation answered, nothing says WHICH response is theirs.
CREATE TABLE invitations (
    id              uuid PRIMARY KEY,
    survey_id       uuid NOT NULL REFERENCES surveys (id),
    organisation_id uuid NOT NULL REFERENCES partner_organisations (id),
    token_hash      bytea NOT NULL UNIQUE,
    used            boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    UNIQUE (survey_id, organisation_id)
);

-- Answers saved as the respondent goes, keyed by the token's hash; deleted on submit.
CREATE TABLE response_drafts (
    token_hash bytea PRIMARY KEY,
    survey_id  uuid NOT NULL REFERENCES surveys (id),
    answers    jsonb NOT NULL,
    saved_at   timestamptz NOT NULL
);

-- No invitation, IP address, user agent or time of day: a random id, the day only, the answers.
CREATE TABLE responses (
    id                  uuid PRIMARY KEY,
    survey_id           uuid NOT NULL REFERENCES surveys (id),
    survey_version      integer NOT NULL,
    respondent_category text NOT NULL,
    answers             jsonb NOT NULL,
    submitted_on        date NOT NULL,
    FOREIGN KEY (survey_id, survey_version) REFERENCES survey_versions (survey_id, version)
);
CREATE INDEX responses_survey ON responses (survey_id);
