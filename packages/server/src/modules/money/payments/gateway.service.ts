import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { sectorOfKind, visibleCustomer } from '../ledger/ledger.service.ts';
import { applyNotification, type NotificationOutcome } from './callback.service.ts';
import type { OnlineChannel, RawNotification } from './gateways/gateway.ts';
import { findIntentByTradeNo, insertIntent, type IntentRow } from './intents.repository.ts';
import { paymentChannels, type PaymentChannels } from './payment-channels.ts';
import { findBill, findMeter } from './payments.repository.ts';
import type { TIntent, TIntentInput, TSimulateResult } from './payments.schemas.ts';
import { PaymentService } from './payments.service.ts';

const bad = (code: string, zh: string, en: string, details?: unknown) => appError(code, { zh, en }, details);

const channelOff = (channel: string) =>
  bad('PAYMENT_CHANNEL_DISABLED', '该线上支付渠道未启用', 'This online payment channel is not enabled', {
    channel,
  });

/**
 * WeChat Pay / Alipay: the server makes the payment order (intent) first — whose account, which bill or prepaid
 * meter, how much, until when — and registers it with the channel; the channel's signed notification then pays
 * that intent once (callback.service.ts). The demo gateway exists only with PAYMENT_GATEWAY=demo.
 */
export class GatewayService {
  readonly channels: PaymentChannels;
  private readonly payments: PaymentService;

  constructor(
    private readonly ctx: AppContext,
    channels?: PaymentChannels,
  ) {
    this.channels = channels ?? paymentChannels(ctx.config.payments);
    this.payments = new PaymentService(ctx);
  }

  private get db() {
    return this.ctx.database.db;
  }

  async createIntent(actor: Actor, input: TIntentInput): Promise<TIntent> {
    if (actor.role === 'regulator') throw forbidden();
    const adapter = this.channels.adapters[input.channel];
    if (!adapter) throw channelOff(input.channel);
    const customer = await visibleCustomer(this.db, actor, input.customerId);
    await this.checkTarget(customer, input);
    const now = this.ctx.now();
    const intent = await this.db.transaction(async (tx) => {
      const row = await insertIntent(tx, {
        enterpriseId: customer.enterpriseId,
        customerId: customer.id,
        sector: input.sector,
        channel: input.channel,
        purpose: input.meterId ? 'topup' : input.billId ? 'bill' : 'account',
        billId: input.billId ?? null,
        meterId: input.meterId ?? null,
        amountFen: input.amountFen,
        // 32 characters: WeChat Pay's limit for out_trade_no; random, so it names nothing and cannot be guessed.
        outTradeNo: `RR${randomBytes(15).toString('hex').toUpperCase()}`,
        expiresAt: new Date(now.getTime() + this.ctx.config.payments.intentMinutes * 60_000),
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: row.enterpriseId,
        action: 'payment_intent.create',
        entity: 'payment_intent',
        entityId: row.id,
        after: {
          outTradeNo: row.outTradeNo,
          customerId: row.customerId,
          channel: row.channel,
          amountFen: row.amountFen,
          billId: row.billId,
          meterId: row.meterId,
          expiresAt: row.expiresAt.toISOString(),
        },
      });
      return row;
    });
    let qrText: string;
    try {
      ({ qrText } = await adapter.createOrder({
        outTradeNo: intent.outTradeNo,
        amountFen: intent.amountFen,
        subject: `${input.sector === 'gas' ? '燃气费' : '供热费'} ${customer.accountNo}`,
        attach: intent.enterpriseId,
        expiresAt: intent.expiresAt,
      }));
    } catch {
      // The intent stays open and simply expires; no payment can match it without the channel's notification.
      throw bad(
        'PAYMENT_GATEWAY_UNAVAILABLE',
        '支付渠道暂时无法下单，请稍后再试或改用其他方式',
        'The payment channel could not take the order; try again later or use another way to pay',
        { channel: input.channel },
      );
    }
    return { ...this.view(intent), qrText };
  }

  async getIntent(actor: Actor, outTradeNo: string): Promise<TIntent> {
    return this.view(await this.visibleIntent(actor, outTradeNo));
  }

