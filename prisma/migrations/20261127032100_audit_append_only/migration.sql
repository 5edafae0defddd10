-- Hand-written: the audit trail is append-only (schema.prisma: model AuditLog).
-- Any UPDATE or DELETE of an "AuditLog" row is refused by the database itself, whoever issues it.
-- Row-level triggers do not fire on TRUNCATE, so tests can still empty the table between cases.
-- Note: Prisma's schema diff ignores functions and triggers, so this never shows up as drift.

-- CreateFunction
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only'
    USING ERRCODE = 'P0001', HINT = 'Audit rows are never changed or removed; write a new row instead.';
END;
$$;

-- CreateTrigger
CREATE TRIGGER "AuditLog_append_only"
BEFORE UPDATE OR DELETE ON "AuditLog"
FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
