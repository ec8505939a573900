-- The Development-only bare responses endpoint is gone: every response now comes through an
-- invitation link or an open link, validated against its survey's frozen version. What it stored
-- was never part of any result.
DROP TABLE IF EXISTS direct_responses;
