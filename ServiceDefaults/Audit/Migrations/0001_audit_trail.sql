-- Staff actions: who (account id, the name and roles their token or session carried), when, what, on
-- what. Written in the same transaction as the action where there is one, so neither exists without
-- the other.
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

-- Append-only for every role. A trigger rather than REVOKE: the services connect as the table's owner
-- (locally a role that owns its database; in tests a superuser), and an owner or superuser is not held back by privileges, while a
-- trigger fires for them too. Only a deliberate ALTER TABLE ... DISABLE TRIGGER by the owner gets round
-- it: a DBA's act, never an application bug or an injected statement.
CREATE FUNCTION audit_trail_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
-- Per statement, so it fires even when no row matches (a DELETE of nothing is refused too, not silently done).
CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_trail
    FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_is_append_only();
