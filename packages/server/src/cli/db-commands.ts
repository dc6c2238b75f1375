import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { openMigratedDatabase } from '../db/roles.ts';
import { enterprises, users } from '../db/schema.ts';
import { ROLES, type Role } from '../core/actor.ts';
import { appendAudit } from '../modules/platform/audit/audit.repository.ts';
import { assertPasswordPolicy, hashPassword } from '../modules/platform/auth/passwords.ts';
import { ZHolidayCnYear } from '../modules/platform/calendar/calendar.schemas.ts';
import { CalendarService } from '../modules/platform/calendar/calendar.service.ts';
import { importNotice } from '../modules/platform/calendar/import-notice.ts';
import { CliError } from './errors.ts';

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const { database } = await openMigratedDatabase(loadConfig());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Migrations as the owner; with DATABASE_ADMIN_URL also the app role of DATABASE_URL and its rights (db/roles.ts). */
export async function migrateCommand() {
  const { database, role } = await openMigratedDatabase(loadConfig());
  try {
    console.log(`migrations applied (${database.engine})`);
    if (role) {
      console.log(
        `roles: owner ${role.owner} (tables, migrations); app ${role.app} ${role.created ? 'created' : 'updated'} ` +
          '(SELECT/INSERT/UPDATE/DELETE, sequences, pg-boss schema; not a superuser, owns no table)',
      );
    } else if (database.engine === 'postgres') {
      const { rows } = await database.executeSql(
        `select current_user as u, usesuper as super, exists (select 1 from pg_tables
           where schemaname = 'public' and tableowner = current_user) as owner
         from pg_user where usename = current_user`,
      );
      const r = rows[0] as { u: string; super: boolean; owner: boolean };
      console.log(
        r.super || r.owner
          ? `one role: the server connects as ${r.u}${r.super ? ' (a superuser)' : ', the owner of the tables'}, who can ` +
              'turn the append-only triggers off. For production set DATABASE_ADMIN_URL (the owner) and make ' +
              'DATABASE_URL a plain role: ranre migrate then creates it with the rights it needs.'
          : `the server connects as ${r.u}, a plain role (not a superuser, owns no table); the schema is up to date.`,
      );
    }
  } finally {
    await database.close();
  }
}

export async function seedCommand() {
  const { seedDemo } = await import('../demo/seed.ts');
  await withDatabase(async (d) => {
    const r = await seedDemo(d, new Date(), (m) => console.log(m));
    console.log(
      r.created ? `demo data created: ${r.logins.length} logins` : 'demo data already present: nothing done',
    );
  });
}

export async function userAddCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      enterprise: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const { username, role, enterprise, password } = values;
  if (!username || !role || !enterprise || !password) {
    throw new CliError(
      'usage: ranre user add --username U --role R --enterprise <credit code> --password P [--name N]',
    );
  }
  if (!ROLES.includes(role as Role)) throw new CliError(`unknown role ${role}; one of: ${ROLES.join(', ')}`);
  assertPasswordPolicy(password);
  const passwordHash = await hashPassword(password);
  await withDatabase(async ({ db }) => {
    const [ent] = await db.select().from(enterprises).where(eq(enterprises.creditCode, enterprise));
    if (!ent) throw new CliError(`no enterprise with credit code ${enterprise}`);
    if ((role === 'regulator') !== (ent.kind === 'regulator')) {
      throw new CliError('the role regulator belongs to the regulator enterprise, and only there');
    }
    await db.transaction(async (tx) => {
      const [u] = await tx
        .insert(users)
        .values({ enterpriseId: ent.id, username, displayName: values.name ?? username, role, passwordHash })
        .returning({ id: users.id });
      await appendAudit(tx, {
        actor: null,
        enterpriseId: ent.id,
        action: 'user.create',
        entity: 'user',
        entityId: u!.id,
        after: { username, role, via: 'cli' },
      });
    });
    console.log(`user ${username} (${role}) added to ${ent.name}`);
  });
}

export async function calendarImportCommand(file: string) {
  if (!fs.existsSync(file)) throw new CliError(`no such file: ${file}`);
  const parsed = ZHolidayCnYear.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new CliError(`bad notice file: ${parsed.error.issues[0]?.message}`);
  await withDatabase(async (d) => {
    const now = () => new Date();
    const ctx = { config: loadConfig(), database: d, calendar: new CalendarService(d, now), now };
    const r = await importNotice(ctx, null, parsed.data, `cli:${file}`);
    console.log(`calendar ${r.year}: ${r.days} days imported; ${r.year} is now a known year`);
    console.log(`open orders' dues recomputed: ${r.moved.length} moved`);
    for (const m of r.moved) {
      console.log(`  ${m.orderNo} ${m.label.zh}（${m.clause}）: ${m.previousDue} → ${m.newDue}`);
    }
  });
}
