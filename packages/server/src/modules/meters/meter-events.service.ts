import { checkReading } from '@ranre/domain';
import type { Db } from '../../db/client.ts';
import type { Actor, AppContext } from '../../http/context.ts';
import { appError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as customersRepo from '../customers/customers.repository.ts';
import * as readings from '../readings/readings.repository.ts';
import { assertVisible, checkVerificationDates, meteredCustomer, wrongStatus } from './meter-rules.ts';
import * as repo from './meters.repository.ts';
import type { TMeterEvent } from './meters.schemas.ts';

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
async function registerReading(
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

async function event(
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
async function stockMeter(tx: Db, meter: repo.MeterRow, serialNo: string, model: string, now: Date) {
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

export class MeterEventService {
  constructor(private readonly ctx: AppContext) {}

  async record(actor: Actor, id: string, input: TMeterEvent) {
    const now = this.ctx.now();
    await this.ctx.database.db.transaction(async (tx) => {
      const meter = assertVisible(actor, await repo.findMeter(tx, id, true), 'meter');
      if (actor.role === 'regulator')
        throw appError('FORBIDDEN', { zh: '监管部门只读', en: 'The regulator reads only' });
      switch (input.kind) {
        case 'install':
          return installMeter(tx, actor, meter, input, now);
        case 'exchange': {
          if (meter.status !== 'in_service') throw wrongStatus(meter, 'exchanged', 'in_service');
          const customerId = meter.customerId!;
          await registerReading(
            tx,
            actor,
            meter,
            customerId,
            input.on,
            input.finalReading,
            'exchange: final register',
          );
          await repo.updateMeter(tx, meter.id, { status: 'removed', removedOn: input.on }, now);
          const fresh = await stockMeter(tx, meter, input.newSerialNo, input.newModel, now);
          await event(tx, actor, meter, 'exchange', input.on, input.finalReading, {
            reason: input.reason,
            note: input.note,
            newMeterId: fresh.id,
            newSerialNo: fresh.serialNo,
          });
          return installMeter(
            tx,
            actor,
            fresh,
            {
              customerId,
              premisesId: meter.premisesId ?? undefined,
              on: input.on,
              reading: input.newReading,
              note: input.note,
            },
            now,
            { replaces: meter.serialNo },
          );
        }
        case 'remove': {
          // G-6.2.10: removal of a gas facility, the final register kept.
          if (meter.status !== 'in_service') throw wrongStatus(meter, 'removed', 'in_service');
          await registerReading(
            tx,
            actor,
            meter,
            meter.customerId!,
            input.on,
            input.finalReading,
            'removal: final register',
          );
          await repo.updateMeter(tx, meter.id, { status: 'removed', removedOn: input.on }, now);
          return event(tx, actor, meter, 'remove', input.on, input.finalReading, {
            reason: input.reason,
            note: input.note,
          });
        }
        case 'send_to_verification':
          return this.sendToVerification(tx, actor, meter, input, now);
        case 'return_from_verification':
          return this.returnFromVerification(tx, actor, meter, input, now);
      }
    });
  }

  /** G-6.2.2: off-line verification needs a spare meter meanwhile, or a method agreed with the customer. */
  private async sendToVerification(
    tx: Db,
    actor: Actor,
    meter: repo.MeterRow,
    input: Extract<TMeterEvent, { kind: 'send_to_verification' }>,
    now: Date,
  ) {
    if (meter.status !== 'in_service') throw wrongStatus(meter, 'sent to verification', 'in_service');
    if (!input.spareSerialNo && !input.agreedMethod) {
      throw appError(
        'METER_VERIFICATION_SPARE_REQUIRED',
        {
          zh: '离线检定期间须安装备用表或记录与用户约定的计量方式（G-6.2.2）。',
          en: 'Off-line verification needs a spare meter or a metering method agreed with the customer (G-6.2.2).',
        },
        { field: 'spareSerialNo' },
      );
    }
    const customerId = meter.customerId!;
    await registerReading(tx, actor, meter, customerId, input.on, input.reading, 'sent to verification');
    await repo.updateMeter(tx, meter.id, { status: 'in_verification' }, now);
    let spare: repo.MeterRow | null = null;
    if (input.spareSerialNo) {
      spare = await stockMeter(tx, meter, input.spareSerialNo, '', now);
      await installMeter(
        tx,
        actor,
        spare,
        {
          customerId,
          premisesId: meter.premisesId ?? undefined,
          on: input.on,
          reading: input.spareReading,
          note: '',
        },
        now,
        { spareFor: meter.serialNo },
      );
    }
    await event(tx, actor, meter, 'send_to_verification', input.on, input.reading, {
      spareMeterId: spare?.id ?? null,
      spareSerialNo: spare?.serialNo ?? null,
      agreedMethod: input.agreedMethod ?? null,
      note: input.note,
    });
  }

  private async returnFromVerification(
    tx: Db,
    actor: Actor,
    meter: repo.MeterRow,
    input: Extract<TMeterEvent, { kind: 'return_from_verification' }>,
    now: Date,
  ) {
    if (meter.status !== 'in_verification') throw wrongStatus(meter, 'returned', 'in_verification');
    checkVerificationDates(input.verifiedOn, input.nextVerificationDue);
    const sent = await repo.lastVerificationSend(tx, meter.id);
    const spareId = (sent?.payload.spareMeterId as string | null | undefined) ?? null;
    const spare = spareId ? await repo.findMeter(tx, spareId, true) : null;
    if (spare && spare.status === 'in_service' && input.passed) {
      // The meter is back: the spare's final register closes its part, and it returns to stock.
      if (input.spareFinalReading === undefined) {
        throw appError(
          'METER_SPARE_FINAL_READING_REQUIRED',
          {
            zh: `请填写备用表 ${spare.serialNo} 的拆表读数。`,
            en: `Enter the spare meter ${spare.serialNo}'s final register.`,
          },
          { field: 'spareFinalReading' },
        );
      }
      await registerReading(
        tx,
        actor,
        spare,
        spare.customerId!,
        input.on,
        input.spareFinalReading,
        'spare removed',
      );
      await repo.updateMeter(
        tx,
        spare.id,
        { status: 'in_stock', customerId: null, premisesId: null, removedOn: input.on },
        now,
      );
      await event(tx, actor, spare, 'remove', input.on, input.spareFinalReading, {
        reason: `备用表拆回 / spare returned (${meter.serialNo} verified)`,
        customerId: spare.customerId,
      });
    }
    await repo.updateMeter(
      tx,
      meter.id,
      input.passed
        ? {
            status: 'in_service',
            verifiedOn: input.verifiedOn,
            nextVerificationDue: input.nextVerificationDue,
          }
        : { status: 'removed', removedOn: input.on, verifiedOn: input.verifiedOn },
      now,
    );
    await event(tx, actor, meter, 'return_from_verification', input.on, null, {
      passed: input.passed,
      verifiedOn: input.verifiedOn,
      nextVerificationDue: input.nextVerificationDue,
      note: input.passed
        ? input.note
        : `${input.note} 检定不合格，${spare ? `备用表 ${spare.serialNo} 继续使用` : '请换表'} / failed`.trim(),
    });
  }
}
