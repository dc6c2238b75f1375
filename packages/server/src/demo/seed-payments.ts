import { addDays, daysBetween, receiptNumber, receiptSequence, toShanghaiDate } from '@ranre/domain';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { queueOverdueReminders } from '../jobs/overdue-reminders.ts';
import {
  averageBilledPrice,
  findDispute,
  insertDispute,
} from '../modules/gas/meter-disputes/meter-disputes.repository.ts';
import { settleDispute, view as disputeView } from '../modules/gas/meter-disputes/meter-disputes.service.ts';
import { drawFromPrepaidMeter } from '../modules/money/payments/prepaid.service.ts';
import { recordPayment } from '../modules/money/payments/payments.service.ts';
import type { Db } from '../db/client.ts';
import { prng } from './seed-customers-data.ts';
import {
  bills,
  customers,
  enterprises,
  ledgerEntries,
  meterReadings,
  meters,
  notifications,
  paymentNotices,
  payments,
  residentCustomers,
  users,
} from '../db/schema.ts';

// Demo payments (issue 4): most bills paid on the various channels with numbered receipts, some accounts in
// arrears with their reminders queued or sent (G-6.2.9), a prepaid meter past its low-balance alarm (G-6.2.2),
// and meter disputes (G-6.2.11), one resolved with its compensation booked. Pays whatever bills exist, so it works
// with or without the billing seed. Deterministic for a given `now`.

const BATCH = 500;
const CHANNELS = ['counter', 'bank', 'wechat', 'alipay'] as const;

type BillDue = {
  billId: string;
  enterpriseId: string;
  customerId: string;
  sector: string;
  amountFen: number;
  issuedOn: string;
  dueDate: string;
};

