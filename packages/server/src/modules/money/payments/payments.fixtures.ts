import { expect } from 'vitest';
import { bills, ledgerEntries, meters, paymentNotices } from '../../../db/schema.ts';
import { account, customerTestWorld } from '../../service/customers/customers.fixtures.ts';

// Test data for payments, ledger, reminders and meter disputes: the customer world plus bills with notices
// written the way the billing run writes them (bill + notice + `charge` ledger entry in one go).

let billSeq = 0;
let keySeq = 0;
export const newKey = () => `test-key-${Date.now()}-${++keySeq}`;

/** The customer world with its clock at `now` (default 2026-11-26 10:00 Shanghai), everyone signed in again. */
export async function paymentsTestWorld(now = new Date('2026-11-26T02:00:00Z')) {
  const base = await customerTestWorld();
  base.t.setNow(now);
  const cookies: Record<string, string> = {};
  /** Signs everyone in again (after moving the clock past the session's life). */
  const relogin = async () => {
    for (const u of [
      'reg',
      'gas_admin',
      'gas_agent',
      'heat_admin',
      'heat_agent',
      'gas_tech',
      'gas_billing',
    ]) {
      cookies[u] = await base.t.login(u);
    }
  };
  await relogin();
  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    base.t.app.inject({ method, url: `/api${url}`, headers: { cookie: cookies[who]! }, payload });
  const open = async (who: string, body: object) => {
    const res = await call(who, 'POST', '/customers', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const w = { ...base, call, open, cookies, relogin };
  const db = w.t.database.db;

  /** A gas account of the gas company; returns its id. */
  const customer = async (over: Record<string, unknown> = {}) =>
    (await w.open('gas_agent', account(over))).account.id as string;

  /** A bill with its notice and its charge entry. */
  const bill = async (
    customerId: string,
    b: { period: string; amountFen: number; issuedOn: string; dueDate: string; enterpriseId?: string },
  ) => {
    const enterpriseId = b.enterpriseId ?? w.world.gas.id;
    billSeq += 1;
    const [row] = await db
      .insert(bills)
      .values({
        enterpriseId,
        customerId,
        sector: 'gas',
        period: b.period,
        billNo: `ZD-T-${billSeq}`,
        periodFrom: `${b.period}-01`,
        periodTo: `${b.period}-28`,
        volume: Math.round((b.amountFen * 1000) / 305),
        amountFen: b.amountFen,
        issuedOn: b.issuedOn,
      })
      .returning();
    const [notice] = await db
      .insert(paymentNotices)
      .values({
        enterpriseId,
        customerId,
        billId: row!.id,
        noticeNo: `TZ-T-${billSeq}`,
        issuedOn: b.issuedOn,
        dueDate: b.dueDate,
        fields: {},
      })
      .returning();
    await db.insert(ledgerEntries).values({
      enterpriseId,
      customerId,
      sector: 'gas',
      kind: 'charge',
      amountFen: b.amountFen,
      refType: 'bill',
      refId: row!.id,
      bookedOn: b.issuedOn,
    });
    return { bill: row!, notice: notice! };
  };

  /** A meter of the customer. */
  const meter = async (customerId: string, over: Partial<typeof meters.$inferInsert> = {}) => {
    const [row] = await db
      .insert(meters)
      .values({
        enterpriseId: w.world.gas.id,
        customerId,
        sector: 'gas',
        serialNo: `M-${++billSeq}`,
        installedOn: '2020-05-01',
        ...over,
      })
      .returning();
    return row!;
  };

  /** POST /payments expecting `status`; the body. */
  const pay = async (who: string, body: Record<string, unknown>, status = 201) => {
    const res = await w.call(who, 'POST', '/payments', {
      idempotencyKey: newKey(),
      sector: 'gas',
      channel: 'counter',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };

  const count = async (sql: string) => Number((await w.t.database.executeSql(sql)).rows[0]!.n);
  const balance = async (customerId: string) =>
    count(`select coalesce(sum(case when kind = 'payment' then -amount_fen else amount_fen end), 0)::int as n
      from ledger_entries where customer_id = '${customerId}'`);

  return { ...w, db, customer, bill, meter, pay, count, balance };
}
