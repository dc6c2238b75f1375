-- Issued bills and notices are immutable, payments and ledger entries are documents, meter history is appended:
-- corrections are new rows (G-6.2.5 多退少补 by a correction bill, adjustments in the ledger), never edits.
CREATE TRIGGER bills_no_update_delete BEFORE UPDATE OR DELETE ON bills
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bills_no_truncate BEFORE TRUNCATE ON bills
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payment_notices_no_update_delete BEFORE UPDATE OR DELETE ON payment_notices
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payment_notices_no_truncate BEFORE TRUNCATE ON payment_notices
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payments_no_update_delete BEFORE UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payments_no_truncate BEFORE TRUNCATE ON payments
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_update_delete BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER meter_events_no_update_delete BEFORE UPDATE OR DELETE ON meter_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER meter_events_no_truncate BEFORE TRUNCATE ON meter_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
