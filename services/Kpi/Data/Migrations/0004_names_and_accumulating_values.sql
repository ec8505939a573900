-- Who entered, wrote, changed or locked something: the name the caller's token carried, kept
-- beside the account id so the record still says who it was when the portal cannot name the account.
ALTER TABLE measurements ADD COLUMN entered_by_name text;
ALTER TABLE period_comments ADD COLUMN author_name text;
ALTER TABLE indicator_versions ADD COLUMN changed_by_name text;
ALTER TABLE year_locks ADD COLUMN locked_by_name text;

-- Whether a year's value accumulates during the year (a count, a yearly turnover rate, energy used
-- so far): it decides how a running year is judged (Status/StatusRules.cs). It is a fact about the
-- measure the catalogue did not record, not a change of what is measured or of its target, so it is
-- added to the stored definitions and their versions in place instead of as a new version (which
-- would mark a break in every series).
UPDATE indicators SET definition = jsonb_set(definition, '{accumulates}', 'true')
WHERE number IN ('1', '3', '4', '6', '12a', '12b', '13', '14') AND definition -> 'accumulates' IS NULL;
UPDATE indicator_versions SET definition = jsonb_set(definition, '{accumulates}', 'true')
WHERE number IN ('1', '3', '4', '6', '12a', '12b', '13', '14') AND definition -> 'accumulates' IS NULL;

-- Indicators 3 and 6 said only "Skaits" (number) in Latvian: the wording says what is counted, as
-- the English does. A label, not a change of the measure: in place as well.
UPDATE indicators SET definition = jsonb_set(definition, '{indicator,lv}', '"Jaunajiem nodarbinātajiem attīstīto instrumentu skaits"')
WHERE number = '3' AND definition #>> '{indicator,lv}' = 'Skaits';
UPDATE indicator_versions SET definition = jsonb_set(definition, '{indicator,lv}', '"Jaunajiem nodarbinātajiem attīstīto instrumentu skaits"')
WHERE number = '3' AND definition #>> '{indicator,lv}' = 'Skaits';
UPDATE indicators SET definition = jsonb_set(definition, '{indicator,lv}', '"Ieviesto jauno sadarbības formu skaits"')
WHERE number = '6' AND definition #>> '{indicator,lv}' = 'Skaits';
UPDATE indicator_versions SET definition = jsonb_set(definition, '{indicator,lv}', '"Ieviesto jauno sadarbības formu skaits"')
WHERE number = '6' AND definition #>> '{indicator,lv}' = 'Skaits';
