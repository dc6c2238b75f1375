import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../packages/server/src/config.ts';
import type { Database } from '../../packages/server/src/db/client.ts';
import { openMigratedDatabase } from '../../packages/server/src/db/roles.ts';
import { JobRunner } from '../../packages/server/src/jobs/runner.ts';
import { appendAudit } from '../../packages/server/src/modules/platform/audit/audit.repository.ts';

// Issue 12, production shape: the server connects as a role that can neither SET session_replication_role nor
// ALTER TABLE … DISABLE TRIGGER, so the append-only tables stay append-only for anyone holding the app's
// connection. `ranre migrate` (the owner, DATABASE_ADMIN_URL) creates that role from DATABASE_URL.
const serverUrl = process.env.DATABASE_URL;
const SKIP = 'PostgreSQL server only: PGlite has a single user, so there is no second role to separate';

describe.skipIf(!serverUrl)(`the app role (${serverUrl ? 'server' : SKIP})`, () => {
  const name = `ranre_t_${randomBytes(6).toString('hex')}`;
  const role = `ranre_app_${randomBytes(4).toString('hex')}`;
  let adminUrl: string;
  let appUrl: string;
  let app: Database;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(serverUrl!);
    u.pathname = `/${name}`;
    adminUrl = u.toString();
    u.username = role;
    u.password = 'App-Role-Secret-1';
    appUrl = u.toString();
    // What `ranre migrate` does with both URLs set: migrations as the owner, then the app role and its rights.
    // The role does not exist yet: the app's connection opens only after the owner made it.
    const opened = await openMigratedDatabase(
      loadConfig({ DATABASE_URL: appUrl, DATABASE_ADMIN_URL: adminUrl }),
    );
    app = opened.database;
    expect(opened.role).toMatchObject({ app: role, created: true });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  it('is not a superuser and owns no table of the app', async () => {
    const { rows } = await app.executeSql(
      `select r.rolsuper, (select count(*)::int from pg_tables where tableowner = current_user and schemaname = 'public') as owned
       from pg_roles r where r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, owned: 0 });
  });

  it('cannot turn the append-only triggers off: session_replication_role and DISABLE TRIGGER are refused', async () => {
    await expect(app.executeSql('set session_replication_role = replica')).rejects.toMatchObject({
      code: '42501',
    });
    for (const table of ['audit_events', 'bills', 'ledger_entries', 'work_order_events']) {
      await expect(app.executeSql(`alter table ${table} disable trigger all`)).rejects.toMatchObject({
        code: '42501',
      });
    }
    await expect(app.executeSql('truncate audit_events')).rejects.toMatchObject({ code: '42501' });
  });

  it('appends an audit event, and its update and delete are refused', async () => {
    await appendAudit(app.db, {
      actor: null,
      enterpriseId: null,
      action: 'role.test',
      entity: 'test',
      entityId: 'role',
    });
    const { rows } = await app.executeSql(`select id from audit_events where action = 'role.test'`);
    const id = (rows[0] as { id: string }).id;
    await expect(
      app.executeSql(`update audit_events set action = 'forged' where id = $1`, [id]),
    ).rejects.toThrow();
    await expect(app.executeSql(`delete from audit_events where id = $1`, [id])).rejects.toThrow();
    const after = await app.executeSql(`select action from audit_events where id = $1`, [id]);
    expect(after.rows).toEqual([{ action: 'role.test' }]);
  });

  it('runs the server as before: starts on an up-to-date schema without migrating, and pg-boss makes its queues', async () => {
    // `ranre serve` with DATABASE_URL only (the app role): cannot migrate, finds nothing pending, starts.
    const asApp = await openMigratedDatabase(loadConfig({ DATABASE_URL: appUrl }));
    expect(asApp.role).toBeNull();
    await asApp.database.close();
    const runner = new JobRunner(app, { info: () => undefined, error: () => undefined });
    await runner.start();
    try {
      await runner.register('role-test-queue', async () => undefined);
      expect(await runner.send('role-test-queue', {})).toEqual(expect.any(String));
    } finally {
      await runner.stop();
    }
  }, 60_000);
});
