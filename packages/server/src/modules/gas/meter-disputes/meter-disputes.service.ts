import { addDays, meterDisputeOutcome, toShanghaiDate, type UsagePeriod } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { versionConflict } from '../../platform/enterprises/enterprises.service.ts';
import { dateOf } from '../../money/ledger/arrears.ts';
import { insertLedgerEntry } from '../../money/ledger/ledger.repository.ts';
import { sectorOfKind, visibleCustomer } from '../../money/ledger/ledger.service.ts';
import * as repo from './meter-disputes.repository.ts';
import type {
  TDispute,
  TDisputeCreate,
  TDisputeListQuery,
  TDisputeResult,
} from './meter-disputes.schemas.ts';

const WHAT = { zh: '计量争议', en: 'meter dispute' };
const bad = (code: string, zh: string, en: string, details?: unknown) => appError(code, { zh, en }, details);

/** Readings → usage periods: each reading's usage ran from the day after the previous one (or installation). */
export function usagePeriods(
  readings: { readOn: string; usage: number }[],
  installedOn: string,
): UsagePeriod[] {
  const out: UsagePeriod[] = [];
  let start = installedOn;
  for (const r of readings) {
    const end = dateOf(r.readOn);
    if (end >= start) out.push({ periodStart: start, periodEnd: end, volume: r.usage });
    start = addDays(end, 1);
  }
  return out;
}

export class MeterDisputeService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor, q: TDisputeListQuery) {
    const { rows, total } = await repo.listDisputes(this.db, {
      enterpriseId: enterpriseScope(actor, q.enterpriseId),
      status: q.status,
      customerId: q.customerId,
      limit: q.limit,
      offset: q.offset,
    });
    return { items: rows.map(view), total };
  }

  async get(actor: Actor, id: string, db: Db = this.db): Promise<TDispute> {
    const row = await repo.findDispute(db, id);
    if (!row || (actor.role !== 'regulator' && row.d.enterpriseId !== actor.enterpriseId))
      throw notFound('meter dispute');
    return view(row);
  }

  /** Opens a dispute: the test request, its institution and fee (G-6.2.11). */
  async create(actor: Actor, input: TDisputeCreate): Promise<TDispute> {
    if (actor.role === 'regulator') throw forbidden();
    const id = await this.db.transaction(async (tx) => {
      const customer = await visibleCustomer(tx, actor, input.customerId);
      const meter = await repo.findMeter(tx, input.meterId);
      if (!meter || meter.customerId !== customer.id) {
        throw bad('DISPUTE_METER_NOT_OF_CUSTOMER', '该表不属于此客户', 'The meter is not this customer’s', {
          field: 'meterId',
        });
      }
      if (input.requestedOn > toShanghaiDate(this.ctx.now())) {
        throw bad(
          'DISPUTE_DATE_IN_FUTURE',
          '申请日期不能晚于今天',
          'The request date cannot be in the future',
          {
            field: 'requestedOn',
          },
        );
      }
      const prefix = `JD${input.requestedOn.slice(0, 7).replace('-', '')}`;
      const last = await repo.lastDisputeNo(tx, customer.enterpriseId, prefix);
      const disputeNo = `${prefix}${String((last ? Number(last.slice(prefix.length)) : 0) + 1).padStart(4, '0')}`;
      const row = await repo.insertDispute(tx, {
        ...input,
        enterpriseId: customer.enterpriseId,
        disputeNo,
        sector: sectorOfKind(customer.kind),
        installedOn: meter.installedOn,
        removedOn: meter.removedOn,
        createdBy: actor.id,
        createdAt: this.ctx.now(),
        updatedAt: this.ctx.now(),
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: customer.enterpriseId,
        action: 'meter_dispute.create',
        entity: 'meter_dispute',
        entityId: row.id,
        after: { disputeNo, ...input },
      });
      return row.id;
    });
    return this.get(actor, id);
  }

  /**
   * Records the test result and settles (G-6.2.11): out of tolerance → the company pays the test and the loser of
   * the error is compensated for at most 1 year before removal (or since installation), booked as an adjustment;
   * in tolerance → the applicant pays the test (booked to the customer when the customer applied).
   */
  async recordResult(actor: Actor, id: string, input: TDisputeResult): Promise<TDispute> {
    if (actor.role === 'regulator') throw forbidden();
    await this.db.transaction(async (tx) => {
      const cur = await this.get(actor, id, tx);
      if (cur.version !== input.version) throw versionConflict(WHAT, cur.version, input.version);
      if (cur.status !== 'requested') {
        throw bad('DISPUTE_ALREADY_RESOLVED', '该争议已办结', 'This dispute is already resolved');
      }
      await settleDispute(tx, actor, cur, input, this.ctx.now());
    });
    return this.get(actor, id);
  }
}

/**
 * Settles a tested dispute in the caller's transaction (G-6.2.11): computes the outcome, books the compensation
 * and the applicant's test fee as adjustments, stores the result and audits. Used by the service and the demo seed.
 */
