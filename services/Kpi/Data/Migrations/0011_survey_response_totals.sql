-- Indicators 15 and 16 were recounted by summing every fact of the year, so each recount grew with the year
-- (issue 13: 24 ms per recount at 20,000 answers, a second or more at a million). Now each survey's totals are
-- kept, and the recounter adds to them only the changes made since it last ran.
CREATE TABLE survey_response_totals (
    survey_id uuid NOT NULL,
    kind      text NOT NULL,
    year      integer NOT NULL,
    responses bigint NOT NULL,
    counted   bigint NOT NULL,
    positive  bigint NOT NULL,
    PRIMARY KEY (survey_id, kind, year)
);

-- Changes to the facts not yet added to the totals. A trigger writes them in the fact's own transaction, so no
-- writer of facts (a consumer, a replay's corrections and removals, a DBA) can forget one; the recounter deletes
-- what it adds, in its transaction. Totals plus these rows always equal the facts. A row holds what its fact holds
-- but the response id: no time, no order, no response; and it lives for milliseconds.
CREATE TABLE survey_response_changes (
    survey_id uuid NOT NULL,
    kind      text NOT NULL,
    year      integer NOT NULL,
    responses integer NOT NULL,
    counted   integer NOT NULL,
    positive  integer NOT NULL
);

CREATE FUNCTION note_survey_response_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO survey_response_changes VALUES (OLD.survey_id, OLD.kind, OLD.year, -1, -OLD.counted, -OLD.positive);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO survey_response_changes VALUES (NEW.survey_id, NEW.kind, NEW.year, 1, NEW.counted, NEW.positive);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER survey_response_facts_changed AFTER INSERT OR UPDATE OR DELETE ON survey_response_facts
    FOR EACH ROW EXECUTE FUNCTION note_survey_response_change();

-- Row triggers do not see a TRUNCATE: emptying the facts empties what was made from them.
CREATE FUNCTION clear_survey_response_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM survey_response_changes;
    DELETE FROM survey_response_totals;
    RETURN NULL;
END $$;
CREATE TRIGGER survey_response_facts_truncated AFTER TRUNCATE ON survey_response_facts
    FOR EACH STATEMENT EXECUTE FUNCTION clear_survey_response_totals();

INSERT INTO survey_response_totals (survey_id, kind, year, responses, counted, positive)
SELECT survey_id, kind, year, count(*), sum(counted), sum(positive) FROM survey_response_facts GROUP BY survey_id, kind, year;

-- Counts per survey, and the years of a kind, are read from the totals now; the facts keep only their key, so
-- recording an answer maintains one index rather than three.
DROP INDEX IF EXISTS survey_response_facts_kind_year;
DROP INDEX IF EXISTS survey_response_facts_survey;
