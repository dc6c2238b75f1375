import {
  addDays,
  meteredHeatFee,
  meteredHeatOfSeason,
  toShanghaiDate,
  type HeatingPrice,
  type HeatReading,
  type MeteredMissing,
} from '@ranre/domain';
import type { bills } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { assertHeatingWriter, ownRow } from '../seasons/heating-access.ts';
import * as seasons from '../seasons/seasons.repository.ts';
import * as repo from './bills.repository.ts';
import { priceOf } from './compose.ts';
import { areaBilledInSeason, heatReadings, meteredPeriod } from './metered.repository.ts';

// H-7.2.1 两部制热价: the season bill of a two-part account carries the base part (by heated area); the metered part
// (heat the meter recorded over the season × price per kWh) is settled after the season ends, as a bill of its own
// per account (period '<season>-metered', unique per account, so a rerun bills nothing twice) with its charge entry.

export type MeteredSkip =
  'already_settled' | 'in_season_bill' | 'area_billed_by_dispute' | 'no_price' | MeteredMissing;

export interface MeteredSummary {
  seasonId: string;
  period: string;
  billed: number;
  amountFen: number;
  skipped: Partial<Record<MeteredSkip, number>>;
  sample: { accountNo: string; reason: MeteredSkip; meterId?: string }[];
}

type Line = Record<string, unknown>;

export async function settleMeteredHeat(ctx: AppContext, actor: Actor, seasonId: string) {
  assertHeatingWriter(actor);
  const now = ctx.now();
  const today = toShanghaiDate(now);
  return ctx.database.db.transaction(async (tx) => {
    const season = ownRow(actor, await seasons.seasonById(tx, seasonId, true), '供热期 / heating season');
    if (today <= season.endsOn) {
      throw appError('HEATING_SEASON_NOT_ENDED', {
        zh: `计量热费在供热期结束（${season.endsOn}）后才能结算`,
        en: `The metered heat is settled only after the season ends (${season.endsOn})`,
      });
    }
    const period = meteredPeriod(season.period);
    const [accounts, seasonBills, settled, prices, areaBilled] = await Promise.all([
      repo.heatingAccounts(tx, season.enterpriseId, season.districts),
      repo.seasonBills(tx, season.enterpriseId, season.period),
      repo.seasonBills(tx, season.enterpriseId, period),
      seasons.listPrices(tx, season.enterpriseId),
      areaBilledInSeason(tx, season.id),
    ]);
    const accountOf = new Map(accounts.map((a) => [a.id, a]));
    const done = new Set(settled.map((b) => b.customerId));
    // Two-part accounts: a season bill of this season's area whose lines carry the base part.
    const twoPart = seasonBills.filter(
      (b) => b.kind === 'season' && accountOf.has(b.customerId) && b.lines.some((l) => l.part === 'base'),
    );
    const readings = await heatReadings(
      tx,
      season.enterpriseId,
      twoPart.map((b) => b.customerId),
      addDays(season.startsOn, -366),
      season.endsOn,
    );
    const readingsOf = new Map<string, HeatReading[]>();
    for (const r of readings) readingsOf.set(r.customerId, [...(readingsOf.get(r.customerId) ?? []), r]);

    const summary: MeteredSummary = {
      seasonId: season.id,
      period,
      billed: 0,
      amountFen: 0,
      skipped: {},
      sample: [],
    };
    const skip = (accountNo: string, reason: MeteredSkip, meterId?: string) => {
      summary.skipped[reason] = (summary.skipped[reason] ?? 0) + 1;
      if (summary.sample.length < 20 && reason !== 'already_settled')
        summary.sample.push({ accountNo, reason, ...(meterId ? { meterId } : {}) });
    };
    const values: (typeof bills.$inferInsert)[] = [];
    for (const bill of twoPart) {
      const account = accountOf.get(bill.customerId)!;
      if (done.has(bill.customerId)) skip(account.accountNo, 'already_settled');
      else if (bill.lines.some((l) => l.part === 'metered')) skip(account.accountNo, 'in_season_bill');
      else if (areaBilled.has(bill.customerId)) skip(account.accountNo, 'area_billed_by_dispute');
      else {
        const base = bill.lines.find((l) => l.part === 'base') as Line;
        const row =
          prices.find((p) => p.id === base.priceId && p.heating?.method === 'two_part') ??
          priceOf(prices, account.kind, 'two_part', season.startsOn)?.row;
        if (!row) {
          skip(account.accountNo, 'no_price');
          continue;
        }
        const price = row.heating as Extract<HeatingPrice, { method: 'two_part' }>;
        const use = meteredHeatOfSeason(season, readingsOf.get(bill.customerId) ?? []);
        if (!use.ok) {
          skip(account.accountNo, use.reason, use.meterId);
          continue;
        }
        // Rounded once on the whole heat; with a replaced meter, each meter's line shows its own share.
        const amountFen = meteredHeatFee(use.wh, price.fenPerKwh);
        const first = use.meters[0]!;
        const last = use.meters.at(-1)!;
        values.push({
          enterpriseId: season.enterpriseId,
          customerId: bill.customerId,
          sector: 'heating',
          period,
          billNo: `HM${season.period.replace('-', '')}-${account.accountNo}`,
          kind: 'regular',
          periodFrom: season.startsOn,
          periodTo: season.endsOn,
          startRegister: use.meters.length === 1 ? first.startRegister : null,
          endRegister: use.meters.length === 1 ? last.endRegister : null,
          volume: use.wh,
          amountFen,
          lines: use.meters.map((m) => ({
            part: 'metered',
            meterId: m.meterId,
            startOn: m.startOn,
            startRegister: m.startRegister,
            endOn: m.endOn,
            endRegister: m.endRegister,
            quantity: m.wh,
            unit: 'wh',
            kWh: m.wh / 1000,
            price: price.fenPerKwh,
            amountFen: meteredHeatFee(m.wh, price.fenPerKwh),
            priceId: row.id,
            seasonBillId: bill.id,
          })),
          note: `两部制计量热费（H-7.2.1），${use.wh / 1000} kWh / two-part tariff, metered part`,
          issuedOn: today,
          createdBy: actor.id,
        });
      }
    }
    await repo.insertBillsWithCharges(tx, values, {
      enterpriseId: season.enterpriseId,
      reason: `${season.period} 计量热费 / metered heat`,
      bookedOn: today,
      createdBy: actor.id,
    });
    summary.billed = values.length;
    summary.amountFen = values.reduce((s, v) => s + v.amountFen, 0);
    await appendAudit(tx, {
      actor,
      enterpriseId: season.enterpriseId,
      action: 'heating_bill.metered_settlement',
      entity: 'heating_season',
      entityId: season.id,
      after: { period, billed: summary.billed, skipped: summary.skipped, amountFen: summary.amountFen },
    });
    return summary;
  });
}
