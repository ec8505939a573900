-- The strategy's table writes a missing baseline as "N/a", which a Latvian page showed as it is beside
-- the English "None set": Latvian pages say "Nav noteikta". A label, not a change of the measure, so in
-- place (as 0004 did) rather than as a new version that would mark a break in the series.
UPDATE indicators SET definition = jsonb_set(definition, '{baselineNote,lv}', '"Nav noteikta"')
WHERE definition #>> '{baselineNote,lv}' IN ('N/a', 'n/a');
UPDATE indicator_versions SET definition = jsonb_set(definition, '{baselineNote,lv}', '"Nav noteikta"')
WHERE definition #>> '{baselineNote,lv}' IN ('N/a', 'n/a');
