import {
  centiM2FromDecimal,
  daysBetween,
  disputedDaysFee,
  divRoundHalfUp,
  heatMeterTestOutcome,
  priceInEffect,
  seasonBillLines,
  toShanghaiDate,
  type HeatingPrice,
} from '@ranre/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { bills, heatMeterDisputes, ledgerEntries } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import { appError } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as seasons from '../seasons/seasons.repository.ts';
import * as repo from './disputes.repository.ts';
import type { TDisputeResolve } from './disputes.schemas.ts';

type By = Pick<Actor, 'id' | 'displayName'> | null;

/**
 * H-7.2.4: the verification result decides who pays the test (H-7.2.4.1, H-7.2.4.2); a failed meter bills the
 * disputed days by area (H-7.2.4.3) at area season fee ÷ legal heating days × disputed days (H-7.2.4.4), issued as a
 * correction of the season bill with its ledger entry. Runs inside the caller's transaction (the service, the seed).
 */
export async function resolveDispute(
  tx: Db,
  by: By,
  before: repo.DisputeRow,
  input: TDisputeResolve,
  now: Date,
) {
  const today = toShanghaiDate(now);
  const season = (await seasons.seasonById(tx, before.seasonId))!;
  const outcome = heatMeterTestOutcome({
    disputedBy: before.disputedBy as 'company' | 'customer',
    result: input.result,
  });
  // The dispute runs from its first to its last day, both counted, never more than the legal days.
  const disputedDays = Math.min(
    season.legalHeatingDays,
    daysBetween(before.disputeFrom, before.disputeTo) + 1,
  );
  let areaSeasonFeeFen: number | null = null;
  let feeFen: number | null = null;
  let correctionBillId: string | null = null;
  if (outcome.billing === 'area') {
    areaSeasonFeeFen = await areaSeasonFee(tx, before.customerId, season);
    feeFen = disputedDaysFee({ areaSeasonFeeFen, legalHeatingDays: season.legalHeatingDays, disputedDays });
    correctionBillId = await correct(tx, by, before, season, { feeFen, disputedDays }, today);
  }
  if (outcome.testPaidBy === 'customer' && input.testFeeFen > 0) {
    await tx.insert(ledgerEntries).values({
      enterpriseId: before.enterpriseId,
      customerId: before.customerId,
      sector: 'heating',
      kind: 'adjustment',
      amountFen: input.testFeeFen,
      refType: 'heat_meter_test',
      refId: before.id,
      reason: outcome.reason.zh,
      bookedOn: today,
      createdBy: by?.id ?? null,
    });
  }
  const [row] = await tx
    .update(heatMeterDisputes)
    .set({
      status: 'resolved',
      testResult: input.result,
      testedOn: input.testedOn,
      testAgency: input.testAgency,
      testFeeFen: input.testFeeFen,
      testPaidBy: outcome.testPaidBy,
      billing: outcome.billing,
      disputedDays,
      areaSeasonFeeFen,
      disputedDaysFeeFen: feeFen,
      correctionBillId,
      version: before.version + 1,
      updatedAt: now,
    })
    .where(eq(heatMeterDisputes.id, before.id))
    .returning();
  await appendAudit(tx, {
    actor: by,
    enterpriseId: before.enterpriseId,
    action: 'heat_meter_dispute.resolve',
    entity: 'heat_meter_dispute',
    entityId: before.id,
    before,
    after: { ...row, reason: outcome.reason },
  });
  return { ...row!, reason: outcome.reason };
}

/** The area-based season fee of the account: heated area × the area price of its class in effect at the start. */
async function areaSeasonFee(tx: Db, customerId: string, season: seasons.SeasonRow): Promise<number> {
  const customer = (await repo.customerWithArea(tx, customerId))!;
  const centiM2 = centiM2FromDecimal(customer.heatedAreaM2);
  const prices = (await seasons.listPrices(tx, season.enterpriseId)).filter(
    (p) => p.customerClass === seasons.priceClass(customer.kind, 'area') && p.heating?.method === 'area',
  );
  const price = priceInEffect(prices, season.startsOn);
  if (!centiM2 || !price) {
    throw appError('HEATING_AREA_PRICE_MISSING', {
      zh: '无法按面积计费：缺少供热面积或该用户类别的面积热价',
      en: 'Cannot bill by area: the heated area or the area price of the class is missing',
    });
  }
  return seasonBillLines({ price: price.heating as HeatingPrice, centiM2 })[0]!.amountFen;
}

/**
 * Re-prices the disputed days of a two-part season bill by area: + the area fee of the days − the base part of the
 * days − the metered heat read in the period. An area-billed or missing season bill needs no correction.
 */
async function correct(
  tx: Db,
  by: By,
  d: repo.DisputeRow,
  season: seasons.SeasonRow,
  x: { feeFen: number; disputedDays: number },
  today: string,
) {
  const bill = await repo.seasonBillOf(tx, d.customerId, season.period);
  const lines = (bill?.lines ?? []) as { part: string; amountFen: number; price: number }[];
  const base = lines.find((l) => l.part === 'base');
  if (!bill || !base) return null;
  const metered = lines.find((l) => l.part === 'metered');
  const baseShare = disputedDaysFee({
    areaSeasonFeeFen: base.amountFen,
    legalHeatingDays: season.legalHeatingDays,
    disputedDays: x.disputedDays,
  });
  const wh = metered ? await repo.meteredWhBetween(tx, d.customerId, d.disputeFrom, d.disputeTo) : 0;
  const meteredFen = metered ? divRoundHalfUp(wh * metered.price, 1000) : 0;
  const amount = x.feeFen - baseShare - meteredFen;
  const [made] = await tx
    .insert(bills)
    .values({
      enterpriseId: d.enterpriseId,
      customerId: d.customerId,
      sector: 'heating',
      period: season.period,
      billNo: `${bill.billNo}-C${d.id.slice(0, 6).toUpperCase()}`,
      kind: 'correction',
      correctsBillId: bill.id,
      periodFrom: d.disputeFrom,
      periodTo: d.disputeTo,
      amountFen: amount,
      lines: [
        { part: 'disputed_days_area', days: x.disputedDays, amountFen: x.feeFen },
        { part: 'base_days_removed', days: x.disputedDays, amountFen: -baseShare },
        { part: 'metered_removed', wh, amountFen: -meteredFen },
      ],
      note: 'H-7.2.4：热表故障，争议期按面积计费 / faulty meter: disputed days billed by area',
      issuedOn: today,
      createdBy: by?.id ?? null,
    })
    .returning();
  await tx.insert(ledgerEntries).values({
    enterpriseId: d.enterpriseId,
    customerId: d.customerId,
    sector: 'heating',
    kind: 'adjustment',
    amountFen: amount,
    refType: 'bill',
    refId: made!.id,
    reason: 'H-7.2.4 热表争议期按面积计费更正 / meter-dispute correction',
    bookedOn: today,
    createdBy: by?.id ?? null,
  });
  return made!.id;
}
