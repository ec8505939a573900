-- Responses taken by the pre-portal endpoint POST api/surveys/{id}/responses (Development only,
-- kept until the platform tests move to invitation links). Not read by results.
CREATE TABLE direct_responses (
    id                  uuid PRIMARY KEY,
    survey_id           uuid NOT NULL,
    survey_kind         text NOT NULL,
    year                integer NOT NULL,
    campaign_id         uuid,
    respondent_category text,
    answers             jsonb NOT NULL,
    submitted_at        timestamptz NOT NULL
);
CREATE INDEX direct_responses_survey ON direct_responses (survey_id);
