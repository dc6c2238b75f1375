import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import { migrateDatabase, type Database } from '../db/client.ts';
import { enterprises, users } from '../db/schema.ts';
import { ROLES, type Role } from '../core/actor.ts';
import { openConfiguredDatabase } from '../main.ts';
import { appendAudit } from '../modules/platform/audit/audit.repository.ts';
import { assertPasswordPolicy, hashPassword } from '../modules/platform/auth/passwords.ts';
import { ZHolidayCnYear } from '../modules/platform/calendar/calendar.schemas.ts';
import { CalendarService } from '../modules/platform/calendar/calendar.service.ts';
import { CliError } from './errors.ts';

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function migrateCommand() {
  await withDatabase(async (d) => console.log(`migrations applied (${d.engine})`));
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
    const r = await new CalendarService(d, () => new Date()).importYear(null, parsed.data, `cli:${file}`);
    console.log(`calendar ${r.year}: ${r.days} days imported; ${r.year} is now a known year`);
  });
}