  /**
   * Demo gateway only: the customer pays the caller's own enterprise's intent. The demo gateway builds the
   * channel's signed notification and it goes through the same verification and matching as a real one.
   */
  async simulate(actor: Actor, outTradeNo: string): Promise<TSimulateResult> {
    const demo = this.channels.demo;
    if (!demo) throw notFound('resource');
    if (actor.role === 'regulator') throw forbidden();
    const intent = await this.visibleIntent(actor, outTradeNo);
    const status = this.statusOf(intent);
    if (status !== 'open') {
      throw bad(
        status === 'paid' ? 'PAYMENT_INTENT_PAID' : 'PAYMENT_INTENT_EXPIRED',
        status === 'paid' ? '该支付订单已支付' : '该支付订单已过期，请重新下单',
        status === 'paid'
          ? 'This payment order is already paid'
          : 'This payment order has expired; make a new one',
      );
    }
    const channel = intent.channel as OnlineChannel;
    const notification = demo.pay(
      channel,
      { outTradeNo: intent.outTradeNo, amountFen: intent.amountFen, attach: intent.enterpriseId },
      this.ctx.now(),
    );
    const outcome = await this.notify(channel, notification);
    const after = (await findIntentByTradeNo(this.db, outTradeNo))!;
    return {
      intent: this.view(after),
      notification: {
        channel,
        headers: notification.headers as Record<string, string>,
        body: notification.body,
      },
      payment:
        'payment' in outcome
          ? await this.payments.view(outcome.payment, outcome.kind === 'replayed', outcome.prepaidBalanceFen)
          : null,
    };
  }

  /** A channel's notification (anonymous: the signature is the credential). */
  async notify(channel: OnlineChannel, raw: RawNotification): Promise<NotificationOutcome> {
    const adapter = this.channels.adapters[channel];
    if (!adapter) throw channelOff(channel);
    return applyNotification(this.ctx, channel, adapter, raw);
  }

  ack(channel: OnlineChannel) {
    return this.channels.adapters[channel]?.ack ?? { contentType: 'text/plain', body: 'success' };
  }

  private async visibleIntent(actor: Actor, outTradeNo: string) {
    const intent = await findIntentByTradeNo(this.db, outTradeNo);
    if (!intent || (actor.role !== 'regulator' && intent.enterpriseId !== actor.enterpriseId)) {
      throw notFound('payment order');
    }
    return intent;
  }

  /** What the intent may be paid for, checked before the customer is asked to pay (and again when it is). */
  private async checkTarget(
    customer: { id: string; kind: string },
    input: Pick<TIntentInput, 'sector' | 'billId' | 'meterId'>,
  ) {
    if (input.sector !== sectorOfKind(customer.kind)) {
      throw bad('PAYMENT_SECTOR_MISMATCH', '该账户不属于此行业', 'The account is not of this sector', {
        sector: input.sector,
      });
    }
    if (input.billId && input.meterId) {
      throw bad(
        'BAD_REQUEST',
        '一笔订单只能缴一张账单或给一块预付费表充值',
        'An order pays one bill or tops up one prepaid meter, not both',
      );
    }
    if (input.billId) {
      const bill = await findBill(this.db, input.billId);
      if (!bill || bill.customerId !== customer.id || bill.sector !== input.sector) {
        throw bad('PAYMENT_BILL_NOT_OF_CUSTOMER', '账单不属于该客户', 'The bill is not this customer’s', {
          field: 'billId',
        });
      }
    }
    if (input.meterId) {
      const meter = await findMeter(this.db, input.meterId);
      if (!meter || meter.customerId !== customer.id || !meter.prepaid || meter.status !== 'in_service') {
        throw bad(
          'PAYMENT_METER_NOT_PREPAID',
          '该表不是此客户在用的预付费表',
          'The meter is not a prepaid meter in service on this account',
          { field: 'meterId' },
        );
      }
    }
  }

  private statusOf(i: IntentRow): TIntent['status'] {
    return i.status === 'open' && this.ctx.now().getTime() > i.expiresAt.getTime()
      ? 'expired'
      : (i.status as TIntent['status']);
  }

  private view(i: IntentRow): TIntent {
    return {
      id: i.id,
      outTradeNo: i.outTradeNo,
      channel: i.channel as OnlineChannel,
      purpose: i.purpose,
      customerId: i.customerId,
      sector: i.sector,
      billId: i.billId,
      meterId: i.meterId,
      amountFen: i.amountFen,
      status: this.statusOf(i),
      expiresAt: i.expiresAt.toISOString(),
      tradeNo: i.tradeNo,
      paidAt: i.paidAt?.toISOString() ?? null,
      paymentId: i.paymentId,
      qrText: null,
    };
  }
}
