import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
const now = new Date('2026-11-26T02:00:00Z');
beforeAll(async () => {
  t = await buildTestApp();
  t.setNow(now);
  await seedDemo(t.database, now);
}, 120_000);
afterAll(() => t.close());

const rows = async (sql: string) => (await t.database.executeSql(sql)).rows;
const one = async (sql: string) => (await rows(sql))[0]!;

describe('demo payments seed', () => {
  it('the demo: every demo payment has a payment ledger entry and a unique receipt number per enterprise', async () => {
    const r =
      await one(`select count(*)::int as n, count(distinct (enterprise_id, receipt_no))::int as receipts,
      (select count(*)::int from ledger_entries where kind = 'payment') as entries from payments`);
    expect(r.receipts).toBe(r.n);
    expect(r.entries).toBe(r.n);
    const bills = await one(`select count(*)::int as n from bills b join payment_notices p on p.bill_id = b.id
      where p.due_date < '2026-11-26'`);
    if ((bills.n as number) > 0) {
      const paid = await one(
        `select count(distinct bill_id)::int as n from payments where bill_id is not null`,
      );
      expect(paid.n as number).toBeGreaterThan((bills.n as number) * 0.7);
      expect(
        (await one(`select count(*)::int as n from notifications where kind = 'overdue_reminder'`)).n,
      ).toBeGreaterThan(0);
      const channels = await rows('select distinct channel from payments');
      expect(channels.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('the demo: a prepaid meter below its alarm level has its low-balance message queued', async () => {
    const alarms =
      await rows(`select m.prepaid_balance_fen, m.low_balance_alarm_fen, n.body from notifications n
      join meters m on m.id::text = n.ref_id where n.kind = 'prepaid_low_balance'`);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.prepaid_balance_fen as number).toBeLessThan(alarms[0]!.low_balance_alarm_fen as number);
    expect(alarms[0]!.body).toContain('G-6.2.2');
  });

  it('the demo: one dispute settled with its compensation booked as an adjustment, one awaiting the test', async () => {
    const d = await rows(`select status, result, compensation_fen, adjustment_entry_id, window_from, window_to
      from meter_disputes order by dispute_no`);
    expect(d.map((x) => x.status).sort()).toEqual(['requested', 'resolved']);
    const settled = d.find((x) => x.status === 'resolved')!;
    expect(settled.result).toBe('fail');
    expect(settled.compensation_fen as number).toBeGreaterThan(0);
    const entry = await one(
      `select kind, amount_fen from ledger_entries where id = ${settled.adjustment_entry_id}`,
    );
    expect(entry).toEqual({ kind: 'adjustment', amount_fen: -(settled.compensation_fen as number) });
  });
});

describe('demo payments seed over existing bills', () => {
  it('the demo: pays most bills on several channels and leaves some accounts in arrears with reminders', async () => {
    const { paymentsTestWorld } = await import('../modules/money/payments/payments.fixtures.ts');
    const { seedPayments } = await import('./seed-payments.ts');
    const w = await paymentsTestWorld(now);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 28; i += 1) ids.push(await w.customer({ name: `演示${i}` }));
      for (const c of ids) {
        for (const [period, issued, dueDate] of [
          ['2026-08', '2026-09-02', '2026-09-12'],
          ['2026-09', '2026-10-02', '2026-10-12'],
          ['2026-10', '2026-11-02', '2026-11-12'],
          ['2026-11', '2026-11-24', '2026-12-04'],
        ] as const) {
          await w.bill(c, { period, amountFen: 5000 + ids.indexOf(c) * 10, issuedOn: issued, dueDate });
        }
      }
      const result = await w.t.database.db.transaction((tx) => seedPayments(tx, now));
      expect(result.payments).toBeGreaterThan(28 * 3 * 0.8);
      const arrears = (await w.call('gas_agent', 'GET', '/arrears')).json();
      expect(arrears.total).toBeGreaterThanOrEqual(3);
      expect(arrears.total).toBeLessThanOrEqual(8);
      const st = (
        await w.t.database.executeSql(`select status, count(*)::int as n from notifications
        where kind = 'overdue_reminder' group by status`)
      ).rows;
      expect(st.map((s) => s.status).sort()).toEqual(['queued', 'sent']);
      const p = (
        await w.t.database.executeSql(
          `select receipt_no, received_at, channel from payments order by receipt_no`,
        )
      ).rows;
      expect(new Set(p.map((x) => x.channel)).size).toBe(4);
      const nov = p.filter((x) => String(x.receipt_no).startsWith('SJ202611'));
      expect(nov[0]!.receipt_no).toBe('SJ202611000001');
      for (let i = 1; i < nov.length; i += 1) {
        expect(new Date(nov[i]!.received_at as string).getTime()).toBeGreaterThanOrEqual(
          new Date(nov[i - 1]!.received_at as string).getTime(),
        );
      }
    } finally {
      await w.t.close();
    }
  }, 120_000);
});
