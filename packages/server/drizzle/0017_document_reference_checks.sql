ALTER TABLE "bills" DROP CONSTRAINT "bills_run_id_billing_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_customer_fk";
--> statement-breakpoint
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_customer_fk";
--> statement-breakpoint
ALTER TABLE "payment_notices" DROP CONSTRAINT "payment_notices_bill_id_bills_id_fk";
--> statement-breakpoint
ALTER TABLE "payment_notices" DROP CONSTRAINT "payment_notices_template_id_notice_templates_id_fk";
--> statement-breakpoint
ALTER TABLE "payment_notices" DROP CONSTRAINT "payment_notices_customer_fk";
--> statement-breakpoint
-- Bills, payment notices and ledger entries are written a million at a time by a billing run. A foreign key checks
-- each row on its own (a query and a row lock per reference: about half of a run's write time, measured); these
-- triggers check every new row's references once per statement, one query per reference, and refuse the statement
-- with SQLSTATE 23503 (as a foreign key would) when one is missing. They are as strong as the keys they replace
-- because the rows they point to never go away: customers, users and billing runs refuse DELETE, TRUNCATE and a
-- change of their key (below); bills and notice templates refuse any change at all (migrations 0010, 0016).
CREATE OR REPLACE FUNCTION ranre_keep_referenced_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id
     AND (TG_NARGS = 0 OR to_jsonb(NEW) -> TG_ARGV[0] = to_jsonb(OLD) -> TG_ARGV[0]) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% rows are referred to by bills, notices and the ledger: never deleted, their key never changed',
    TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_keep_referenced BEFORE UPDATE OF id, enterprise_id OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION ranre_keep_referenced_row('enterprise_id');
--> statement-breakpoint
CREATE TRIGGER customers_no_truncate BEFORE TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION ranre_keep_referenced_row();
--> statement-breakpoint
CREATE TRIGGER users_keep_referenced BEFORE UPDATE OF id OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION ranre_keep_referenced_row();
--> statement-breakpoint
CREATE TRIGGER users_no_truncate BEFORE TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION ranre_keep_referenced_row();
--> statement-breakpoint
CREATE TRIGGER billing_runs_keep_referenced BEFORE UPDATE OF id OR DELETE ON billing_runs
  FOR EACH ROW EXECUTE FUNCTION ranre_keep_referenced_row();
--> statement-breakpoint
CREATE TRIGGER billing_runs_no_truncate BEFORE TRUNCATE ON billing_runs
  FOR EACH STATEMENT EXECUTE FUNCTION ranre_keep_referenced_row();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ranre_missing_reference(key text, what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'insert on % violates reference %: % not found', split_part(key, '.', 1), key, what
    USING ERRCODE = 'foreign_key_violation', CONSTRAINT = key;
END $$;
--> statement-breakpoint
-- Each lookup is a subquery per row (an index probe) rather than NOT EXISTS: an anti-join would hash the whole
-- referenced table for a batch of a few thousand rows. Run and user are the same on most rows: looked up once each.
CREATE OR REPLACE FUNCTION bills_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad text;
BEGIN
  -- The customer, of the bill's own enterprise.
  SELECT n.customer_id::text INTO bad FROM new_rows n
  WHERE (SELECT 1 FROM customers c WHERE c.id = n.customer_id AND c.enterprise_id = n.enterprise_id) IS NULL LIMIT 1;
  IF FOUND THEN PERFORM ranre_missing_reference('bills.customer', 'customer ' || bad || ' of the enterprise'); END IF;
  -- A correction names a bill of the same enterprise and customer.
  SELECT n.corrects_bill_id::text INTO bad FROM new_rows n
  WHERE n.corrects_bill_id IS NOT NULL AND (SELECT 1 FROM bills b WHERE b.id = n.corrects_bill_id
    AND b.enterprise_id = n.enterprise_id AND b.customer_id = n.customer_id) IS NULL LIMIT 1;
  IF FOUND THEN PERFORM ranre_missing_reference('bills.corrects_bill', 'bill ' || bad || ' of the customer'); END IF;
  SELECT n.run_id::text INTO bad FROM (SELECT DISTINCT run_id, enterprise_id FROM new_rows WHERE run_id IS NOT NULL) n
  WHERE (SELECT 1 FROM billing_runs r WHERE r.id = n.run_id AND r.enterprise_id = n.enterprise_id) IS NULL LIMIT 1;
  IF FOUND THEN PERFORM ranre_missing_reference('bills.run', 'billing run ' || bad || ' of the enterprise'); END IF;
  SELECT n.created_by::text INTO bad FROM (SELECT DISTINCT created_by FROM new_rows WHERE created_by IS NOT NULL) n
  WHERE (SELECT 1 FROM users u WHERE u.id = n.created_by) IS NULL LIMIT 1;
  IF FOUND THEN PERFORM ranre_missing_reference('bills.created_by', 'user ' || bad); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER bills_references AFTER INSERT ON bills REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bills_check_references();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION payment_notices_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad text;
BEGIN
  -- The bill, of the notice's own enterprise and customer.
  SELECT n.bill_id::text INTO bad FROM new_rows n
  WHERE (SELECT 1 FROM bills b WHERE b.id = n.bill_id AND b.enterprise_id = n.enterprise_id
    AND b.customer_id = n.customer_id) IS NULL LIMIT 1;
  IF FOUND THEN PERFORM ranre_missing_reference('payment_notices.bill', 'bill ' || bad || ' of the customer'); END IF;
  SELECT n.template_id::text INTO bad
  FROM (SELECT DISTINCT template_id, enterprise_id FROM new_rows WHERE template_id IS NOT NULL) n
  WHERE (SELECT 1 FROM notice_templates t WHERE t.id = n.template_id AND t.enterprise_id = n.enterprise_id) IS NULL
  LIMIT 1;
  IF FOUND THEN
    PERFORM ranre_missing_reference('payment_notices.template', 'notice template ' || bad || ' of the enterprise');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER payment_notices_references AFTER INSERT ON payment_notices REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION payment_notices_check_references();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_entries_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad text;
BEGIN
  SELECT n.customer_id::text INTO bad FROM new_rows n
  WHERE (SELECT 1 FROM customers c WHERE c.id = n.customer_id AND c.enterprise_id = n.enterprise_id) IS NULL LIMIT 1;
  IF FOUND THEN
    PERFORM ranre_missing_reference('ledger_entries.customer', 'customer ' || bad || ' of the enterprise');
  END IF;
  SELECT n.created_by::text INTO bad FROM (SELECT DISTINCT created_by FROM new_rows WHERE created_by IS NOT NULL) n
  WHERE (SELECT 1 FROM users u WHERE u.id = n.created_by) IS NULL LIMIT 1;
  IF FOUND THEN PERFORM ranre_missing_reference('ledger_entries.created_by', 'user ' || bad); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_references AFTER INSERT ON ledger_entries REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_check_references();
