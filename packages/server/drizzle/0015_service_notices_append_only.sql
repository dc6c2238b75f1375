-- An issued notice is kept on file as published (H-6.2.6 留档): its revisions are never edited or removed; a change
-- is a new revision.
CREATE TRIGGER service_notice_revisions_no_update_delete BEFORE UPDATE OR DELETE ON service_notice_revisions
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER service_notice_revisions_no_truncate BEFORE TRUNCATE ON service_notice_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
