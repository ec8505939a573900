-- A survey response's fact no longer says when it was written. The per-survey counter (with the time
-- of its latest response) is dropped: the count is that of the facts. Instead of a timestamp, a fact
-- carries the replay generation it was written in, which is all a replay needs to tell the facts
-- written before it began reading the sources from those a consumer wrote meanwhile.
DROP TABLE IF EXISTS survey_response_counts;
CREATE SEQUENCE fact_generation;
SELECT setval('fact_generation', 1);
-- A sequence's last value is seen at once by every session, committed or not: the moment a replay
-- takes the next generation, every fact written afterwards carries it.
CREATE FUNCTION current_fact_generation() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT last_value FROM fact_generation';
ALTER TABLE survey_response_facts ADD COLUMN recorded_in bigint NOT NULL DEFAULT current_fact_generation();
ALTER TABLE survey_response_facts DROP COLUMN recorded_at;
CREATE INDEX survey_response_facts_survey ON survey_response_facts (survey_id);
