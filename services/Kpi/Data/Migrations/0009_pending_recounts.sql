-- Indicators 15 and 16 are recounted after their answers are recorded, not inside each answer's transaction:
-- a consumer records the fact and notes here which indicator and year to recount; the recounter takes the
-- indicator's write lock once for everything noted meanwhile. Committed with the fact, so a crash in between
-- loses no recount. A row says only "16, 2026": no survey, no response, no time.
CREATE TABLE pending_recounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator_number text NOT NULL,
    year int NOT NULL
);
