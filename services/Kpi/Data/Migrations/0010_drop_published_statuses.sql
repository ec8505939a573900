-- The last status published per indicator and year existed only so that KpiStatusChanged went out on a real change;
-- nothing consumed that message (issue 13), so neither it nor this table is kept. Statuses are judged when read.
DROP TABLE IF EXISTS published_statuses;
