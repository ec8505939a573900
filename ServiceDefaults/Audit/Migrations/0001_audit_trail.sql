-- Staff actions: who (account id, the name and roles their token or session carried), when, what, on
-- what. Written in the same transaction as the action where there is one, so neither exists without
-- the other.
--
-- Idempotent, each object made only when missing: on the local servers the superuser makes them before
-- the service starts and gives them to a role of their own (`{database}_audit`, see LocalServers'
-- AuditTrailKeeper), so the service's role, which may only INSERT and SELECT, finds them made. On a server
-- of the user's own, the service's account makes them here, and the DBA hands them over (README, Security).
DO $audit$
BEGIN
    IF to_regclass('audit_trail') IS NULL THEN
        CREATE TABLE audit_trail (
            id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            occurred_at timestamptz NOT NULL DEFAULT now(),
            actor_id    text NOT NULL,
            actor_name  text,
            actor_roles text[] NOT NULL,
            action      text NOT NULL,
            subject     text,
            details     jsonb
        );
        CREATE INDEX audit_trail_occurred_at ON audit_trail (occurred_at);
    END IF;

    -- Append-only for every role, the table's owner and a superuser too (privileges do not hold them back,
    -- a trigger does). Where the service's role does not own the table (the local servers), it cannot
    -- disable the trigger or drop the table either.
    IF to_regprocedure('audit_trail_is_append_only()') IS NULL THEN
        CREATE FUNCTION audit_trail_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $function$
        BEGIN
            RAISE EXCEPTION 'the audit trail is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $function$;
    END IF;
    -- Per statement, so it fires even when no row matches (a DELETE of nothing is refused too, not silently done).
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'audit_trail'::regclass AND tgname = 'audit_trail_append_only') THEN
        CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_trail
            FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_is_append_only();
    END IF;
END
$audit$;