export async function seedPayments(tx: Db, now: Date) {
  const today = toShanghaiDate(now);
  const r = prng(0x5a1e);
  const due: BillDue[] = await tx
    .select({
      billId: bills.id,
      enterpriseId: bills.enterpriseId,
      customerId: bills.customerId,
      sector: bills.sector,
      amountFen: bills.amountFen,
      issuedOn: paymentNotices.issuedOn,
      dueDate: paymentNotices.dueDate,
    })
    .from(bills)
    .innerJoin(paymentNotices, eq(paymentNotices.billId, bills.id))
    .innerJoin(customers, eq(customers.id, bills.customerId))
    .where(sql`${bills.amountFen} > 0`)
    .orderBy(asc(customers.accountNo), asc(paymentNotices.dueDate));
  // Bills another seed already paid are left alone; receipt numbers continue after any already issued.
  const existing = await tx
    .select({ enterpriseId: payments.enterpriseId, billId: payments.billId, receiptNo: payments.receiptNo })
    .from(payments);
  const paidBills = new Set(existing.map((p) => p.billId).filter(Boolean));
  const cashiers = await tx
    .select({ id: users.id, enterpriseId: users.enterpriseId })
    .from(users)
    .where(inArray(users.role, ['billing_clerk', 'agent']));

  // The demo resident's own accounts keep their latest bill open, so his phone pages have a bill to pay (issue 16).
  const residentOwn = new Set(
    (await tx.select({ id: residentCustomers.customerId }).from(residentCustomers)).map((r) => r.id),
  );
  // Account by account: about one in seven leaves its latest due bills unpaid (arrears), one in fourteen pays half.
  const byCustomer = new Map<string, BillDue[]>();
  for (const b of due) byCustomer.set(b.customerId, [...(byCustomer.get(b.customerId) ?? []), b]);
  const planned: (typeof payments.$inferInsert)[] = [];
  let i = 0;
  for (const list of byCustomer.values()) {
    i += 1;
    const pastDue = list.filter((b) => b.dueDate < today);
    const unpaid =
      i % 7 === 3 ? new Set(pastDue.slice(-1 - (i % 3)).map((b) => b.billId)) : new Set<string>();
    const half = i % 14 === 9 ? pastDue.at(-1)?.billId : undefined;
    const keepOpen = residentOwn.has(list[0]!.customerId) ? list.at(-1)?.billId : undefined;
    for (const b of list) {
      if (unpaid.has(b.billId) || paidBills.has(b.billId) || b.billId === keepOpen) continue;
      if (b.dueDate >= today && r.chance(0.5)) continue;
      const span = Math.max(0, daysBetween(b.issuedOn, b.dueDate));
      let on = addDays(b.issuedOn, r.int(0, span + (r.chance(0.1) ? 6 : 0)));
      if (on > today) on = today;
      const channel = r.pick(CHANNELS);
      const tradeNo = `${channel === 'wechat' ? 'WX' : channel === 'alipay' ? 'ALI' : 'BK'}${b.billId.replace(/-/g, '').slice(0, 16).toUpperCase()}`;
      const clerk = cashiers.find((c) => c.enterpriseId === b.enterpriseId);
      planned.push({
        enterpriseId: b.enterpriseId,
        customerId: b.customerId,
        sector: b.sector,
        channel,
        amountFen: b.billId === half ? Math.max(1, Math.floor(b.amountFen / 2)) : b.amountFen,
        idempotencyKey:
          channel === 'wechat' || channel === 'alipay' ? `${channel}:${tradeNo}` : `seed:${b.billId}`,
        receiptNo: '',
        externalRef: channel === 'counter' ? null : tradeNo,
        billId: b.billId,
        receivedAt: new Date(
          `${on}T${String(r.int(8, 17)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00+08:00`,
        ),
        createdBy: channel === 'counter' || channel === 'bank' ? (clerk?.id ?? null) : null,
      });
    }
  }
  // Receipt numbers per enterprise and month, in the order the money came in (G-6.2.8).
  planned.sort((a, b) => a.receivedAt!.getTime() - b.receivedAt!.getTime());
  const seq = new Map<string, number>();
  for (const p of existing) {
    const k = `${p.enterpriseId}|${p.receiptNo.slice(2, 6)}-${p.receiptNo.slice(6, 8)}`;
    seq.set(k, Math.max(seq.get(k) ?? 0, receiptSequence(p.receiptNo)));
  }
  for (const p of planned) {
    const month = toShanghaiDate(p.receivedAt!).slice(0, 7);
    const k = `${p.enterpriseId}|${month}`;
    seq.set(k, (seq.get(k) ?? 0) + 1);
    p.receiptNo = receiptNumber(month, seq.get(k)!);
    p.createdAt = p.receivedAt;
  }
  for (let k = 0; k < planned.length; k += BATCH) {
    const rows = await tx
      .insert(payments)
      .values(planned.slice(k, k + BATCH))
      .returning();
    await tx.insert(ledgerEntries).values(
      rows.map((p) => ({
        enterpriseId: p.enterpriseId,
        customerId: p.customerId,
        sector: p.sector,
        kind: 'payment',
        amountFen: p.amountFen,
        refType: 'payment',
        refId: p.id,
        reason: `${p.channel} ${p.receiptNo}`,
        bookedOn: toShanghaiDate(p.receivedAt),
        createdBy: p.createdBy,
        createdAt: p.receivedAt,
      })),
    );
  }

  const prepaid = await seedPrepaid(tx, now);
  // G-6.2.9: reminders for what is overdue today; the earlier ones already went out.
  const reminders = await queueOverdueReminders(tx, now);
  // Two in three went out already (the sender job delivers the rest within a minute of start-up).
  const queued = await tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.kind, 'overdue_reminder'), eq(notifications.status, 'queued')))
    .orderBy(asc(notifications.dedupeKey));
  const sent = queued.filter((_, k) => k % 3 !== 2).map((n) => n.id);
  if (sent.length > 0) {
    await tx
      .update(notifications)
      .set({ status: 'sent', sentAt: new Date(now.getTime() - 3_600_000), attempts: 1 })
      .where(inArray(notifications.id, sent));
  }
  const disputes = await seedDisputes(tx, now);
  return { payments: planned.length, reminders: reminders.queued, prepaid, disputes };
}

