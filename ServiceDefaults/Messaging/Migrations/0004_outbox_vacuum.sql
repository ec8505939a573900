-- The outbox is a queue: rows come and go (an anonymous row is deleted once the broker has it), and the
-- dispatcher's ordered read walks the pending index's entries of the rows already gone until VACUUM removes
-- them. So it is vacuumed by a count of its own, not the default fifth of the table, which a campaign's
-- answers outrun within seconds (issue 13). The table is small; its vacuum runs unthrottled.
ALTER TABLE outbox_messages SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000, autovacuum_vacuum_cost_delay = 0);
