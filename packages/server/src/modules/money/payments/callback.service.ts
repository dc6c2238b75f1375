import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { visibleCustomer } from '../ledger/ledger.service.ts';
import type {
  OnlineChannel,
  PaymentChannelAdapter,
  RawNotification,
  VerifiedNotification,
} from './gateways/gateway.ts';
import { findIntentByTradeNo, markIntentPaid, type IntentRow } from './intents.repository.ts';
import type { PaymentRow } from './payments.repository.ts';
import { recordPayment } from './payments.service.ts';

export type Refusal =
  | 'unknown_trade'
  | 'channel_mismatch'
  | 'merchant_mismatch'
  | 'enterprise_mismatch'
  | 'amount_mismatch'
  | 'already_paid_other_trade'
  | 'paid_after_expiry';

export type NotificationOutcome =
  | {
      kind: 'credited' | 'replayed';
      intent: IntentRow;
      payment: PaymentRow;
      prepaidBalanceFen: number | null;
    }
  | { kind: 'not_a_payment'; intent: IntentRow | null }
  | { kind: 'refused'; reason: Refusal; intent: IntentRow | null };

const badSignature = () =>
  appError('PAYMENT_CALLBACK_SIGNATURE', {
    zh: '回调签名无效，未记账',
    en: 'Invalid callback signature; nothing recorded',
  });

const refused = (reason: Refusal) =>
  appError(
    'PAYMENT_CALLBACK_REFUSED',
    {
      zh: '回调与支付订单不符，未记账',
      en: 'The callback does not match a payment order; nothing recorded',
    },
    { reason },
  );

/** Why a verified notification cannot be applied to this intent, or null when it can. */
function mismatch(
  intent: IntentRow,
  v: VerifiedNotification,
  channel: OnlineChannel,
  adapter: PaymentChannelAdapter,
): Refusal | null {
  if (intent.channel !== channel) return 'channel_mismatch';
  if (v.merchantId !== adapter.merchantId) return 'merchant_mismatch';
  if (v.attach !== null && v.attach !== intent.enterpriseId) return 'enterprise_mismatch';
  if (v.amountFen !== intent.amountFen) return 'amount_mismatch';
  return null;
}

/**
 * Applies a channel's payment notification (issue 12). The signature is checked first; then the notification must
 * name a stored intent of this channel and merchant, with the intent's enterprise and exact amount. The payment is
 * recorded once for the intent's customer, bill or prepaid meter — nothing the notification says chooses whom to
 * credit. A repeat of the same trade answers success without a second credit; anything else is refused, audited,
 * and credits nothing.
 */
export async function applyNotification(
  ctx: AppContext,
  channel: OnlineChannel,
  adapter: PaymentChannelAdapter,
  raw: RawNotification,
): Promise<NotificationOutcome> {
  const v = adapter.verify(raw, ctx.now());
  // Not audited: an unsigned request is anyone's, and writing for each would let anyone fill the audit trail.
  if (!v) throw badSignature();
  // Trade numbers and merchant ids are printable ASCII on both channels; anything else never reaches SQL or JSON.
  if (![v.outTradeNo, v.tradeNo, v.merchantId].every((x) => /^[\x21-\x7e]{1,64}$/.test(x))) {
    throw appError('VALIDATION_FAILED', {
      zh: '支付通知中的订单号或商户号无效',
      en: 'The notification’s trade number or merchant id is not valid',
    });
  }
  const db = ctx.database.db;
  const outcome = await db.transaction(async (tx): Promise<NotificationOutcome> => {
    const intent = await findIntentByTradeNo(tx, v.outTradeNo, true);
    if (!intent) return { kind: 'refused', reason: 'unknown_trade', intent: null };
    const wrong = mismatch(intent, v, channel, adapter);
    if (wrong) return { kind: 'refused', reason: wrong, intent };
    if (!v.succeeded) return { kind: 'not_a_payment', intent };
    if (intent.status === 'paid') {
      if (intent.tradeNo !== v.tradeNo)
        return { kind: 'refused', reason: 'already_paid_other_trade', intent };
      const r = await creditOnce(tx, intent, v, channel);
      await appendAudit(tx, {
        actor: null,
        enterpriseId: intent.enterpriseId,
        action: 'payment.callback_replayed',
        entity: 'payment',
        entityId: r.payment.id,
        after: { channel, tradeNo: v.tradeNo, outTradeNo: v.outTradeNo },
      });
      return { kind: 'replayed', intent, ...r };
    }
    // The channel was told the same expiry, so a payment made after it means the two disagree: refuse, audit.
    if (v.paidAt.getTime() > intent.expiresAt.getTime()) {
      return { kind: 'refused', reason: 'paid_after_expiry', intent };
    }
    const r = await creditOnce(tx, intent, v, channel);
    const paid = await markIntentPaid(tx, intent.id, {
      tradeNo: v.tradeNo,
      paidAt: v.paidAt,
      paymentId: r.payment.id,
    });
    await appendAudit(tx, {
      actor: null,
      enterpriseId: intent.enterpriseId,
      action: 'payment_intent.paid',
      entity: 'payment_intent',
      entityId: intent.id,
      before: { status: intent.status },
      after: { status: 'paid', tradeNo: v.tradeNo, paymentId: r.payment.id },
    });
    return { kind: 'credited', intent: paid, ...r };
  });
  if (outcome.kind === 'refused' || outcome.kind === 'not_a_payment') {
    // Written after the refused transaction, so the refusal is on record although nothing else is.
    await db.transaction((tx) =>
      appendAudit(tx, {
        actor: null,
        enterpriseId: outcome.intent?.enterpriseId ?? null,
        action: outcome.kind === 'refused' ? 'payment.callback_refused' : 'payment.callback_not_a_payment',
        entity: 'payment_intent',
        entityId: outcome.intent?.id ?? v.outTradeNo,
        after: {
          channel,
          reason: outcome.kind === 'refused' ? outcome.reason : 'not_succeeded',
          outTradeNo: v.outTradeNo,
          tradeNo: v.tradeNo,
          merchantId: v.merchantId,
          amountFen: v.amountFen,
          intentAmountFen: outcome.intent?.amountFen ?? null,
        },
      }),
    );
    if (outcome.kind === 'refused') throw refused(outcome.reason);
  }
  return outcome;
}

/** The payment for the intent, keyed by the channel's trade number: a second call returns the first payment. */
async function creditOnce(
  tx: Parameters<typeof recordPayment>[0],
  intent: IntentRow,
  v: VerifiedNotification,
  channel: OnlineChannel,
) {
  const system = { role: 'agent', enterpriseId: intent.enterpriseId } as Actor;
  const customer = await visibleCustomer(tx, system, intent.customerId);
  return recordPayment(tx, null, {
    customer,
    sector: intent.sector as 'gas' | 'heating',
    channel,
    amountFen: intent.amountFen,
    idempotencyKey: `${channel}:${v.tradeNo}`,
    billId: intent.billId,
    meterId: intent.meterId,
    externalRef: v.tradeNo,
    receivedAt: v.paidAt,
  });
}