/** A top-up on two prepaid meters; on the first, gas drawn until its balance falls below the alarm (G-6.2.2). */
async function seedPrepaid(tx: Db, now: Date) {
  const list = await tx
    .select({ meter: meters, c: customers })
    .from(meters)
    .innerJoin(customers, eq(customers.id, meters.customerId))
    .where(
      and(
        eq(meters.prepaid, true),
        eq(meters.status, 'in_service'),
        sql`${meters.lowBalanceAlarmFen} is not null`,
      ),
    )
    .orderBy(asc(meters.serialNo))
    .limit(2);
  for (const [n, { meter, c }] of list.entries()) {
    const customer = {
      id: c.id,
      enterpriseId: c.enterpriseId,
      accountNo: c.accountNo,
      name: c.name,
      kind: c.kind,
    };
    const top = await recordPayment(tx, null, {
      customer,
      sector: 'gas',
      channel: 'prepaid_topup',
      amountFen: 10_000,
      idempotencyKey: `seed:topup:${meter.id}`,
      meterId: meter.id,
      receivedAt: new Date(now.getTime() - (3 - n) * 86_400_000),
    });
    if (n === 0) {
      const draw = top.prepaidBalanceFen! - (meter.lowBalanceAlarmFen! - 650);
      await drawFromPrepaidMeter(
        tx,
        null,
        meter.id,
        draw,
        'seed-draw-1',
        new Date(now.getTime() - 7_200_000),
      );
    }
  }
  return list.length;
}

/** Two meter disputes (G-6.2.11): one tested out of tolerance and settled, one waiting for the test. */
async function seedDisputes(tx: Db, now: Date) {
  const today = toShanghaiDate(now);
  const candidates = await tx
    .select({ meter: meters, c: customers, n: sql<number>`count(${meterReadings.id})::int` })
    .from(meters)
    .innerJoin(customers, eq(customers.id, meters.customerId))
    .innerJoin(meterReadings, eq(meterReadings.meterId, meters.id))
    .innerJoin(enterprises, eq(enterprises.id, meters.enterpriseId))
    .where(
      and(
        eq(meters.prepaid, false),
        eq(customers.kind, 'pipeline_urban_resident'),
        sql`${meters.installedOn} is not null`,
      ),
    )
    .groupBy(meters.id, customers.id)
    .orderBy(desc(sql`count(${meterReadings.id})`), asc(meters.serialNo))
    .limit(2);
  for (const [n, { meter, c }] of candidates.entries()) {
    const row = await insertDispute(tx, {
      enterpriseId: meter.enterpriseId,
      customerId: c.id,
      meterId: meter.id,
      disputeNo: `JD${addDays(today, -26 + n * 20)
        .slice(0, 7)
        .replace('-', '')}${String(n + 1).padStart(4, '0')}`,
      sector: 'gas',
      requestedOn: addDays(today, -26 + n * 20),
      requestedBy: 'customer',
      complaint:
        n === 0 ? '用户反映近一年燃气表走字明显偏快，用量与往年不符' : '用户怀疑燃气表计量不准，申请检定',
      testInstitution: '淄博市计量技术研究院（法定检定机构，演示）',
      testFeeFen: 8000,
      installedOn: meter.installedOn,
      createdAt: new Date(now.getTime() - (26 - n * 20) * 86_400_000),
      updatedAt: now,
    });
    if (n > 0) continue;
    const removedOn = addDays(today, -20);
    const price = (await averageBilledPrice(tx, c.id, addDays(removedOn, -366), removedOn)) ?? 305;
    const cur = disputeView((await findDispute(tx, row.id))!);
    await settleDispute(
      tx,
      null,
      cur,
      {
        testedOn: addDays(today, -12),
        removedOn,
        errorPercent: 3.6,
        tolerancePercent: 1.5,
        priceFenPerM3: price,
      },
      now,
    );
  }
  return candidates.length;
}
