-- Which rule decided an event's count for indicator 13, version by version (the rule itself is code:
-- Counting/CountingRule.cs). At start-up the service applies a newer rule once: it re-publishes each
-- event the change moves, writes a 'Recounted' entry into its history, and adds the version here.
CREATE TABLE counting_rule_versions (
    version          integer PRIMARY KEY,
    counted_types    text[] NOT NULL,
    summary_lv       text NOT NULL,
    summary_en       text NOT NULL,
    applied_at       timestamptz NOT NULL,
    events_recounted integer NOT NULL DEFAULT 0
);

-- Version 1, every type but press releases, decided every event logged before this script; a new
-- database has no such events and starts at the current rule.
INSERT INTO counting_rule_versions (version, counted_types, summary_lv, summary_en, applied_at)
SELECT 1,
       ARRAY['PressConference', 'MediaBriefing', 'Interview', 'InformalMeetingWithJournalists', 'JournalistSeminar',
             'OpinionArticle', 'TvOrRadioAppearance', 'SocialMediaCampaignActivity', 'AchievementNews', 'Other'],
       '13. rādītājs skaitīja visus notikumu veidus, izņemot preses relīzes.',
       'Indicator 13 counted every type of event but press releases.',
       min(created_at)
FROM media_events
HAVING count(*) > 0;

ALTER TABLE media_event_history DROP CONSTRAINT media_event_history_action_check;
ALTER TABLE media_event_history ADD CONSTRAINT media_event_history_action_check
    CHECK (action IN ('Created', 'Revised', 'Withdrawn', 'Recounted'));
