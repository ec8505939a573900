-- Issue 13: the KPI API read the whole snapshot (catalogue, values, locks: four queries and 21 definitions
-- parsed) for every overview, and for every open dashboard on every change. It now keeps the last snapshot it
-- read and reads again only when this number has moved. A deferred trigger on every table the snapshot is made
-- from bumps it at commit, so no writer (a consumer, an API, a replay, a DBA at the prompt) can forget to, and
-- it is taken after every lock the writer took: waiting on it never closes a cycle.
CREATE TABLE kpi_snapshot_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version  bigint NOT NULL
);
INSERT INTO kpi_snapshot_version VALUES (true, 0);

CREATE FUNCTION bump_kpi_snapshot_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Once per transaction is enough: everything it changed becomes visible at the same commit.
    IF current_setting('kpi.snapshot_version_bumped', true) IS DISTINCT FROM 'yes' THEN
        UPDATE kpi_snapshot_version SET version = version + 1;
        PERFORM set_config('kpi.snapshot_version_bumped', 'yes', true);
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER indicators_snapshot_version AFTER INSERT OR UPDATE OR DELETE ON indicators
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_kpi_snapshot_version();
CREATE CONSTRAINT TRIGGER measurements_snapshot_version AFTER INSERT OR UPDATE OR DELETE ON measurements
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_kpi_snapshot_version();
CREATE CONSTRAINT TRIGGER computed_values_snapshot_version AFTER INSERT OR UPDATE OR DELETE ON computed_values
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_kpi_snapshot_version();
CREATE CONSTRAINT TRIGGER year_locks_snapshot_version AFTER INSERT OR UPDATE OR DELETE ON year_locks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_kpi_snapshot_version();

-- A TRUNCATE fires no row trigger (and a constraint trigger cannot be a statement one).
CREATE TRIGGER indicators_truncated_snapshot_version AFTER TRUNCATE ON indicators
    FOR EACH STATEMENT EXECUTE FUNCTION bump_kpi_snapshot_version();
CREATE TRIGGER measurements_truncated_snapshot_version AFTER TRUNCATE ON measurements
    FOR EACH STATEMENT EXECUTE FUNCTION bump_kpi_snapshot_version();
CREATE TRIGGER computed_values_truncated_snapshot_version AFTER TRUNCATE ON computed_values
    FOR EACH STATEMENT EXECUTE FUNCTION bump_kpi_snapshot_version();
CREATE TRIGGER year_locks_truncated_snapshot_version AFTER TRUNCATE ON year_locks
    FOR EACH STATEMENT EXECUTE FUNCTION bump_kpi_snapshot_version();
