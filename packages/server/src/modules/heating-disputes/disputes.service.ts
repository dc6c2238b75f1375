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
import type { Db } from '../../db/client.ts';
import { bills, heatMeterDisputes, ledgerEntries } from '../../db/schema.ts';
import type { Actor, AppContext } from '../../http/context.ts';
import { appError, notFound } from '../../http/errors.ts';
import { enterpriseScope } from '../../http/guard.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { versionConflict } from '../enterprises/enterprises.service.ts';
import { assertHeatingWriter, ownRow } from '../heating-seasons/heating-access.ts';
import * as seasons from '../heating-seasons/seasons.repository.ts';
import * as repo from './disputes.repository.ts';
import type { TDisputeInput, TDisputeResolve } from './disputes.schemas.ts';

const DISPUTE = { zh: '热计量表异议', en: 'heat-meter dispute' };

export class HeatMeterDisputeService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor, enterpriseId?: string) {
    const rows = await repo.listDisputes(this.db, enterpriseScope(actor, enterpriseId));
    return rows.map((r) => ({ ...r.d, customerName: r.customerName, accountNo: r.accountNo, meterSerial: r.meterSerial }));
  }

  /** H-7.2.4: either party disputes the meter's accuracy for a period within the season. */
  async create(actor: Actor, input: TDisputeInput) {
    assertHeatingWriter(actor);
    const today = toShanghaiDate(this.ctx.now());
    const season = ownRow(actor, await seasons.seasonById(this.db, input.seasonId), '供热期 / season');
    const customer = ownRow(actor, await repo.customerWithArea(this.db, input.customerId), '客户 / customer');
    if (input.meterId) {
      const meter = await repo.meterById(this.db, input.meterId);
      if (!meter || meter.customerId !== customer.id || meter.sector !== 'heat') throw notFound('热计量表 / heat meter');
    }
    if (input.disputeFrom > input.disputeTo || input.disputeFrom < season.startsOn || input.disputeTo > season.endsOn) {
      throw appError(
        'HEAT_METER_DISPUTE_PERIOD_INVALID',
        {
          zh: `争议起止日须在供热期 ${season.startsOn} 至 ${season.endsOn} 内且起日不晚于止日`,
          en: `The disputed period must lie within the season ${season.startsOn} – ${season.endsOn}, from not after to`,
        },
        { field: 'disputeFrom' },
      );
    }
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(heatMeterDisputes)
        .values({
          enterpriseId: actor.enterpriseId,
          customerId: customer.id,
          meterId: input.meterId ?? null,
          seasonId: season.id,
          disputedBy: input.disputedBy,
          raisedOn: input.raisedOn ?? today,
          disputeFrom: input.disputeFrom,
          disputeTo: input.disputeTo,
          description: input.description,
          createdBy: actor.id,
        })
        .returning();
      await appendAudit(tx, { actor, enterpriseId: actor.enterpriseId, action: 'heat_meter_dispute.create', entity: 'heat_meter_dispute', entityId: row!.id, after: row });
      return row!;
    });
  }

  /**
   * H-7.2.4: the verification result decides who pays the test (H-7.2.4.1, H-7.2.4.2); a failed meter bills the
   * disputed days by area (H-7.2.4.3) at area season fee ÷ legal heating days × disputed days (H-7.2.4.4), issued as a
   * correction of the season bill with its ledger entry, in one transaction.
   */
  async resolve(actor: Actor, id: string, input: TDisputeResolve) {
    assertHeatingWriter(actor);
    return this.db.transaction(async (tx) => {
      const before = ownRow(actor, await repo.disputeById(tx, id, true), DISPUTE.zh);
      if (before.version !== input.version) throw versionConflict(DISPUTE, before.version, input.version);
      if (before.status !== 'open') {
        throw appError('HEAT_METER_DISPUTE_CLOSED', { zh: '该异议已处理', en: 'This dispute is already resolved' });
      }
      const season = (await seasons.seasonById(tx, before.seasonId))!;
      const outcome = heatMeterTestOutcome({ disputedBy: before.disputedBy as 'company' | 'customer', result: input.result });
      // The dispute runs from its first to its last day, both counted, never more than the legal days.
      const disputedDays = Math.min(season.legalHeatingDays, daysBetween(before.disputeFrom, before.disputeTo) + 1);
      let areaSeasonFeeFen: number | null = null;
      let feeFen: number | null = null;
      let correctionBillId: string | null = null;
      if (outcome.billing === 'area') {
        areaSeasonFeeFen = await this.areaSeasonFee(tx, before.customerId, season);
        feeFen = disputedDaysFee({ areaSeasonFeeFen, legalHeatingDays: season.legalHeatingDays, disputedDays });
        correctionBillId = await this.correct(tx, actor, before, season, { feeFen, disputedDays });
      }
      const today = toShanghaiDate(this.ctx.now());
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
          createdBy: actor.id,
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
          updatedAt: this.ctx.now(),
        })
        .where(eq(heatMeterDisputes.id, id))
        .returning();
      await appendAudit(tx, { actor, enterpriseId: before.enterpriseId, action: 'heat_meter_dispute.resolve', entity: 'heat_meter_dispute', entityId: id, before, after: { ...row, reason: outcome.reason } });
      return { ...row!, reason: outcome.reason };
    });
  }

  /** The area-based season fee of the account: heated area × the area price of its class in effect at the start. */
  private async areaSeasonFee(tx: Db, customerId: string, season: seasons.SeasonRow): Promise<number> {
    const customer = (await repo.customerWithArea(tx, customerId))!;
    const centiM2 = centiM2FromDecimal(customer.heatedAreaM2);
    const prices = (await seasons.listPrices(tx, season.enterpriseId))
      .filter((p) => p.customerClass === seasons.priceClass(customer.kind, 'area') && p.heating?.method === 'area');
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
  private async correct(tx: Db, actor: Actor, d: repo.DisputeRow, season: seasons.SeasonRow, x: { feeFen: number; disputedDays: number }) {
    const bill = await repo.seasonBillOf(tx, d.customerId, season.period);
    const lines = (bill?.lines ?? []) as { part: string; amountFen: number; price: number }[];
    const base = lines.find((l) => l.part === 'base');
    if (!bill || !base) return null;
    const metered = lines.find((l) => l.part === 'metered');
    const baseShare = disputedDaysFee({ areaSeasonFeeFen: base.amountFen, legalHeatingDays: season.legalHeatingDays, disputedDays: x.disputedDays });
    const wh = metered ? await repo.meteredWhBetween(tx, d.customerId, d.disputeFrom, d.disputeTo) : 0;
    const meteredFen = metered ? divRoundHalfUp(wh * metered.price, 1000) : 0;
    const amount = x.feeFen - baseShare - meteredFen;
    const today = toShanghaiDate(this.ctx.now());
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
        createdBy: actor.id,
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
      createdBy: actor.id,
    });
    return made!.id;
  }
}
