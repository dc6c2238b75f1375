/**
 * Meter readings (G-6.2.3, G-6.2.5).
 *
 * For other modules — the billing run calls:
 *
 *   estimateAndRecord(tx, customerId, meterId, periodTo, options?) → Promise<EstimateRecorded>
 *
 * inside its own transaction: when the meter has no reading on `periodTo`, it inserts an `estimated` reading whose
 * usage is the domain's G-6.2.5 estimate (same month last year, else the recent mean, never above the highest actual
 * month of the past year) and whose `estimate_basis` says why; when a reading already exists on that day it returns
 * it (`created: false`), so a rerun never estimates twice. Throws a DomainError (422) when there is nothing to
 * estimate from (READING_ESTIMATE_NO_PREVIOUS, BILLING_ESTIMATE_NO_ACTUAL) or a later reading exists.
 */
import {
  estimateReading,
  settleReadings,
  toShanghaiDate,
  type EstimateMethod,
  type ReadingEstimate,
} from '@ranre/domain';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { bills } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as customersRepo from '../../service/customers/customers.repository.ts';
import { assertVisible } from '../meters/meter-rules.ts';
import * as meters from '../meters/meters.repository.ts';
import { checkEntry } from './reading-check.ts';
import * as repo from './readings.repository.ts';
import type { TReading, TReadingInput } from './readings.schemas.ts';

export type EstimateRecorded = {
  reading: repo.ReadingRow;
  created: boolean;
  estimate: ReadingEstimate | null;
};

export async function estimateAndRecord(
  tx: Db,
  customerId: string,
  meterId: string,
  periodTo: string,
  options: { method?: EstimateMethod; enteredBy?: string | null } = {},
): Promise<EstimateRecorded> {
  const all = await repo.readingsOfMeter(tx, meterId);
  const same = all.find((r) => r.readOn === periodTo);
  if (same) return { reading: same, created: false, estimate: null };
  const later = all.find((r) => r.readOn > periodTo);
  if (later) {
    throw appError('READING_DATE_NOT_AFTER_PREVIOUS', {
      zh: `表在 ${later.readOn} 已有读数，不能再估抄 ${periodTo}。`,
      en: `The meter has a reading on ${later.readOn}; ${periodTo} cannot be estimated any more.`,
    });
  }
  const meter = await meters.findMeter(tx, meterId);
  if (!meter || meter.customerId !== customerId) {
    throw appError('NOT_FOUND', { zh: '未找到该用户的燃气表', en: 'No such meter for this customer' });
  }
  const estimate = estimateReading({
    readings: all.map(repo.toPoint),
    periodEnd: periodTo,
    method: options.method,
  });
  const reading = await repo.insertReading(tx, {
    enterpriseId: meter.enterpriseId,
    customerId,
    meterId,
    readOn: periodTo,
    kind: 'estimated',
    register: estimate.register,
    usage: estimate.usage,
    estimateBasis: { ...estimate.basis },
    note: estimate.basis.reason.zh,
    enteredBy: options.enteredBy ?? null,
  });
  return { reading, created: true, estimate };
}

export function toReading(
  r: repo.ReadingRow,
  serialNo: string,
  enteredByName: string | null = null,
): TReading {
  return {
    id: r.id,
    meterId: r.meterId,
    serialNo,
    customerId: r.customerId,
    readOn: r.readOn,
    kind: r.kind,
    register: r.register,
    usage: r.usage,
    estimateBasis: r.estimateBasis ?? null,
    // jsonb as the checks were written (flags, confirmation, settlement); the response schema checks the shape.
    checks: r.checks as TReading['checks'],
    note: r.note,
    enteredByName,
    createdAt: r.createdAt.toISOString(),
  };
}

