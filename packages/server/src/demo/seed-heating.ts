import { addDays, DEMO_HEATING_RULES, randomIndex, seededRandom, toShanghaiDate } from '@ranre/domain';
import {
  billingRuns,
  bills,
  heatingRules,
  heatingSeasons,
  ledgerEntries,
  priceSchedules,
} from '../db/schema.ts';
import type { Db } from '../db/client.ts';
import * as billsRepo from '../modules/heating/bills/bills.repository.ts';
import { composeSeasonBill, suspendedAccounts } from '../modules/heating/bills/compose.ts';
import { bookEarlyRewards } from '../modules/heating/bills/rewards.ts';
import { remindSeason } from '../modules/heating/bills/reminders.service.ts';
import { listPrices, priceClass, type SeasonRow } from '../modules/heating/seasons/seasons.repository.ts';
import { seedHeatMeters, seedHeatingAftermath, seedSeasonPayments } from './seed-heating-parts.ts';

// Demo heating money for the demo heating company (issue 5), relative to `now`: last season (ended) and this one,
// area and two-part prices with effective dates (demo values, not the price authority's), the demo rules, heat
// meters with readings, season bills for every heating account — some paid early with the reward, some overdue
// with reminders, suspended households at the suspended fee — a resolved and an open heat-meter dispute, and last
// season's refunds (paid, offset, pending). Suspension/resumption orders come from the work-order seed.

export interface HeatingSeed {
  /** The season running (or next to run) at `now`; the quality seed attaches its sampling plan to it. */
  currentSeasonId: string;
  previousSeasonId: string;
}

const AREA = '张店城区（演示）';
const DEMO_BASIS = '演示价格（示例值，非物价部门核准价）';

