-- When a response fact was written, so a replay from the source services can tell the facts it
-- should correct (written before the replay began) from those a consumer wrote meanwhile.
ALTER TABLE survey_response_facts ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();
