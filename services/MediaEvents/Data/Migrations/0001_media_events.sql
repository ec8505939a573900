-- The media-events log is built by its feature; this first script only marks the schema as owned by this service.
CREATE TABLE IF NOT EXISTS media_service_info (key text PRIMARY KEY, value text NOT NULL);
