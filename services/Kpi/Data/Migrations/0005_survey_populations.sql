-- The invited population of each survey answered through invitation links (SurveyPopulationChanged),
-- so indicators 15 and 16 carry the same finite-population-corrected interval as the survey's results.
CREATE TABLE survey_populations (
    survey_id         uuid PRIMARY KEY,
    kind              text NOT NULL,
    year              integer NOT NULL,
    invited           integer NOT NULL,
    counted_questions integer NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now()
);
