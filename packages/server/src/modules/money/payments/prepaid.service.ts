import { drawPrepaid, prepaidAlarmMessage, toShanghaiDate, topUpPrepaid } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { insertLedgerEntry } from '../ledger/ledger.repository.ts';
import { sectorOfKind, visibleCustomer, type CustomerRef } from '../ledger/ledger.service.ts';
import { enqueueNotification } from '../../platform/notifications/notifications.repository.ts';
import * as repo from './payments.repository.ts';

const notPrepaid = () =>
  appError(
    'PAYMENT_METER_NOT_PREPAID',
    {
      zh: '该表不是此客户在用的预付费表',
      en: 'The meter is not a prepaid meter in service for this customer',
    },
    { field: 'meterId' },
  );

/** Loads a top-up onto the customer's prepaid meter (G-6.2.2); returns the new balance. */
export async function loadPrepaidMeter(
  tx: Db,
  customer: CustomerRef,
  meterId: string,
  amountFen: number,
  now: Date,
) {
  const meter = await repo.findMeter(tx, meterId, true);
  if (!meter || meter.customerId !== customer.id || !meter.prepaid || meter.status !== 'in_service')
    throw notPrepaid();
  const balance = topUpPrepaid(meter.prepaidBalanceFen, amountFen);
  await repo.setPrepaidBalance(tx, meter, balance, now);
  return balance;
}

/**
 * Gas drawn from a prepaid meter (what a remote prepaid meter reports): the meter's balance falls, the account is
 * charged, and when the balance crosses below the alarm level a low-balance message is queued (G-6.2.2). Beyond
 * the overdraft limit the draw is refused — the valve stays shut until a top-up.
 */
export async function drawFromPrepaidMeter(
  tx: Db,
  actor: Actor | null,
  meterId: string,
  amountFen: number,
  ref: string,
  now: Date,
) {
  const meter = await repo.findMeter(tx, meterId, true);
  if (!meter || !meter.prepaid || !meter.customerId || meter.status !== 'in_service') throw notPrepaid();
  const refId = `${meterId}:${ref}`;
  const prior = await repo.ledgerEntryOf(tx, 'prepaid_draw', refId);
  if (prior) {
    const p = meter.prepaidBalanceFen;
    return { meterId, balanceFen: p, alarm: false, inOverdraft: p < 0, replayed: true };
  }
  const settings = {
    lowBalanceAlarmFen: meter.lowBalanceAlarmFen,
    overdraftLimitFen: meter.overdraftLimitFen,
  };
  const result = drawPrepaid(meter.prepaidBalanceFen, amountFen, settings);
  await repo.setPrepaidBalance(tx, meter, result.balanceFen, now);
  const [customer] = await repo.customerForMeter(tx, meter.customerId);
  const sector = meter.sector === 'heat' ? 'heating' : sectorOfKind(customer?.kind ?? 'gas');
  await insertLedgerEntry(tx, {
    enterpriseId: meter.enterpriseId,
    customerId: meter.customerId,
    sector,
    kind: 'charge',
    amountFen,
    refType: 'prepaid_draw',
    refId,
    reason: `预付费表 ${meter.serialNo} 用气 / prepaid draw`,
    bookedOn: toShanghaiDate(now),
    createdBy: actor?.id ?? null,
    createdAt: now,
  });
  if (result.alarm) {
    const text = prepaidAlarmMessage(meter.serialNo, result.balanceFen, settings);
    await enqueueNotification(tx, {
      enterpriseId: meter.enterpriseId,
      customerId: meter.customerId,
      channel: 'sms',
      kind: 'prepaid_low_balance',
      recipient: customer?.phone ?? '',
      subject: `预付费余额不足提醒（${meter.serialNo}）`,
      body: text.zh,
      bodyEn: text.en,
      refType: 'meter',
      refId: meter.id,
      dedupeKey: `prepaid-low:${meter.id}:${meter.version}`,
    });
  }
  await appendAudit(tx, {
    actor,
    enterpriseId: meter.enterpriseId,
    action: 'prepaid.draw',
    entity: 'meter',
    entityId: meter.id,
    before: { prepaidBalanceFen: meter.prepaidBalanceFen },
    after: { prepaidBalanceFen: result.balanceFen, amountFen, ref, alarm: result.alarm },
  });
  return { meterId, ...result, replayed: false };
}

export class PrepaidService {
  constructor(private readonly ctx: AppContext) {}

  async draw(actor: Actor, meterId: string, input: { amountFen: number; ref: string }) {
    if (actor.role === 'regulator') throw forbidden();
    return this.ctx.database.db.transaction(async (tx) => {
      const meter = await repo.findMeter(tx, meterId);
      if (!meter || meter.enterpriseId !== actor.enterpriseId) throw notFound('meter');
      if (meter.customerId) await visibleCustomer(tx, actor, meter.customerId);
      return drawFromPrepaidMeter(tx, actor, meterId, input.amountFen, input.ref, this.ctx.now());
    });
  }
}
