-- Spending a link rewrites every invitation of its survey (see AnsweringApi.Submit); room on each
-- page lets PostgreSQL rewrite them in place (HOT) instead of moving them and their index entries.
ALTER TABLE invitations SET (fillfactor = 50);
