import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { enterprises, users } from '../db/schema.ts';
import { buildApp } from '../http/app.ts';
import type { AppContext } from '../core/context.ts';
import type { Role } from '../core/actor.ts';
import { hashPassword } from '../modules/platform/auth/passwords.ts';
import { CalendarService } from '../modules/platform/calendar/calendar.service.ts';
import { openTestDatabase } from './test-db.ts';
import { withCreditCodeCheckChar } from '@ranre/domain';

export const TEST_PASSWORD = 'Test@2026pw';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  /** Sets the clock every service reads. */
  setNow(d: Date): void;
  /** Signs in and returns the Cookie header value. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** A whole app on a fresh database, jobs off, with the clock under the test's control. */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  let now = new Date('2026-03-02T02:00:00Z');
  const nowFn = () => now;
  // Rate limits out of the way of suites that send thousands of requests; the limiter's own tests set low ones.
  const config = loadConfig({
    JOBS: 'off',
    SEED: 'off',
    DATA_DIR: '/tmp/ranre-unused',
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_PER_USER: '1000000',
    LOGIN_RATE_PER_ADDRESS: '1000000',
    ...env,
  });
  const ctx: AppContext = { config, database, now: nowFn, calendar: new CalendarService(database, nowFn) };
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    database,
    setNow: (d) => {
      now = d;
    },
    login: async (username, password = TEST_PASSWORD) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'ranre_session');
      return `ranre_session=${cookie!.value}`;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

let codeSeq = 0;
/** A valid unified social credit code, different on each call. */
export function testCreditCode(): string {
  codeSeq += 1;
  return withCreditCodeCheckChar(`91370300MA${String(codeSeq).padStart(7, '0')}`);
}

export async function createEnterprise(database: Database, kind: string, name = `测试企业${kind}`) {
  const [row] = await database.db
    .insert(enterprises)
    .values({
      name,
      kind,
      creditCode: testCreditCode(),
      hotline: '0533-1234567',
      supervisionPhone: '0533-7654321',
    })
    .returning();
  return row!;
}

let hashed: Promise<string> | undefined;
export async function createUser(database: Database, enterpriseId: string, username: string, role: Role) {
  hashed ??= hashPassword(TEST_PASSWORD);
  const [row] = await database.db
    .insert(users)
    .values({ enterpriseId, username, displayName: username, role, passwordHash: await hashed })
    .returning();
  return row!;
}

/** Links the login `username` to the staff record `staffId` (users.staff_id), as an admin does on the users page. */
export async function linkUserToStaff(database: Database, username: string, staffId: string): Promise<void> {
  await database.db.update(users).set({ staffId }).where(eq(users.username, username));
}

/** The regulator, a gas company and a heating company, each with an admin and an agent. */
export async function seedTestWorld(database: Database) {
  const regulator = await createEnterprise(database, 'regulator', '淄博市住房和城乡建设局');
  const gas = await createEnterprise(database, 'pipeline_gas', '测试燃气公司');
  const heat = await createEnterprise(database, 'heating', '测试热力公司');
  await createUser(database, regulator.id, 'reg', 'regulator');
  await createUser(database, gas.id, 'gas_admin', 'enterprise_admin');
  await createUser(database, gas.id, 'gas_agent', 'agent');
  await createUser(database, heat.id, 'heat_admin', 'enterprise_admin');
  await createUser(database, heat.id, 'heat_agent', 'agent');
  return { regulator, gas, heat };
}
