import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../db/ids.ts';
import { buildTestApp, seedTestWorld, type TestApp } from '../../../testing/harness.ts';
import { addAccount } from './billing.fixtures.ts';
import { insertBills, type BillDraft, type NoticeDraft } from './engine.writer.ts';

// The writer inserts a batch with a plain INSERT and, only when a bill of the batch already exists (written meanwhile
// by another run or request), rolls back to a savepoint and writes the batch again with ON CONFLICT DO NOTHING.

let t: TestApp;
let gasId: string;
beforeAll(async () => {
  t = await buildTestApp();
  gasId = (await seedTestWorld(t.database)).gas.id;
}, 120_000);
afterAll(async () => t?.close());

const count = async (q: ReturnType<typeof sql>) =>
  Number(((await t.database.db.execute(q)) as unknown as { rows: { n: unknown }[] }).rows[0]!.n);

function drafts(
  customerId: string,
  accountNo: string,
  period: string,
): { bill: BillDraft; notice: NoticeDraft } {
  const id = uuidv7();
  const bill: BillDraft = {
    id,
    enterpriseId: gasId,
    customerId,
    period,
    billNo: `G${period.replace('-', '')}-${accountNo}`,
    kind: 'regular',
    correctsBillId: null,
    periodFrom: `${period}-01`,
    periodTo: `${period}-28`,
    startRegister: 0,
    endRegister: 10_000,
    volume: 10_000,
    estimated: false,
    amountFen: 3000,
    lines: [],
    runId: null,
    note: '',
    issuedOn: '2030-03-01',
    createdBy: null,
  };
  const notice: NoticeDraft = {
    id: uuidv7(),
    enterpriseId: gasId,
    billId: id,
    noticeNo: `N${period.replace('-', '')}-${accountNo}`,
    dueDate: '2030-03-15',
    fields: { accountNumber: accountNo, dueDays: 10 },
  };
  return { bill, notice };
}

describe('billing run writer', () => {
  it('G-6.2.3: a batch meeting a bill written meanwhile writes the others and skips that one, once each', async () => {
    const a = await addAccount(t.database, gasId, { readings: [] });
    const b = await addAccount(t.database, gasId, { readings: [] });
    const first = drafts(a.customer.id, a.customer.accountNo, '2030-02');
    const written = await t.database.db.transaction((tx) => insertBills(tx, [first.bill], [first.notice]));
    expect([...written]).toEqual([first.bill.id]);

    // The same account and period again (another run's bill), with a new account in the same batch.
    const again = drafts(a.customer.id, a.customer.accountNo, '2030-02');
    const other = drafts(b.customer.id, b.customer.accountNo, '2030-02');
    const second = await t.database.db.transaction((tx) =>
      insertBills(tx, [again.bill, other.bill], [again.notice, other.notice]),
    );
    expect([...second]).toEqual([other.bill.id]);
    for (const c of [a.customer.id, b.customer.id]) {
      expect(await count(sql`select count(*) as n from bills where customer_id = ${c}::uuid`)).toBe(1);
      expect(await count(sql`select count(*) as n from ledger_entries where customer_id = ${c}::uuid`)).toBe(
        1,
      );
      expect(await count(sql`select count(*) as n from payment_notices where customer_id = ${c}::uuid`)).toBe(
        1,
      );
    }
  });

  it('a batch that fails for another reason is not retried: the error reaches the caller', async () => {
    const a = await addAccount(t.database, gasId, { readings: [] });
    const bad = drafts(a.customer.id, a.customer.accountNo, '2030-04');
    bad.bill.enterpriseId = '00000000-0000-4000-8000-000000000000';
    await expect(
      t.database.db.transaction((tx) => insertBills(tx, [bad.bill], [bad.notice])),
    ).rejects.toThrow();
    expect(await count(sql`select count(*) as n from bills where customer_id = ${a.customer.id}::uuid`)).toBe(
      0,
    );
  });
});
