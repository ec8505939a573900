CREATE TABLE survey_response_counts (
    survey_id  uuid PRIMARY KEY,
    responses  integer NOT NULL,
    updated_at timestamptz NOT NULL
);
