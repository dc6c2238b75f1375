import { expect } from 'vitest';
import {
  buildTestApp,
  createEnterprise,
  createUser,
  seedTestWorld,
  type TestApp,
} from '../../../testing/harness.ts';
import { account } from '../../service/customers/customers.fixtures.ts';

// Shared set-up for the metering tests (meters, readings, prices): a gas company with an admin, a billing clerk and
// an agent; a second gas company with its own admin; the clock on 2026-11-26 (Shanghai).

export type MeteringWorld = Awaited<ReturnType<typeof meteringWorld>>;

export async function meteringWorld() {
  const t: TestApp = await buildTestApp();
  t.setNow(new Date('2026-11-26T02:00:00Z'));
  const world = await seedTestWorld(t.database);
  await createUser(t.database, world.gas.id, 'gas_billing', 'billing_clerk');
  const other = await createEnterprise(t.database, 'pipeline_gas', '另一燃气公司');
  await createUser(t.database, other.id, 'other_admin', 'enterprise_admin');
  const cookies = {
    admin: await t.login('gas_admin'),
    clerk: await t.login('gas_billing'),
    agent: await t.login('gas_agent'),
    other: await t.login('other_admin'),
    reg: await t.login('reg'),
  };
  const call = async (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await t.app.inject({
      method,
      url: `/api${url}`,
      headers: { cookie },
      payload: payload as object,
    });
    // A test reads whatever the response holds; the schemas are proven by the routes' own zod types.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.statusCode, body: res.json() as Record<string, any> };
  };
  const customer = async (over: Record<string, unknown> = {}, cookie = cookies.admin) => {
    const res = await call(cookie, 'POST', '/customers', account(over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.account.id as string;
  };
  let serial = 0;
  /** A meter installed for the customer on `on` with `reading` litres on the register. */
  const meter = async (customerId: string, over: Record<string, unknown> = {}, cookie = cookies.clerk) => {
    const res = await call(cookie, 'POST', '/meters', {
      serialNo: `T${String(++serial).padStart(7, '0')}`,
      model: 'G2.5',
      install: { customerId, on: '2025-11-20', reading: 1_000_000 },
      ...over,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.meter.id as string;
  };
  const count = async (sql: string) => Number((await t.database.executeSql(sql)).rows[0]!.n);
  return { t, world, other, cookies, call, customer, meter, count };
}