export async function settleDispute(
  tx: Db,
  actor: Actor | null,
  cur: TDispute,
  input: Omit<TDisputeResult, 'version'>,
  now: Date,
) {
  const id = cur.id;
  const meter = (await repo.findMeter(tx, cur.meterId))!;
  const removedOn = input.removedOn ?? (meter.removedOn ? dateOf(meter.removedOn) : null);
  const installedOn = meter.installedOn ? dateOf(meter.installedOn) : null;
  if (!removedOn) {
    throw bad(
      'DISPUTE_REMOVAL_DATE_REQUIRED',
      '请填写拆表送检日期',
      'Give the date the meter was removed for the test',
      {
        field: 'removedOn',
      },
    );
  }
  if (!installedOn) {
    throw bad(
      'DISPUTE_INSTALL_DATE_UNKNOWN',
      '该表无安装日期，请先补录表档案',
      'The meter has no installation date; complete its record first',
    );
  }
  if (removedOn < installedOn || input.testedOn < removedOn) {
    throw bad(
      'DISPUTE_DATES_OUT_OF_ORDER',
      '日期须满足：安装 ≤ 拆表 ≤ 检定',
      'Dates must run installation ≤ removal ≤ test',
      { installedOn, removedOn, testedOn: input.testedOn },
    );
  }
  const readings = await repo.readingsOf(tx, cur.meterId, removedOn);
  const history = usagePeriods(
    readings.map((r) => ({ readOn: dateOf(r.readOn), usage: r.usage })),
    installedOn,
  );
  const windowStart = addDays(removedOn, -366);
  const price =
    input.priceFenPerM3 ?? (await repo.averageBilledPrice(tx, cur.customerId, windowStart, removedOn));
  if (!price) {
    throw bad(
      'DISPUTE_PRICE_REQUIRED',
      '窗口期内无账单可取均价，请填写单价',
      'No bills to average a price from; give the price',
      {
        field: 'priceFenPerM3',
      },
    );
  }
  const outcome = meterDisputeOutcome({
    errorPercent: input.errorPercent,
    tolerancePercent: input.tolerancePercent,
    removedOn,
    installedOn,
    usageHistory: history,
    price,
  });
  const today = toShanghaiDate(now);
  const booking = {
    enterpriseId: cur.enterpriseId,
    customerId: cur.customerId,
    sector: cur.sector,
    bookedOn: today,
    createdBy: actor?.id ?? null,
    createdAt: now,
  };
  // Compensation > 0 is a refund to the customer: a credit (negative adjustment) on the account.
  const adj =
    outcome.compensationFen !== 0
      ? await insertLedgerEntry(tx, {
          ...booking,
          kind: 'adjustment',
          amountFen: -outcome.compensationFen,
          refType: 'meter_dispute',
          refId: id,
          reason: `${cur.disputeNo} ${outcome.explanation.zh}`,
        })
      : null;
  // G-6.2.11 a: in tolerance the applicant pays the test; a customer applicant is charged on the account.
  const fee =
    !outcome.outOfTolerance && cur.requestedBy === 'customer' && cur.testFeeFen > 0
      ? await insertLedgerEntry(tx, {
          ...booking,
          kind: 'adjustment',
          amountFen: cur.testFeeFen,
          refType: 'meter_dispute_fee',
          refId: id,
          reason: `${cur.disputeNo} 检定费（表计合格，由申请方承担，G-6.2.11）`,
        })
      : null;
  const set = {
    testedOn: input.testedOn,
    removedOn,
    installedOn,
    errorBp: Math.round(input.errorPercent * 100),
    toleranceBp: Math.round(input.tolerancePercent * 100),
    result: outcome.outOfTolerance ? 'fail' : 'pass',
    testPaidBy: outcome.outOfTolerance ? 'company' : cur.requestedBy === 'customer' ? 'customer' : 'company',
    windowFrom: outcome.window?.from ?? null,
    windowTo: outcome.window?.to ?? null,
    meteredLitres: outcome.meteredInWindow,
    compensationLitres: outcome.compensationVolume,
    priceFenPerM3: price,
    compensationFen: outcome.compensationFen,
    explanationZh: outcome.explanation.zh,
    explanationEn: outcome.explanation.en,
    adjustmentEntryId: adj?.id ?? null,
    feeEntryId: fee?.id ?? null,
    status: 'resolved',
    updatedAt: now,
  };
  if (!(await repo.updateDispute(tx, id, cur.version, set)))
    throw versionConflict(WHAT, cur.version + 1, cur.version);
  await appendAudit(tx, {
    actor,
    enterpriseId: cur.enterpriseId,
    action: 'meter_dispute.result',
    entity: 'meter_dispute',
    entityId: id,
    before: { status: cur.status },
    after: { ...set, updatedAt: undefined },
  });
}

export function view(r: NonNullable<Awaited<ReturnType<typeof repo.findDispute>>>): TDispute {
  const d = r.d;
  const day = (v: string | null) => (v ? dateOf(v) : null);
  return {
    id: d.id,
    enterpriseId: d.enterpriseId,
    disputeNo: d.disputeNo,
    customerId: d.customerId,
    accountNo: r.accountNo,
    customerName: r.customerName,
    meterId: d.meterId,
    meterSerialNo: r.meterSerialNo,
    sector: d.sector,
    requestedOn: dateOf(d.requestedOn),
    requestedBy: d.requestedBy,
    complaint: d.complaint,
    testInstitution: d.testInstitution,
    testFeeFen: d.testFeeFen,
    installedOn: day(d.installedOn),
    removedOn: day(d.removedOn),
    testedOn: day(d.testedOn),
    errorPercent: d.errorBp === null ? null : d.errorBp / 100,
    tolerancePercent: d.toleranceBp === null ? null : d.toleranceBp / 100,
    result: d.result,
    testPaidBy: d.testPaidBy,
    windowFrom: day(d.windowFrom),
    windowTo: day(d.windowTo),
    meteredLitres: d.meteredLitres,
    compensationLitres: d.compensationLitres,
    priceFenPerM3: d.priceFenPerM3,
    compensationFen: d.compensationFen,
    explanation: { zh: d.explanationZh, en: d.explanationEn },
    adjustmentEntryId: d.adjustmentEntryId,
    feeEntryId: d.feeEntryId,
    status: d.status,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
  };
}
