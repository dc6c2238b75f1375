import fs from 'node:fs';
import path from 'node:path';
import PgBoss from 'pg-boss';
import pg from 'pg';
import { ConfigError, type Config } from '../config.ts';
import { migrateDatabase, migrationsFolder, openDatabase, type Database } from './client.ts';

/**
 * Two roles on a PostgreSQL server (issue 12). The append-only triggers (audit, money documents, work-order events)
 * hold only against a role that cannot switch them off: a superuser can `SET session_replication_role = replica`,
 * and a table's owner can `ALTER TABLE … DISABLE TRIGGER`. So:
 *   - the owner (DATABASE_ADMIN_URL) runs `ranre migrate`: it creates and owns the tables;
 *   - the app (DATABASE_URL) is what the server connects as: LOGIN only, not a superuser, owner of nothing in
 *     `public`; SELECT/INSERT/UPDATE/DELETE on the tables, USAGE/SELECT on the sequences, and the `pgboss` schema
 *     (job queues, no business data) as its own, because pg-boss creates a partition table per queue at run time.
 * With one URL only (a development database, the tests) everything runs as that role, as before.
 */
export type AppRole = { owner: string; app: string; created: boolean };

const q = (ident: string) => pg.escapeIdentifier(ident);

/** Creates the app role if missing and gives it exactly the rights above. Idempotent: run by every migrate. */
export async function ensureAppRole(adminUrl: string, appUrl: string): Promise<AppRole | null> {
  const u = new URL(appUrl);
  const app = decodeURIComponent(u.username);
  const password = decodeURIComponent(u.password);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ owner: string; db: string }>(
      'select current_user as owner, current_database() as db',
    );
    const { owner, db } = rows[0]!;
    if (!app || app === owner) return null;
    const existing = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'select rolsuper, rolbypassrls from pg_roles where rolname = $1',
      [app],
    );
    const created = existing.rows.length === 0;
    if (created) {
      await client.query(
        `create role ${q(app)} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls` +
          (password ? ` password ${pg.escapeLiteral(password)}` : ''),
      );
    } else if (existing.rows[0]!.rolsuper || existing.rows[0]!.rolbypassrls) {
      throw new Error(
        `DATABASE_URL 的角色 ${app} 是超级用户，可关闭只追加触发器；请换成普通角色。 / The role ${app} of DATABASE_URL is a ` +
          'superuser (or bypasses row security): it could turn the append-only triggers off. Use a plain role.',
      );
    }
    for (const text of [
      // Before PostgreSQL 15 every role may create objects in public; the app must own nothing there.
      'revoke create on schema public from public',
      `grant connect on database ${q(db)} to ${q(app)}`,
      `grant usage on schema public to ${q(app)}`,
      `grant select, insert, update, delete on all tables in schema public to ${q(app)}`,
      `grant usage, select on all sequences in schema public to ${q(app)}`,
      `alter default privileges in schema public grant select, insert, update, delete on tables to ${q(app)}`,
      `alter default privileges in schema public grant usage, select on sequences to ${q(app)}`,
      // So that `ranre serve` as the app can tell that the schema is up to date (it cannot migrate).
      `grant usage on schema drizzle to ${q(app)}`,
      `grant select on all tables in schema drizzle to ${q(app)}`,
    ]) {
      await client.query(text);
    }
    await installPgBossAs(client, db, app);
    return { owner, app, created };
  } finally {
    await client.end();
  }
}

/**
 * pg-boss's schema, made by the app role so that the app owns it (its queues are partitions it attaches at run
 * time). Its install script begins with CREATE SCHEMA, which needs CREATE on the database: granted for the install
 * and taken back.
 */
async function installPgBossAs(client: pg.Client, db: string, app: string) {
  const { rows } = await client.query(`select 1 from pg_namespace where nspname = 'pgboss'`);
  if (rows.length > 0) return;
  await client.query(`grant create on database ${q(db)} to ${q(app)}`);
  try {
    await client.query(`set role ${q(app)}`);
    await client.query(PgBoss.getConstructionPlans('pgboss'));
  } finally {
    await client.query('reset role');
    await client.query(`revoke create on database ${q(db)} from ${q(app)}`);
  }
}

/** Migrations applied on the database vs in the journal: the app role checks this instead of migrating. */
export async function migrationsPending(executeSql: (t: string) => Promise<{ rows: unknown[] }>) {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  const { rows } = await executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
  return journal.entries.length - (rows[0] as { n: number }).n;
}

/**
 * Opens the configured database, migrated, for `ranre serve` and the CLI. With DATABASE_ADMIN_URL (a server): the
 * migrations and the app role's rights through it first — before the app's connection, whose role may not exist
 * yet. Else as DATABASE_URL's role (or PGlite), as before; an app role that cannot migrate starts if the schema is up
 * to date and otherwise says what to run.
 */
export async function openMigratedDatabase(
  config: Config,
): Promise<{ database: Database; role: AppRole | null }> {
  if (config.databaseUrl && config.databaseAdminUrl) {
    const admin = await openDatabase({ url: config.databaseAdminUrl });
    try {
      await migrateDatabase(admin);
    } finally {
      await admin.close();
    }
    const role = await ensureAppRole(config.databaseAdminUrl, config.databaseUrl);
    return { database: await openDatabase({ url: config.databaseUrl }), role };
  }
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrateOrCheck(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return { database, role: null };
}

async function migrateOrCheck(database: Database): Promise<void> {
  try {
    await migrateDatabase(database);
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (database.engine !== 'postgres' || code !== '42501') throw err;
    const pending = await migrationsPending((t) => database.executeSql(t));
    if (pending > 0) {
      throw new ConfigError(
        `数据库有 ${pending} 个迁移未执行，而 DATABASE_URL 的角色无权执行：请用所有者运行 DATABASE_ADMIN_URL=… ranre migrate。 / ` +
          `${pending} migration(s) pending and the role of DATABASE_URL may not apply them: run ` +
          '`ranre migrate` with DATABASE_ADMIN_URL set to the owner.',
      );
    }
  }
}
