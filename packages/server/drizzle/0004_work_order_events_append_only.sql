-- Every change to a service record is an appended event: the events of a work order can never be edited.
CREATE TRIGGER work_order_events_no_update_delete BEFORE UPDATE OR DELETE ON work_order_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER work_order_events_no_truncate BEFORE TRUNCATE ON work_order_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