export class ReadingService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor, q: { customerId: string; meterId?: string }) {
    assertVisible(actor, await customersRepo.findCustomer(this.db, q.customerId), 'customer');
    const rows = await repo.readingsOfCustomer(this.db, q.customerId, q.meterId);
    return { items: rows.map((r) => toReading(r.reading, r.serialNo, r.enteredByName)) };
  }

  /** G-6.2.5: what the estimate for a period would be and why, without recording it. */
  async previewEstimate(actor: Actor, q: { meterId: string; periodEnd: string }) {
    const meter = assertVisible(actor, await meters.findMeter(this.db, q.meterId), 'meter');
    if (!meter.customerId)
      throw appError('METER_STATUS', { zh: '该表未安装', en: 'The meter is not installed' });
    const all = await repo.readingsOfMeter(this.db, meter.id);
    const e = estimateReading({ readings: all.map(repo.toPoint), periodEnd: q.periodEnd });
    return {
      meterId: meter.id,
      customerId: meter.customerId,
      readOn: e.readOn,
      register: e.register,
      usage: e.usage,
      basis: { ...e.basis },
    };
  }

  /** One reading: plausibility-checked; flagged ones need `confirm` and a note; estimates pending are settled. */
  async enter(actor: Actor, input: TReadingInput) {
    if (actor.role === 'regulator')
      throw appError('FORBIDDEN', { zh: '监管部门只读', en: 'The regulator reads only' });
    return this.db.transaction((tx) => enterReading(tx, actor, input, this.ctx.now()));
  }
}

/**
 * One reading inside the caller's transaction, by the rules of `ReadingService.enter` (the residents' self-reading
 * uses the same rules and records its photo in the same transaction).
 */
export async function enterReading(tx: Db, actor: Actor, input: TReadingInput, now: Date) {
  const today = toShanghaiDate(now);
  const meter = assertVisible(actor, await meters.findMeter(tx, input.meterId, true), 'meter');
  if (meter.status !== 'in_service' || !meter.customerId) {
    throw appError(
      'METER_STATUS',
      {
        zh: `表 ${meter.serialNo} 不在使用中，不能抄表。`,
        en: `Meter ${meter.serialNo} is not in service; it cannot be read.`,
      },
      { field: 'meterId' },
    );
  }
  const customer = (await customersRepo.findCustomer(tx, meter.customerId))!;
  const own = await repo.readingsOfMeter(tx, meter.id);
  const history = (await repo.readingsOfCustomer(tx, customer.id)).map((r) => repo.toPoint(r.reading));
  const check = checkEntry({
    input,
    today,
    own: own.map(repo.toPoint),
    history,
    occupied: customer.status === 'active',
  });
  const settlement =
    own.length > 0 && own[own.length - 1]!.kind === 'estimated'
      ? settleReadings(
          own.map(repo.toPoint),
          { readOn: input.readOn, register: input.register },
          await estimatedBillOf(tx, customer.id),
        )
      : null;
  const checks: Record<string, unknown>[] = check.flags.map((f) => ({ ...f }));
  if (check.flags.length > 0) checks.push({ code: 'CONFIRMED', by: actor.displayName, note: input.note });
  if (settlement) checks.push({ code: 'SETTLEMENT', ...settlement });
  const reading = await repo.insertReading(tx, {
    enterpriseId: meter.enterpriseId,
    customerId: customer.id,
    meterId: meter.id,
    readOn: input.readOn,
    kind: input.kind,
    register: input.register,
    usage: check.usage,
    checks,
    note: input.note,
    enteredBy: actor.id,
    createdAt: now,
  });
  await appendAudit(tx, {
    actor,
    enterpriseId: meter.enterpriseId,
    action: 'reading.create',
    entity: 'meter_reading',
    entityId: reading.id,
    after: {
      serialNo: meter.serialNo,
      accountNo: customer.accountNo,
      ...input,
      usage: check.usage,
      flags: check.flags.map((f) => f.code),
    },
  });
  return {
    reading: toReading(reading, meter.serialNo, actor.displayName),
    flags: check.flags,
    settlement,
  };
}

/** The bills built on estimates of this customer, by the estimate's read date (the period's last day). */
async function estimatedBillOf(tx: Db, customerId: string) {
  const rows = await tx
    .select({ id: bills.id, periodTo: bills.periodTo, kind: bills.kind })
    .from(bills)
    .where(and(eq(bills.customerId, customerId), eq(bills.sector, 'gas'), eq(bills.estimated, true)));
  const byDay = new Map(rows.filter((b) => b.kind === 'regular').map((b) => [b.periodTo, b.id]));
  return (readOn: string) => byDay.get(readOn);
}
