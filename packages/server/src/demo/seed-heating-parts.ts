import { addDays, receiptNumber, refundDates, toShanghaiDate } from '@ranre/domain';
import type { Db } from '../db/client.ts';
import {
  heatingRefunds,
  heatMeterDisputes,
  ledgerEntries,
  meterReadings,
  meters,
  payments,
} from '../db/schema.ts';
import type { HeatingAccount } from '../modules/heating/bills/bills.repository.ts';
import type { SeasonRow } from '../modules/heating/seasons/seasons.repository.ts';
import { resolveDispute } from '../modules/heating/disputes/resolve.ts';

// Parts of the heating demo seed (seed-heating.ts): heat meters and readings, payments, disputes and refunds.

const kwh = (n: number) => n * 1000; // heat registers are Wh (kWh × 1000)

/** Heat meters on every non-resident account and one resident in eight, with last season's and this season's heat. */
export async function seedHeatMeters(
  tx: Db,
  heatId: string,
  accounts: HeatingAccount[],
  s: { previous: SeasonRow; current: SeasonRow; today: string },
  r: () => number,
): Promise<Map<string, string>> {
  const chosen = accounts.filter(
    (a, i) => a.heatedAreaM2 && (a.kind === 'heating_non_resident' || i % 8 === 3),
  );
  const made = await tx
    .insert(meters)
    .values(
      chosen.map((a, i) => ({
        enterpriseId: heatId,
        customerId: a.id,
        premisesId: a.premisesId,
        sector: 'heat',
        serialNo: `RLHM${String(i + 1).padStart(5, '0')}`,
        model: 'DN20 超声波热量表',
        manufacturer: '演示热表厂',
        installedOn: addDays(s.previous.startsOn, -400),
        verifiedOn: addDays(s.previous.startsOn, -400),
        nextVerificationDue: addDays(s.previous.startsOn, 1060),
        remoteReading: true,
      })),
    )
    .returning({ id: meters.id, customerId: meters.customerId });
  const meterOf = new Map(made.map((m) => [m.customerId!, m.id]));
  const elapsed = Math.max(
    0,
    Math.min(120, Date.parse(s.today) / 864e5 - Date.parse(s.current.startsOn) / 864e5 - 1),
  );
  const readings = chosen.flatMap((a) => {
    const m2 = Number(a.heatedAreaM2);
    const last = kwh(Math.round(m2 * (85 + r() * 30)));
    const now = kwh(Math.round((m2 * (85 + r() * 30) * elapsed) / 120));
    const base = { enterpriseId: heatId, customerId: a.id, meterId: meterOf.get(a.id)!, kind: 'remote' };
    return [
      { ...base, readOn: addDays(s.previous.startsOn, -1), register: 0, usage: 0 },
      { ...base, readOn: s.previous.endsOn, register: last, usage: last },
      ...(elapsed > 0 ? [{ ...base, readOn: addDays(s.today, -1), register: last + now, usage: now }] : []),
    ];
  });
  for (let i = 0; i < readings.length; i += 500)
    await tx.insert(meterReadings).values(readings.slice(i, i + 500));
  return meterOf;
}

type Made = { id: string; customerId: string; amountFen: number }[];

/**
 * Last season: nearly all paid. This season: about a third paid in full early (reward), a quarter paid after the
 * reward deadline, a few part-paid, the rest still owing after the due date (reminders).
 */
export async function seedSeasonPayments(
  tx: Db,
  heatId: string,
  season: SeasonRow,
  made: Made,
  o: { current: boolean; today: string },
  r: () => number,
) {
  const planned: { bill: Made[number]; on: string; amountFen: number }[] = [];
  const due = season.paymentDueOn;
  for (const bill of made) {
    const x = r();
    const early = addDays(due, -16 - Math.floor(r() * 8));
    if (!o.current) {
      if (x < 0.97)
        planned.push({
          bill,
          on: x < 0.45 ? early : addDays(due, Math.floor(r() * 40)),
          amountFen: bill.amountFen,
        });
    } else if (x < 0.35) planned.push({ bill, on: early, amountFen: bill.amountFen });
    else if (x < 0.6)
      planned.push({ bill, on: addDays(due, -10 + Math.floor(r() * 20)), amountFen: bill.amountFen });
    else if (x < 0.68)
      planned.push({
        bill,
        on: addDays(due, Math.floor(r() * 8)),
        amountFen: Math.floor(bill.amountFen / 2),
      });
  }
  const valid = planned.filter((p) => p.on < o.today).sort((a, b) => a.on.localeCompare(b.on));
  const seq = new Map<string, number>();
  const rows = valid.map((p, i) => {
    const month = p.on.slice(0, 7);
    seq.set(month, (seq.get(month) ?? 0) + 1);
    const at = new Date(
      `${p.on}T${String(8 + (i % 9)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+08:00`,
    );
    return {
      enterpriseId: heatId,
      customerId: p.bill.customerId,
      sector: 'heating',
      channel: ['counter', 'wechat', 'alipay', 'bank'][i % 4]!,
      amountFen: p.amountFen,
      idempotencyKey: `seed:heating:${p.bill.id}`,
      receiptNo: receiptNumber(month, 5000 + seq.get(month)!),
      billId: p.bill.id,
      receivedAt: at,
      createdAt: at,
    };
  });
  for (let i = 0; i < rows.length; i += 300) {
    const inserted = await tx
      .insert(payments)
      .values(rows.slice(i, i + 300))
      .returning();
    await tx.insert(ledgerEntries).values(
      inserted.map((p) => ({
        enterpriseId: heatId,
        customerId: p.customerId,
        sector: 'heating',
        kind: 'payment',
        amountFen: p.amountFen,
        refType: 'payment',
        refId: p.id,
        reason: `${p.channel} ${p.receiptNo}`,
        bookedOn: toShanghaiDate(p.receivedAt),
        createdAt: p.receivedAt,
      })),
    );
  }
}

