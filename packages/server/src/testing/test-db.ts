import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase, openDatabase, PGLITE_EXTENSIONS, type Database } from '../db/client.ts';

/** A migrated PGlite image shared by the test files of one run, so each file starts in ~1 s instead of ~4 s. */
const TEMPLATE = path.join(
  os.tmpdir(),
  `ranre-pglite-template-${process.env.RANRE_TEMPLATE_ID ?? 'dev'}.tar`,
);

export async function writePgliteTemplate(): Promise<string> {
  const database = await openDatabase({});
  await migrateDatabase(database);
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const blob = await client.dumpDataDir('none');
  fs.writeFileSync(TEMPLATE, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  return TEMPLATE;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by DATABASE_URL (dropped again on close).
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return openServerTestDatabase(url);
  if (fs.existsSync(TEMPLATE)) {
    const client = await PGlite.create({
      loadDataDir: new Blob([fs.readFileSync(TEMPLATE)]),
      extensions: PGLITE_EXTENSIONS,
    });
    return openDatabase({ client });
  }
  const database = await openDatabase({});
  await migrateDatabase(database);
  return database;
}

async function openServerTestDatabase(url: string): Promise<Database> {
  const name = `ranre_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  await migrateDatabase(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
