-- A response referenced both its survey and its survey's version; the second implies the first (a version
-- references its survey), and each foreign key locks its parent row for every answer inserted: under a campaign's
-- load, thousands of concurrent answers sharing one survey row (issue 13). The version's key is kept.
ALTER TABLE responses DROP CONSTRAINT IF EXISTS responses_survey_id_fkey;
