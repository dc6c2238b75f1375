ALTER TABLE "sensor_readings" DROP CONSTRAINT "sensor_readings_sensor_id_sensors_id_fk";
--> statement-breakpoint
-- Issue 21: room-temperature gateways post readings 5,000 at a time. The foreign key checked each reading on its
-- own (a probe and a row lock on its sensor: 17 of 30 ms of a batch's insert, measured on PostgreSQL 15), though a
-- batch names a few dozen sensors. As with bills (migration 0017), the reference is now checked once per statement,
-- once per distinct sensor, and refused with SQLSTATE 23503 as the key would. It is as strong as the key it replaces
-- because a sensor never goes away: it is deactivated, and DELETE, TRUNCATE and a change of its id are refused below.
CREATE TRIGGER sensors_keep_referenced BEFORE UPDATE OF id OR DELETE ON sensors
  FOR EACH ROW EXECUTE FUNCTION ranre_keep_referenced_row();
--> statement-breakpoint
CREATE TRIGGER sensors_no_truncate BEFORE TRUNCATE ON sensors
  FOR EACH STATEMENT EXECUTE FUNCTION ranre_keep_referenced_row();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sensor_readings_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad text;
BEGIN
  SELECT n.sensor_id::text INTO bad FROM (SELECT DISTINCT sensor_id FROM new_rows) n
  WHERE (SELECT 1 FROM sensors s WHERE s.id = n.sensor_id) IS NULL LIMIT 1;
  IF FOUND THEN PERFORM ranre_missing_reference('sensor_readings.sensor', 'sensor ' || bad); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sensor_readings_references AFTER INSERT ON sensor_readings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sensor_readings_check_references();
--> statement-breakpoint
CREATE TRIGGER sensor_readings_references_on_update AFTER UPDATE ON sensor_readings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sensor_readings_check_references();
