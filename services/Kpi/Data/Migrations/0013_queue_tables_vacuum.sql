-- survey_response_changes and pending_recounts are queues: every recorded answer adds rows that the recounter
-- deletes milliseconds later. Each read of them (the recounter's, and every count of a survey: SurveyTotals.Current)
-- walks all the rows deleted since the last vacuum, and the default threshold, a fifth of the table plus 50, is
-- reached only when the dead outnumber the live many times over (issue 13: 0.23 ms to find the changed kinds
-- among a few dozen live rows). So they are vacuumed by a count of their own, as the outbox is (ServiceDefaults
-- migration 0004); both are small, and their vacuum runs unthrottled.
ALTER TABLE survey_response_changes SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000, autovacuum_vacuum_cost_delay = 0);
ALTER TABLE pending_recounts SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000, autovacuum_vacuum_cost_delay = 0);
