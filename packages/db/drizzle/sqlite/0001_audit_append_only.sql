-- The audit log is append-only: history that accounting relies on is never rewritten.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `dunning_events_no_update` BEFORE UPDATE ON `dunning_events`
BEGIN
  SELECT RAISE(ABORT, 'dunning_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `dunning_events_no_delete` BEFORE DELETE ON `dunning_events`
BEGIN
  SELECT RAISE(ABORT, 'dunning_events is append-only');
END;
