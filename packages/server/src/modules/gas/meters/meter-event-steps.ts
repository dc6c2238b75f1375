import { checkReading } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import { appError } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as customersRepo from '../../service/customers/customers.repository.ts';
import * as readings from '../readings/readings.repository.ts';
import { meteredCustomer, wrongStatus } from './meter-rules.ts';
import * as repo from './meters.repository.ts';

// Installation, exchange, removal and off-line verification of a meter (G-6.2.2, G-6.2.10), each an appended
// meter_events row (never edited) with the registers read at that moment, in one transaction with its audit event.

type Install = { customerId: string; premisesId?: string; on: string; reading: number; note: string };

/** Puts an in-stock meter in service at a customer's premises, with its opening register as an actual reading. */
export async function installMeter(
  tx: Db,
  actor: Actor,
  meter: repo.MeterRow,
  input: Install,
  now: Date,
  payload: Record<string, unknown> = {},
) {
  if (meter.status !== 'in_stock') throw wrongStatus(meter, 'installed', 'in_stock');
  const customer = await meteredCustomer(tx, actor, input.customerId);
  const places = await customersRepo.premisesOf(tx, customer.id);
  const premisesId = input.premisesId ?? places[0]?.id ?? null;
  if (input.premisesId && !places.some((p) => p.id === input.premisesId)) {
    throw appError(
      'PREMISES_NOT_OF_CUSTOMER',
      { zh: '该地址不属于此用户。', en: 'These premises are not the customer’s.' },
      { field: 'premisesId' },
    );
  }
  await repo.updateMeter(
    tx,
    meter.id,
    {
      status: 'in_service',
      customerId: customer.id,
      premisesId,
      installedOn: input.on,
      removedOn: null,
      initialReading: input.reading,
    },
    now,
  );
  await registerReading(tx, actor, meter, customer.id, input.on, input.reading, '安装 / installation');
  await event(tx, actor, meter, 'install', input.on, input.reading, {
    customerId: customer.id,
    note: input.note,
    ...payload,
  });
}

/** A register read at an event: never before the last one (that needs a rollover or an exchange). */
export async function registerReading(
  tx: Db,
  actor: Actor,
  meter: repo.MeterRow,
  customerId: string,
  on: string,
  register: number,
  why: string,
) {
  const later = (await readings.readingsOfMeter(tx, meter.id)).filter((r) => r.readOn >= on);
  if (later.length > 0) {
    throw appError(
      'READING_DATE_NOT_AFTER_PREVIOUS',
      {
        zh: `表 ${meter.serialNo} 在 ${later[0]!.readOn} 已有读数，${on} 的登记须晚于它。`,
        en: `Meter ${meter.serialNo} has a reading on ${later[0]!.readOn}; a record on ${on} must come after it.`,
      },
      { field: 'on' },
    );
  }
  const own = (await readings.readingsOfMeter(tx, meter.id)).map(readings.toPoint);
  const previous = own[own.length - 1] ?? null;
  const lastActual = [...own].reverse().find((r) => r.kind !== 'estimated');
  const check = checkReading({
    previous,
    lastActualRegister: lastActual?.register,
    readOn: on,
    register,
    history: [],
    occupied: false,
  });
  if (check.blocked) {
    throw appError('READING_REGISTER_REGRESSED', check.flags[0]!.reason, {
      field: 'reading',
      flags: check.flags,
    });
  }
  await readings.insertReading(tx, {
    enterpriseId: meter.enterpriseId,
    customerId,
    meterId: meter.id,
    readOn: on,
    kind: 'actual',
    register,
    usage: check.usage,
    checks: check.flags.map((f) => ({ ...f })),
    note: why,
    enteredBy: actor.id,
  });
}

export async function event(
  tx: Db,
  actor: Actor,
  meter: repo.MeterRow,
  kind: string,
  on: string,
  reading: number | null,
  payload: Record<string, unknown>,
) {
  await repo.appendMeterEvent(tx, {
    enterpriseId: meter.enterpriseId,
    meterId: meter.id,
    customerId: (payload.customerId as string | undefined) ?? meter.customerId,
    kind,
    on,
    reading,
    payload,
    actorId: actor.id,
  });
  await appendAudit(tx, {
    actor,
    enterpriseId: meter.enterpriseId,
    action: `meter.${kind}`,
    entity: 'meter',
    entityId: meter.id,
    after: { serialNo: meter.serialNo, on, reading, ...payload },
  });
}

/** The in-stock meter with this serial, or a new one (a spare or a replacement brought to the site). */
export async function stockMeter(tx: Db, meter: repo.MeterRow, serialNo: string, model: string, now: Date) {
  const found = await repo.findBySerial(tx, meter.enterpriseId, serialNo);
  if (found) {
    if (found.status !== 'in_stock') throw wrongStatus(found, 'installed', 'in_stock');
    return found;
  }
  return repo.insertMeter(tx, {
    enterpriseId: meter.enterpriseId,
    sector: 'gas',
    serialNo,
    model: model || meter.model,
    manufacturer: meter.manufacturer,
    status: 'in_stock',
    createdAt: now,
    updatedAt: now,
  });
}
