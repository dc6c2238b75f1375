import { assertSupplyAllowed } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import { supplyFacts } from '../inspections/visits.repository.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { event, installMeter, registerReading, stockMeter } from './meter-event-steps.ts';
import { assertVisible, checkVerificationDates, wrongStatus } from './meter-rules.ts';
import * as repo from './meters.repository.ts';
import type { TMeterEvent } from './meters.schemas.ts';

export { installMeter } from './meter-event-steps.ts';

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
        case 'unlock': {
          // G-5.11.3, G-6.2.1: like "connect and light", the valve opens only for a customer whose inspection
          // passed (after any renovation) with no serious hazard open; the refusal names what is missing.
          if (meter.status !== 'in_service' || !meter.customerId)
            throw wrongStatus(meter, 'unlocked', 'in_service');
          assertSupplyAllowed(await supplyFacts(tx, meter.customerId));
          return event(tx, actor, meter, 'unlock', input.on, null, { note: input.note });
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
