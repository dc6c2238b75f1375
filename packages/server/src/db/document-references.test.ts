import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStateOf } from '../testing/refusal.ts';
import { buildTestApp, createUser, seedTestWorld, type TestApp } from '../testing/harness.ts';
import { addAccount } from '../modules/gas/billing-runs/billing.fixtures.ts';

// Bills, payment notices and ledger entries check their references once per statement (migration 0017) instead of
// by foreign keys. These tests prove each reference is still refused when missing or of another enterprise or
// customer, that a statement with one bad row writes nothing, and that the rows they point to cannot go away.

let t: TestApp;
let gasId: string;
let heatId: string;
let userId: string;
const rows = async (q: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;

const refusal = (q: ReturnType<typeof sql>) => sqlStateOf(() => t.database.db.execute(q));

let n = 0;
type Refs = { run?: string; user?: string; corrects?: string };
const bill = (enterpriseId: string, customerId: string, refs: Refs = {}) => {
  n += 1;
  return sql`insert into bills (enterprise_id, customer_id, sector, period, bill_no, kind, period_from, period_to,
    amount_fen, issued_on, run_id, created_by, corrects_bill_id)
    values (${enterpriseId}::uuid, ${customerId}::uuid, 'gas', ${`2030-${n}`}, ${`REF-${n}`}, 'regular',
    '2030-01-01', '2030-01-31', 100, '2030-02-01', ${refs.run ?? null}::uuid, ${refs.user ?? null}::uuid,
    ${refs.corrects ?? null}::uuid) returning id`;
};
const newRun = async (enterpriseId: string) =>
  (
    await rows(sql`insert into billing_runs (enterprise_id, sector, period, period_from, period_to)
      values (${enterpriseId}::uuid, 'gas', '2030-01', '2030-01-01', '2030-01-31') returning id`)
  )[0]!.id as string;

beforeAll(async () => {
  t = await buildTestApp();
  const world = await seedTestWorld(t.database);
  gasId = world.gas.id;
  heatId = world.heat.id;
  userId = (await createUser(t.database, gasId, 'ref_clerk', 'billing_clerk')).id;
}, 120_000);
afterAll(async () => t?.close());

describe('document references (bills, notices, ledger: checked per statement)', () => {
  it("a bill or ledger entry whose enterprise is not its customer's is refused (23503)", async () => {
    const { customer } = await addAccount(t.database, gasId, { readings: [] });
    expect(await refusal(bill(heatId, customer.id))).toBe('23503');
    expect(await refusal(bill(gasId, '00000000-0000-4000-8000-000000000000'))).toBe('23503');
    expect(
      await refusal(sql`insert into ledger_entries (enterprise_id, customer_id, sector, kind, amount_fen, ref_type,
        ref_id, booked_on) values (${heatId}::uuid, ${customer.id}::uuid, 'gas', 'adjustment', 1, 'test', 'x',
        '2030-01-01')`),
    ).toBe('23503');
    const [ok] = await rows(bill(gasId, customer.id));
    expect(ok!.id).toBeTruthy();
  });

  it('a bill naming an unknown run, user, or a corrected bill of another customer is refused', async () => {
    const { customer } = await addAccount(t.database, gasId, { readings: [] });
    const { customer: other } = await addAccount(t.database, gasId, { readings: [] });
    const [theirs] = await rows(bill(gasId, other.id));
    const none = '00000000-0000-4000-8000-000000000001';
    expect(await refusal(bill(gasId, customer.id, { run: none }))).toBe('23503');
    expect(await refusal(bill(gasId, customer.id, { run: await newRun(heatId) }))).toBe('23503');
    expect(await refusal(bill(gasId, customer.id, { user: none }))).toBe('23503');
    expect(await refusal(bill(gasId, customer.id, { corrects: theirs!.id as string }))).toBe('23503');
    expect(await refusal(bill(gasId, customer.id, { run: await newRun(gasId), user: userId }))).toBe(
      'accepted',
    );
  });

  it("G-6.2.7: a notice naming another customer's bill, or another enterprise's template, is refused", async () => {
    const { customer } = await addAccount(t.database, gasId, { readings: [] });
    const { customer: other } = await addAccount(t.database, gasId, { readings: [] });
    const [mine] = await rows(bill(gasId, customer.id));
    const [heatTemplate] = await rows(sql`insert into notice_templates (id, enterprise_id, content)
      values (gen_random_uuid(), ${heatId}::uuid, '{}') returning id`);
    const notice = (customerId: string, no: string, template: string | null) =>
      sql`insert into payment_notices (enterprise_id, customer_id, bill_id, notice_no, issued_on, due_date, fields,
        template_id) values (${gasId}::uuid, ${customerId}::uuid, ${mine!.id as string}::uuid, ${no}, '2030-02-01',
        '2030-02-15', '{}', ${template}::uuid)`;
    expect(await refusal(notice(other.id, `RN-${n}-a`, null))).toBe('23503');
    expect(await refusal(notice(customer.id, `RN-${n}-b`, heatTemplate!.id as string))).toBe('23503');
    expect(await refusal(notice(customer.id, `RN-${n}-c`, null))).toBe('accepted');
  });

  it('a statement with one bad row among good ones writes nothing', async () => {
    const { customer } = await addAccount(t.database, gasId, { readings: [] });
    const before = await rows(sql`select count(*)::int as c from ledger_entries`);
    expect(
      await refusal(sql`insert into ledger_entries (enterprise_id, customer_id, sector, kind, amount_fen, ref_type,
        ref_id, booked_on) values
        (${gasId}::uuid, ${customer.id}::uuid, 'gas', 'adjustment', 1, 'test', 'good-1', '2030-01-01'),
        (${gasId}::uuid, ${customer.id}::uuid, 'gas', 'adjustment', 1, 'test', 'good-2', '2030-01-01'),
        (${heatId}::uuid, ${customer.id}::uuid, 'gas', 'adjustment', 1, 'test', 'bad', '2030-01-01')`),
    ).toBe('23503');
    expect(await rows(sql`select count(*)::int as c from ledger_entries`)).toEqual(before);
  });

  it('customers, users and billing runs that documents point to are never deleted nor re-keyed', async () => {
    const { customer } = await addAccount(t.database, gasId, { readings: [] });
    await rows(bill(gasId, customer.id));
    expect(await refusal(sql`delete from customers where id = ${customer.id}::uuid`)).toBe('23001');
    expect(
      await refusal(
        sql`update customers set enterprise_id = ${heatId}::uuid where id = ${customer.id}::uuid`,
      ),
    ).toBe('23001');
    expect(await refusal(sql`delete from users where id = ${userId}::uuid`)).toBe('23001');
    const run = await newRun(gasId);
    expect(await refusal(sql`delete from billing_runs where id = ${run}::uuid`)).toBe('23001');
    expect(await refusal(sql`truncate customers cascade`)).toBe('23001');
    // Everyday edits still work.
    expect(
      await refusal(sql`update customers set name = '改名用户', enterprise_id = enterprise_id
        where id = ${customer.id}::uuid`),
    ).toBe('accepted');
  });
});
