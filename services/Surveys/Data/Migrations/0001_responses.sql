CREATE TABLE responses (
    id                  uuid PRIMARY KEY,
    survey_id           uuid NOT NULL,
    survey_kind         text NOT NULL,
    year                integer NOT NULL,
    campaign_id         uuid,
    respondent_category text,
    answers             jsonb NOT NULL,
    submitted_at        timestamptz NOT NULL
);
CREATE INDEX responses_survey ON responses (survey_id);