export async function seedHeating(tx: Db, heatId: string, now: Date): Promise<HeatingSeed> {
  const today = toShanghaiDate(now);
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '07-01' ? 1 : 0);
  const r = seededRandom(0x4ea7);
  const [previous, current] = (await tx
    .insert(heatingSeasons)
    .values([
      season(heatId, year - 1, [{ code: 'late_start', days: 1, on: `${year - 1}-11-16` }], `${year}-03-15`),
      season(heatId, year, [], null),
    ])
    .returning()) as [SeasonRow, SeasonRow];

  const price = (
    kind: string,
    method: 'area' | 'two_part',
    from: string,
    heating: Record<string, unknown>,
  ) => ({
    enterpriseId: heatId,
    sector: 'heating',
    customerClass: priceClass(kind, method),
    effectiveFrom: from,
    label: method === 'area' ? '面积热价' : '两部制热价',
    demo: true,
    heating: { method, ...heating },
    basis: DEMO_BASIS,
    announcedOn: addDays(from, -15),
  });
  const last = `${year - 1}-10-01`;
  const now1 = `${year}-10-01`;
  await tx
    .insert(priceSchedules)
    .values([
      price('heating_resident', 'area', last, { fenPerM2PerSeason: 2200 }),
      price('heating_non_resident', 'area', last, { fenPerM2PerSeason: 3200 }),
      price('heating_resident', 'two_part', last, { baseFenPerM2: 660, fenPerKwh: 25 }),
      price('heating_resident', 'two_part', now1, { baseFenPerM2: 660, fenPerKwh: 26 }),
      price('heating_non_resident', 'two_part', last, { baseFenPerM2: 960, fenPerKwh: 30 }),
    ]);
  const rules = DEMO_HEATING_RULES;
  await tx.insert(heatingRules).values({
    enterpriseId: heatId,
    effectiveFrom: `${year - 1}-09-01`,
    rules,
    note: '演示规则：提前 15 天缴清奖励 2%（上限 200 元）；报停按面积热费 30%；逾期第 1、7 天提醒，之后每 15 天',
  });

  const accounts = await billsRepo.heatingAccounts(tx, heatId, []);
  const meterOf = await seedHeatMeters(tx, heatId, accounts, { previous, current, today }, r);
  const orders = await billsRepo.suspensionOrders(tx, heatId);
  const prices = await listPrices(tx, heatId);
  for (const s of [previous, current]) {
    const use = await billsRepo.heatMeterUse(tx, heatId, s.startsOn, s.endsOn);
    const issuedOn = addDays(s.startsOn, -26);
    const inputs = {
      season: s,
      prices,
      rules,
      metered: use.metered,
      // This season's bills went out before any heat was metered: base part now, metered part after the season.
      whOf: s === current ? new Map<string, number>() : use.whOf,
      areaBilled: new Set<string>(),
      suspendedOn: suspendedAccounts(orders, s.startsOn),
    };
    const composed = accounts.map((a) => ({ a, bill: composeSeasonBill(a, inputs) }));
    const ok = composed.filter((c) => c.bill.ok);
    const [run] = await tx
      .insert(billingRuns)
      .values({
        enterpriseId: heatId,
        sector: 'heating',
        period: s.period,
        periodFrom: s.startsOn,
        periodTo: s.endsOn,
        status: 'done',
        total: accounts.length,
        processed: accounts.length,
        billed: ok.length,
        skipped: accounts.length - ok.length,
        summary: { seasonId: s.id, demo: true },
        startedAt: new Date(`${issuedOn}T09:00:00+08:00`),
        finishedAt: new Date(`${issuedOn}T09:00:05+08:00`),
      })
      .returning();
    const made = await tx
      .insert(bills)
      .values(
        ok.map(({ a, bill }) => ({
          enterpriseId: heatId,
          customerId: a.id,
          sector: 'heating',
          period: s.period,
          billNo: `HB${s.period.replace('-', '')}-${a.accountNo}`,
          kind: 'season',
          periodFrom: s.startsOn,
          periodTo: s.endsOn,
          amountFen: bill.ok ? bill.amountFen : 0,
          lines: bill.ok ? bill.lines : [],
          runId: run!.id,
          note: bill.ok ? bill.note : '',
          issuedOn,
          createdAt: new Date(`${issuedOn}T09:00:00+08:00`),
        })),
      )
      .returning({ id: bills.id, customerId: bills.customerId, amountFen: bills.amountFen });
    await tx.insert(ledgerEntries).values(
      made.map((b) => ({
        enterpriseId: heatId,
        customerId: b.customerId,
        sector: 'heating',
        kind: 'charge',
        amountFen: b.amountFen,
        refType: 'bill',
        refId: b.id,
        reason: `${s.period} 采暖费 / heating season bill`,
        bookedOn: issuedOn,
      })),
    );
    await seedSeasonPayments(tx, heatId, s, made, { current: s === current, today }, r);
    await bookEarlyRewards(tx, s, rules, today, null);
    if (s === current) await remindSeason(tx, s, rules, today);
  }
  await seedHeatingAftermath(tx, {
    heatId,
    previous,
    current,
    accounts,
    meterOf,
    now,
    pick: (n) => randomIndex(r, n),
  });
  return { currentSeasonId: current.id, previousSeasonId: previous.id };
}

function season(
  enterpriseId: string,
  startYear: number,
  flags: { code: 'late_start' | 'early_end'; days: number; on: string }[],
  actualEndOn: string | null,
) {
  return {
    enterpriseId,
    area: AREA,
    districts: [],
    period: `${startYear}-${startYear + 1}`,
    startsOn: `${startYear}-11-15`,
    endsOn: `${startYear + 1}-03-15`,
    // H-7.2.4.4: legal heating days from the dates set (demo: 15 Nov – 15 Mar).
    legalHeatingDays: 120,
    paymentDueOn: `${startYear}-11-15`,
    actualStartOn: flags.find((f) => f.code === 'late_start')?.on ?? `${startYear}-11-15`,
    actualEndOn,
    flags,
    basis: '淄博市人民政府供热起止时间通知（演示）',
  };
}
