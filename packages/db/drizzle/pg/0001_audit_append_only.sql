-- The audit log is append-only: history that accounting relies on is never rewritten.
CREATE FUNCTION fact_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION fact_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dunning_events_append_only BEFORE UPDATE OR DELETE ON "dunning_events"
  FOR EACH ROW EXECUTE FUNCTION fact_refuse_change();
