-- The media-events log of the communications unit (KN): events, the campaigns that group them,
-- and every change to an event. Dates count in Latvian time, so the day and month an event counts
-- for (indicators 13 and 14) are derived here once, from the instant it started.

-- Goals 1–3 serve priority I, 4–7 priority II, 8–10 priority III (the strategy map).
CREATE FUNCTION strategy_priorities(goals integer[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT p ORDER BY p), '{}')
    FROM (SELECT CASE WHEN g <= 3 THEN 'I' WHEN g <= 7 THEN 'II' ELSE 'III' END AS p FROM unnest(goals) AS g) AS mapped
$$;

CREATE TABLE campaigns (
    id            uuid PRIMARY KEY,
    version       integer NOT NULL DEFAULT 1,
    name          text NOT NULL,
    period_from   date NOT NULL,
    period_to     date,
    goals         integer[] NOT NULL DEFAULT '{}',
    target_groups text[] NOT NULL DEFAULT '{}',
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_by    text NOT NULL,
    updated_at    timestamptz NOT NULL,
    CHECK (period_to IS NULL OR period_to >= period_from),
    CHECK (goals <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
);
CREATE UNIQUE INDEX campaigns_name ON campaigns (lower(name));

CREATE TABLE media_events (
    id                       uuid PRIMARY KEY,
    version                  integer NOT NULL,
    starts_at                timestamptz NOT NULL,
    ends_at                  timestamptz,
    starts_on                date GENERATED ALWAYS AS ((starts_at AT TIME ZONE 'Europe/Riga')::date) STORED,
    ends_on                  date GENERATED ALWAYS AS ((coalesce(ends_at, starts_at) AT TIME ZONE 'Europe/Riga')::date) STORED,
    type                     text NOT NULL,
    title                    text NOT NULL,
    summary                  text NOT NULL DEFAULT '',
    goals                    integer[] NOT NULL DEFAULT '{}',
    priorities               text[] GENERATED ALWAYS AS (strategy_priorities(goals)) STORED,
    campaign_id              uuid REFERENCES campaigns (id),
    spokesperson_name        text,
    spokesperson_level       text,
    outlets                  text[] NOT NULL DEFAULT '{}',
    estimated_reach          bigint CHECK (estimated_reach >= 0),
    tone                     text,
    coverage_links           text[] NOT NULL DEFAULT '{}',
    language                 text NOT NULL DEFAULT 'lv' CHECK (language IN ('lv', 'en', 'other')),
    communicates_achievement boolean NOT NULL DEFAULT false,
    withdrawn_at             timestamptz,
    withdrawn_reason         text,
    withdrawn_by             text,
    created_by               text NOT NULL,
    created_at               timestamptz NOT NULL,
    updated_by               text NOT NULL,
    updated_at               timestamptz NOT NULL,
    -- 'simple': PostgreSQL has no Latvian dictionary; the API searches by word prefix instead of stems.
    search                   tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || summary)) STORED,
    CHECK (ends_at IS NULL OR ends_at >= starts_at),
    CHECK (goals <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
);
CREATE INDEX media_events_search ON media_events USING gin (search);
CREATE INDEX media_events_goals ON media_events USING gin (goals);
CREATE INDEX media_events_starts_on ON media_events (starts_on);
CREATE INDEX media_events_campaign ON media_events (campaign_id);

-- Every change, newest version last: who, when, and each field from what to what.
CREATE TABLE media_event_history (
    event_id        uuid NOT NULL REFERENCES media_events (id),
    version         integer NOT NULL,
    action          text NOT NULL CHECK (action IN ('Created', 'Revised', 'Withdrawn')),
    changed_by      text NOT NULL,
    changed_by_name text,
    changed_at      timestamptz NOT NULL,
    changes         jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (event_id, version)
);
