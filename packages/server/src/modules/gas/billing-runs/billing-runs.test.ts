import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, seedTestWorld, type TestApp } from '../../../testing/harness.ts';
import { addAccount, addSchedules, completeEnterprise, monthEnds } from './billing.fixtures.ts';
import { BillingRunService } from './billing-runs.service.ts';
import { MeterEventService } from '../meters/meter-events.service.ts';
import { renderNoticePdf } from '../bills/notice-pdf.ts';
import type { Actor } from '../../../core/actor.ts';

let t: TestApp;
let gasId: string;
let service: BillingRunService;
let actor: Actor;
const rows = async (q: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;

beforeAll(async () => {
  t = await buildTestApp();
  const world = await seedTestWorld(t.database);
  gasId = world.gas.id;
  const clerk = await createUser(t.database, gasId, 'gas_billing', 'billing_clerk');
  actor = {
    id: clerk.id,
    username: clerk.username,
    displayName: clerk.displayName,
    role: 'billing_clerk',
    enterpriseId: gasId,
    enterpriseName: '测试燃气公司',
    enterpriseKind: 'pipeline_gas',
  };
  await completeEnterprise(t.database, gasId);
  await addSchedules(t.database, gasId);
  t.setNow(new Date('2026-12-01T02:00:00Z'));
  service = new BillingRunService(t.ctx);
}, 120_000);
afterAll(async () => t?.close());

async function run(period: string, hooks = {}) {
  const created = await service.create(gasId, period, null);
  return service.execute(created.id, hooks);
}
/** Period and registers of a bill row as numbers (node-postgres returns bigint columns as strings). */
const registers = (b: Record<string, unknown> | undefined) => ({
  period: b?.period,
  volume: Number(b?.volume),
  start_register: Number(b?.start_register),
  end_register: Number(b?.end_register),
});
const billsOf = (customerId: string) =>
  rows(sql`select * from bills where customer_id = ${customerId}::uuid order by created_at, bill_no`);
/** An actual reading on a meter, written straight to the table. */
const addReading = (customerId: string, meterId: string, readOn: string, register: number, usage: number) =>
  t.database.db.execute(sql`insert into meter_readings (enterprise_id, customer_id, meter_id, read_on, kind,
    register, usage) values (${gasId}::uuid, ${customerId}::uuid, ${meterId}::uuid, ${readOn}, 'actual', ${register},
    ${usage})`);
/** The customer's meter in service (the new one after an exchange, the spare during verification). */
const meterInService = async (customerId: string) =>
  (
    await rows(sql`select id from meters where customer_id = ${customerId}::uuid and status = 'in_service'`)
  )[0]!.id as string;

/** `n` accounts read at the end of two months, account i using `usage` m³ (registers 1000·i apart). */
async function addReadAccounts(n: number, from: string, to: string, usage: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { customer } = await addAccount(t.database, gasId, {
      readings: [
        { readOn: from, register: 1000 * i },
        { readOn: to, register: 1000 * i + usage },
      ],
    });
    ids.push(customer.id);
  }
  return ids;
}
/** Bills, billed customers, charges and notices of `period` for these customers (each must be one per account). */
async function documentsOf(period: string, ids: string[]) {
  const mine = sql`customer_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
  const [counts] = await rows(sql`select
    (select count(*)::int from bills where period = ${period} and ${mine}) as bills,
    (select count(distinct customer_id)::int from bills where period = ${period} and ${mine}) as customers,
    (select coalesce(sum(amount_fen), 0)::int from bills where period = ${period} and ${mine}) as fen,
    (select count(*)::int from ledger_entries where ref_type = 'bill' and ref_id in
      (select id::text from bills where period = ${period} and ${mine})) as charges,
    (select count(*)::int from payment_notices n join bills b on b.id = n.bill_id
      where b.period = ${period} and b.${mine}) as notices`);
  return counts!;
}

describe('billing engine', () => {
  it('G-6.2.4: a price change inside the period bills the usage before and after at each price, inclusive dates', async () => {
    const { customer } = await addAccount(t.database, gasId, {
      readings: [
        { readOn: '2026-10-31', register: 1_000_000 },
        { readOn: '2026-11-30', register: 1_030_000 },
      ],
    });
    await run('2026-11');
    const [bill] = await billsOf(customer.id);
    const lines = bill!.lines as {
      from: string;
      to: string;
      days: number;
      volume: number;
      price: number;
      amount: number;
    }[];
    expect(lines.map((l) => [l.from, l.to, l.days, l.volume, l.price])).toEqual([
      ['2026-11-01', '2026-11-15', 15, 15_000, 300],
      ['2026-11-16', '2026-11-30', 15, 15_000, 330],
    ]);
    expect(lines.reduce((s, l) => s + l.days, 0)).toBe(30); // no day counted twice
    expect(bill!.amount_fen).toBe(4500 + 4950);
    const [notice] = await rows(sql`select * from payment_notices where bill_id = ${bill!.id}::uuid`);
    expect((notice!.fields as { prices: number[] }).prices).toEqual([300, 330]);
    // No reading at the change: prorated by days, and the bill and its notice say so.
    expect((notice!.fields as { priceSplit: string }).priceSplit).toBe('prorated');
    expect(bill!.note).toContain('按天数比例分摊');
  });

  it('G-6.2.4: a reading on the day before the new price splits the usage at that reading, and the bill says so', async () => {
    const { customer } = await addAccount(t.database, gasId, {
      readings: [
        { readOn: '2026-10-31', register: 1_000_000 },
        { readOn: '2026-11-15', register: 1_010_000 },
        { readOn: '2026-11-30', register: 1_030_000 },
      ],
    });
    await run('2026-11');
    const [bill] = await billsOf(customer.id);
    const lines = bill!.lines as {
      from: string;
      to: string;
      volume: number;
      price: number;
      amount: number;
    }[];
    // Hand count: 10 m³ read by 11-15 at 3.00 = 30.00; the other 20 m³ at 3.30 = 66.00 (prorated it would be 94.50).
    expect(lines.map((l) => [l.from, l.to, l.volume, l.price, l.amount])).toEqual([
      ['2026-11-01', '2026-11-15', 10_000, 300, 3000],
      ['2026-11-16', '2026-11-30', 20_000, 330, 6600],
    ]);
    expect(bill!.amount_fen).toBe(9600);
    expect(bill!.note).toContain('按读数分段');
    const [notice] = await rows(sql`select * from payment_notices where bill_id = ${bill!.id}::uuid`);
    expect((notice!.fields as { priceSplit: string }).priceSplit).toBe('reading');
  });

  it('G-6.2.4: a reading on the day the new price starts splits the usage too', async () => {
    const { customer } = await addAccount(t.database, gasId, {
      readings: [
        { readOn: '2026-10-31', register: 2_000_000 },
        { readOn: '2026-11-16', register: 2_025_000 },
        { readOn: '2026-11-30', register: 2_030_000 },
      ],
    });
    await run('2026-11');
    const [bill] = await billsOf(customer.id);
    const lines = bill!.lines as { volume: number; price: number }[];
    expect(lines.map((l) => [l.volume, l.price])).toEqual([
      [25_000, 300],
      [5_000, 330],
    ]);
    expect(bill!.amount_fen).toBe(7500 + 1650);
  });

  it('G-6.2.4: annual tiers are climbed from the tier year usage already billed', async () => {
    const { customer } = await addAccount(t.database, gasId, {
      readings: [
        { readOn: '2026-09-30', register: 0 },
        { readOn: '2026-10-31', register: 390_000 },
        { readOn: '2026-11-30', register: 420_000 },
      ],
    });
    await run('2026-10');
    await run('2026-11');
    const [, nov] = await billsOf(customer.id);
    const lines = nov!.lines as { tier: number; volume: number; price: number }[];
    expect(lines.map((l) => [l.tier, l.volume, l.price])).toEqual([
      [1, 10_000, 300],
      [2, 5_000, 360],
      [2, 15_000, 396],
    ]);
  });

  it('G-6.2.3: a bimonthly first bill starts at the first reading inside the cycle, not at zero', async () => {
    // The meter was first read on 2026-09-20, inside the 2026-09/10 cycle: the bill covers 09-20 → 10-31 only.
    const { customer } = await addAccount(t.database, gasId, {
      cycle: 'bimonthly',
      readings: [
        { readOn: '2026-09-20', register: 19_978_459 },
        { readOn: '2026-10-31', register: 20_048_626 },
      ],
    });
    await run('2026-10');
    const [bill] = await billsOf(customer.id);
    expect(Number(bill!.start_register)).toBe(19_978_459);
    expect(Number(bill!.volume)).toBe(70_167);
  });

  it('G-6.2.5: a missing reading is estimated within the cap of the past twelve months, the same month of last year included; the next actual settles by a correction document', async () => {
    const ends = monthEnds('2025-09', 13); // 2025-09-30 … 2026-09-30
    let register = 0;
    const usage = (d: string) => (d === '2025-10-31' ? 50_000 : d === '2026-01-31' ? 30_000 : 20_000);
    const readings = ends.map((d, i) => ({ readOn: d, register: (register += i === 0 ? 0 : usage(d)) }));
    const { customer, meter } = await addAccount(t.database, gasId, { readings });
    const sep = register;
    const oct = await run('2026-10');
    expect(oct.estimated).toBeGreaterThanOrEqual(1);
    const [estimate] = await rows(
      sql`select * from meter_readings where meter_id = ${meter!.id}::uuid and kind = 'estimated'`,
    );
    // Same month last year (2025-10) was 50 m³: it is one of the past twelve months, so it is also the cap (the
    // next highest, 2026-01, is 30 m³) and the estimate is 50 m³, not capped to 30.
    expect(Number(estimate!.usage)).toBe(50_000);
    const basis = estimate!.estimate_basis as { capped: boolean; cap: { periodEnd: string; volume: number } };
    expect(basis.capped).toBe(false);
    expect(basis.cap).toEqual({ periodEnd: '2025-10-31', volume: 50_000 });
    const [octBill] = await billsOf(customer.id);
    expect(octBill!.estimated).toBe(true);
    expect(Number(octBill!.volume)).toBe(50_000);

    // The actual November reading is below the October estimate: the October bill is corrected by a new document.
    await addReading(customer.id, meter!.id, '2026-11-30', sep + 10_000, 10_000 - 50_000);
    const nov = await run('2026-11');
    expect(nov.summary).toMatchObject({ corrected: 1 });
    const all = await billsOf(customer.id);
    const correction = all.find((b) => b.kind === 'correction')!;
    expect(correction.corrects_bill_id).toBe(octBill!.id);
    expect(Number(correction.volume)).toBe(-40_000);
    expect(correction.amount_fen).toBe(-12_000); // 40 m³ at 3.00
    const novBill = all.find((b) => b.period === '2026-11' && b.kind === 'regular')!;
    expect(Number(novBill.volume)).toBe(0);
    const [unchanged] = await rows(sql`select * from bills where id = ${octBill!.id}::uuid`);
    expect(unchanged!.amount_fen).toBe(octBill!.amount_fen); // never edited
    const [ledger] =
      await rows(sql`select sum(case when kind = 'payment' then -amount_fen else amount_fen end)::int
      as balance from ledger_entries where customer_id = ${customer.id}::uuid`);
    expect(ledger!.balance).toBe(3000); // 10 m³ actually used, at 3.00
  });

  it('G-6.2.6: the notice gives at least 10 days to pay, or the days the contract agrees', async () => {
    const readings = [
      { readOn: '2026-10-31', register: 100_000 },
      { readOn: '2026-11-30', register: 110_000 },
    ];
    const a = await addAccount(t.database, gasId, { readings });
    const b = await addAccount(t.database, gasId, { readings, paymentDays: 20 });
    await run('2026-11');
    const notice = async (id: string) =>
      (
        await rows(
          sql`select n.issued_on::text, n.due_date::text, n.fields from payment_notices n where customer_id = ${id}::uuid`,
        )
      )[0]!;
    const na = await notice(a.customer.id);
    expect(na.issued_on).toBe('2026-12-01');
    expect(String(na.due_date) >= '2026-12-11').toBe(true);
    expect((na.fields as { dueSource: string }).dueSource).toBe('statutory');
    const nb = await notice(b.customer.id);
    expect(String(nb.due_date) >= '2026-12-21').toBe(true);
    expect(nb.fields as { dueDays: number; dueSource: string }).toMatchObject({
      dueDays: 20,
      dueSource: 'contract',
    });
  });

  it('G-6.2.3: bills follow the contract cycle; prepaid, meterless and unreadable accounts are skipped with reasons', async () => {
    const bi = await addAccount(t.database, gasId, {
      cycle: 'bimonthly',
      readings: [
        { readOn: '2026-10-31', register: 0 },
        { readOn: '2026-12-31', register: 40_000 },
      ],
    });
    const pre = await addAccount(t.database, gasId, { prepaid: true, method: 'prepaid_meter' });
    const perPurchase = await addAccount(t.database, gasId, {
      cycle: 'per_purchase',
      method: 'prepaid_meter',
    });
    const none = await addAccount(t.database, gasId, { noMeter: true });
    const nov = await service.get((await run('2026-11')).id);
    const samples = (nov.summary as { samples: { customerId: string; reason: string }[] }).samples;
    const reason = (id: string) => samples.find((s) => s.customerId === id)?.reason;
    expect(reason(bi.customer.id)).toBe('not_in_cycle');
    expect(reason(pre.customer.id)).toBe('prepaid_meter');
    expect(reason(perPurchase.customer.id)).toBe('prepaid_contract');
    expect(reason(none.customer.id)).toBe('no_meter');
    await run('2026-12');
    const [dec] = await billsOf(bi.customer.id);
    expect([dec!.period, dec!.period_from, dec!.period_to, Number(dec!.volume)]).toEqual([
      '2026-12',
      '2026-11-01',
      '2026-12-31',
      40_000,
    ]);
  });

  it('G-6.2.3: a rerun of the same period writes no second bill (bills_regular_uq)', async () => {
    const before = await rows(
      sql`select count(*)::int as n from bills where period = '2026-11' and kind = 'regular'`,
    );
    const again = await run('2026-11');
    const after = await rows(
      sql`select count(*)::int as n from bills where period = '2026-11' and kind = 'regular'`,
    );
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(again.billed).toBe(0);
    expect((again.summary as { reasons: Record<string, number> }).reasons.already_billed).toBe(before[0]!.n);
  });

  it('G-6.2.5: an issued bill is immutable: UPDATE and DELETE are refused by the database', async () => {
    await expect(t.database.db.execute(sql`update bills set amount_fen = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from bills`)).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`update payment_notices set due_date = '2030-01-01'`),
    ).rejects.toThrow();
  });

  it('G-6.2.3: a run that crashes midway resumes after its last batch with exactly one bill per account', async () => {
    const ids = await addReadAccounts(23, '2027-01-31', '2027-02-28', 5000);
    const created = await service.create(gasId, '2027-02', null);
    const crash = async (n: number) => {
      if (n === 2) throw new Error('simulated crash after batch 2');
    };
    await expect(
      service.execute(created.id, { batchSize: 7, afterBatch: crash, workers: 1 }),
    ).rejects.toThrow('simulated');
    const failed = await service.get(created.id);
    expect(failed.status).toBe('failed');
    expect(failed.processed).toBe(14);
    const done = await service.execute(created.id, { batchSize: 7 });
    expect(done.status).toBe('done');
    expect(done.processed).toBe(done.total);
    expect(await documentsOf('2027-02', ids)).toEqual({
      bills: 23,
      customers: 23,
      fen: 23 * 1650,
      charges: 23,
      notices: 23,
    });
  });

  it('G-6.2.3: two shards billed at once, one crashing, resume to exactly one bill, charge and notice per account', async () => {
    const ids = await addReadAccounts(30, '2027-02-28', '2027-03-31', 2000);
    const created = await service.create(gasId, '2027-03', null);
    const crash = async (n: number) => {
      if (n === 3) throw new Error('simulated crash in one shard');
    };
    await expect(
      service.execute(created.id, { batchSize: 4, afterBatch: crash, workers: 2 }),
    ).rejects.toThrow('simulated');
    const failed = await service.get(created.id);
    expect(failed.status).toBe('failed');
    expect(failed.processed).toBeLessThan(failed.total);
    const shards = (failed.summary as { shards: { upTo: string | null }[] }).shards;
    expect(shards).toHaveLength(2);
    expect(shards[0]!.upTo).not.toBeNull();
    const done = await service.execute(created.id, { batchSize: 4, workers: 2 });
    expect(done.status).toBe('done');
    expect(done.processed).toBe(done.total);
    expect(done.billed + done.skipped).toBe(done.total);
    expect(await documentsOf('2027-03', ids)).toMatchObject({
      bills: 30,
      customers: 30,
      charges: 30,
      notices: 30,
    });
  });

  it('G-6.2.7: the shared part of every notice is stored once; a later phone change leaves issued notices as issued', async () => {
    const a = await addAccount(t.database, gasId, {
      readings: [
        { readOn: '2027-03-31', register: 10_000 },
        { readOn: '2027-04-30', register: 13_000 },
      ],
    });
    const b = await addAccount(t.database, gasId, {
      readings: [
        { readOn: '2027-03-31', register: 20_000 },
        { readOn: '2027-04-30', register: 21_000 },
      ],
    });
    await run('2027-04');
    const issued = await rows(sql`select n.template_id, n.fields, t.content from payment_notices n
      join bills b on b.id = n.bill_id join notice_templates t on t.id = n.template_id
      where b.period = '2027-04' and b.customer_id in (${a.customer.id}::uuid, ${b.customer.id}::uuid)`);
    expect(issued).toHaveLength(2);
    expect(issued[0]!.template_id).toBe(issued[1]!.template_id);
    const content = issued[0]!.content as Record<string, unknown>;
    expect(content).toMatchObject({ payHow: expect.any(String), supervisionPhone: expect.any(String) });
    expect(content.dueExplanation).toBeTruthy();
    expect(issued[0]!.fields).not.toHaveProperty('supervisionPhone');
    const oldPhone = content.queryPhone;

    await t.database.db.execute(
      sql`update enterprises set hotline = '0533-7777777' where id = ${gasId}::uuid`,
    );
    const c = await addAccount(t.database, gasId, {
      readings: [
        { readOn: '2027-04-30', register: 1_000 },
        { readOn: '2027-05-31', register: 2_000 },
      ],
    });
    await run('2027-05');
    const [later] = await rows(sql`select n.template_id, t.content from payment_notices n
      join bills b on b.id = n.bill_id join notice_templates t on t.id = n.template_id
      where b.period = '2027-05' and b.customer_id = ${c.customer.id}::uuid`);
    expect(later!.template_id).not.toBe(issued[0]!.template_id);
    expect((later!.content as Record<string, unknown>).queryPhone).toBe('0533-7777777');
    const [kept] =
      await rows(sql`select t.content from payment_notices n join notice_templates t on t.id = n.template_id
      where n.template_id = ${issued[0]!.template_id as string}::uuid limit 1`);
    expect((kept!.content as Record<string, unknown>).queryPhone).toBe(oldPhone);
    await expect(
      t.database.db.execute(sql`update notice_templates set content = '{}'::jsonb`),
    ).rejects.toThrow();
  });

  it('G-6.2.2: a meter exchanged mid-period: the old meter up to its final register and the new one on one bill', async () => {
    const { customer, meter } = await addAccount(t.database, gasId, {
      readings: [{ readOn: '2027-05-31', register: 1_000_000 }],
    });
    const meters = new MeterEventService(t.ctx);
    await meters.record(actor, meter!.id, {
      kind: 'exchange',
      on: '2027-06-12',
      finalReading: 1_018_000,
      newSerialNo: `NEW-${customer.accountNo}`,
      newModel: '',
      newReading: 0,
      reason: '到期轮换',
      note: '',
    });
    await addReading(customer.id, await meterInService(customer.id), '2027-06-30', 12000, 12000);
    const done = await run('2027-06');
    expect(done.status).toBe('done');
    const [bill] = await billsOf(customer.id);
    expect(registers(bill)).toEqual({
      period: '2027-06',
      volume: 30_000,
      start_register: 0,
      end_register: 12_000,
    });
    expect(bill!.note).toContain('换下或拆除');
    const [notice] = await rows(
      sql`select fields from payment_notices where bill_id = ${bill!.id as string}::uuid`,
    );
    const fields = notice!.fields as { volume: number; meters: { serialNo: string; volume: number }[] };
    expect(fields.volume).toBe(30_000);
    expect(fields.meters.map((m) => m.volume)).toEqual([18_000, 12_000]);
    expect(fields.meters[0]!.serialNo).toBe(meter!.serialNo);
    // The printed notice lists both meters' readings.
    const pdf = await renderNoticePdf({
      noticeNo: 'N-test',
      billNo: String(bill!.bill_no),
      issuedOn: '2027-07-01',
      dueDate: '2027-07-11',
      fields: notice!.fields as Record<string, unknown>,
      lines: bill!.lines as Record<string, unknown>[],
    });
    const file = path.join(os.tmpdir(), `ranre-exchange-${process.pid}.pdf`);
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain(meter!.serialNo);
    expect(text).toContain('换下');
  });

  it('G-6.2.10: a meter removed with no successor gets a final bill up to its final register', async () => {
    const { customer, meter } = await addAccount(t.database, gasId, {
      readings: [{ readOn: '2027-06-30', register: 50_000 }],
    });
    await new MeterEventService(t.ctx).record(actor, meter!.id, {
      kind: 'remove',
      on: '2027-07-20',
      finalReading: 53_500,
      reason: '用户销户拆表',
      note: '',
    });
    await run('2027-07');
    const [bill] = await billsOf(customer.id);
    expect(registers(bill)).toEqual({
      period: '2027-07',
      volume: 3_500,
      start_register: 50_000,
      end_register: 53_500,
    });
  });

  it('G-6.2.2, G-6.2.5: an exchange after an estimated month is left for settlement by hand, with the reason', async () => {
    const { customer, meter } = await addAccount(t.database, gasId, {
      readings: [
        { readOn: '2027-06-30', register: 70_000 },
        { readOn: '2027-07-31', register: 75_000, kind: 'estimated' },
      ],
    });
    await new MeterEventService(t.ctx).record(actor, meter!.id, {
      kind: 'exchange',
      on: '2027-08-10',
      finalReading: 76_000,
      newSerialNo: `NEW-${customer.accountNo}`,
      newModel: '',
      newReading: 0,
      reason: '故障更换',
      note: '',
    });
    const done = await run('2027-08');
    expect(await billsOf(customer.id)).toHaveLength(0);
    const samples = (done.summary as { samples: { customerId: string; reason: string }[] }).samples;
    expect(samples.find((x) => x.customerId === customer.id)?.reason).toBe('exchange_after_estimate');
  });

  it('G-6.2.2: a meter sent to off-line verification with a spare: its usage up to the send register, then the spare', async () => {
    const { customer, meter } = await addAccount(t.database, gasId, {
      readings: [{ readOn: '2027-08-31', register: 200_000 }],
    });
    await new MeterEventService(t.ctx).record(actor, meter!.id, {
      kind: 'send_to_verification',
      on: '2027-09-10',
      reading: 204_000,
      spareSerialNo: `SP-${customer.accountNo}`,
      spareReading: 0,
      note: '',
    });
    const spare = await meterInService(customer.id);
    await addReading(customer.id, spare, '2027-09-30', 5000, 5000);
    await run('2027-09');
    const [bill] = await billsOf(customer.id);
    expect(registers(bill)).toEqual({
      period: '2027-09',
      volume: 9_000,
      start_register: 0,
      end_register: 5_000,
    });
    // The next month the meter is still away: nothing of it is billed twice.
    await addReading(customer.id, spare, '2027-10-31', 7000, 2000);
    await run('2027-10');
    const bills = await billsOf(customer.id);
    expect(bills.map((b) => Number(b.volume))).toEqual([9_000, 2_000]);
  });
});