/** A resolved heat-meter dispute (faulty meter → area billing), an open one, and last season's three refunds. */
export async function seedHeatingAftermath(
  tx: Db,
  x: {
    heatId: string;
    previous: SeasonRow;
    current: SeasonRow;
    accounts: HeatingAccount[];
    meterOf: Map<string, string>;
    now: Date;
    pick: (n: number) => number;
  },
) {
  const today = toShanghaiDate(x.now);
  const metered = x.accounts.filter((a) => x.meterOf.has(a.id) && a.kind === 'heating_non_resident');
  const [faulty, doubted] = [metered[0], metered[1]];
  if (faulty && today > addDays(x.current.startsOn, 9)) {
    const [d] = await tx
      .insert(heatMeterDisputes)
      .values({
        enterpriseId: x.heatId,
        customerId: faulty.id,
        meterId: x.meterOf.get(faulty.id)!,
        seasonId: x.current.id,
        disputedBy: 'customer',
        raisedOn: addDays(x.current.startsOn, 5),
        disputeFrom: x.current.startsOn,
        disputeTo: addDays(x.current.startsOn, 9),
        description: '用户反映热表读数跳变、远传数据缺失，申请检定',
      })
      .returning();
    await resolveDispute(
      tx,
      null,
      d!,
      {
        version: 1,
        result: 'failed',
        testedOn: addDays(today, -2),
        testAgency: '淄博市计量技术研究院（演示）',
        testFeeFen: 30_000,
      },
      x.now,
    );
  }
  if (doubted) {
    await tx.insert(heatMeterDisputes).values({
      enterpriseId: x.heatId,
      customerId: doubted.id,
      meterId: x.meterOf.get(doubted.id)!,
      seasonId: x.current.id,
      disputedBy: 'company',
      raisedOn: addDays(today, -1),
      disputeFrom: x.current.startsOn,
      disputeTo: addDays(today, -1),
      description: '企业巡检发现热表流量异常偏低，委托检定',
    });
  }
  await seedRefunds(tx, x);
}

async function seedRefunds(
  tx: Db,
  x: {
    heatId: string;
    previous: SeasonRow;
    current: SeasonRow;
    accounts: HeatingAccount[];
    pick: (n: number) => number;
  },
) {
  const residents = x.accounts.filter((a) => a.kind === 'heating_resident');
  if (residents.length < 3) return;
  const end = x.previous.endsOn;
  const plan = [
    {
      status: 'paid',
      method: 'pay',
      committed: addDays(end, 46),
      settled: addDays(end, 36),
      amountFen: 8_960,
      days: 7,
    },
    {
      status: 'offset',
      method: 'offset',
      committed: addDays(end, 50),
      settled: addDays(end, 41),
      amountFen: 12_800,
      days: 10,
    },
    {
      status: 'pending',
      method: 'pay',
      committed: refundDates(end, addDays(end, 61)).latest,
      settled: null,
      amountFen: 6_400,
      days: 5,
    },
  ] as const;
  const rows = plan.map((p, i) => {
    const who = residents[(x.pick(residents.length) + i * 7) % residents.length]!;
    return {
      enterpriseId: x.heatId,
      customerId: who.id,
      seasonId: x.previous.id,
      refundNo: `TF${x.previous.period.replace('-', '')}-${String(i + 1).padStart(5, '0')}`,
      cause: 'low_temperature',
      reason: `企业管网原因室温不达标 ${p.days} 天，按演示规则每日每度 0.80 元退费（H-5.5.1）`,
      amountFen: p.amountFen,
      committedOn: p.committed,
      latestOn: refundDates(end, p.committed).latest,
      method: p.method,
      status: p.status,
      settledOn: p.settled,
      offsetSeasonId: p.status === 'offset' ? x.current.id : null,
    };
  });
  const made = await tx.insert(heatingRefunds).values(rows).returning();
  const offset = made.find((m) => m.status === 'offset')!;
  await tx.insert(ledgerEntries).values({
    enterpriseId: x.heatId,
    customerId: offset.customerId,
    sector: 'heating',
    kind: 'adjustment',
    amountFen: -offset.amountFen,
    refType: 'heating_refund',
    refId: offset.id,
    reason: `H-7.2.5 ${x.previous.period} 退费冲抵 ${x.current.period} 热费 / refund offset`,
    bookedOn: offset.settledOn!,
  });
}
