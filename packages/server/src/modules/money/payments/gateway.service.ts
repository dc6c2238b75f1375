import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { visibleCustomer } from '../ledger/ledger.service.ts';
import type { PaymentGateway } from './gateways/gateway.ts';
import { testGateways, type TestGateway } from './gateways/test-gateway.ts';
import { findBill } from './payments.repository.ts';
import type { TCallbackBody, TGatewayOrderInput } from './payments.schemas.ts';
import { PaymentService, recordPayment } from './payments.service.ts';

/** What we put in the order's `attach` and get back in the signed callback. */
const ZAttach = z.strictObject({
  enterpriseId: z.uuid(),
  customerId: z.uuid(),
  sector: z.enum(['gas', 'heating']),
  billId: z.uuid().nullable(),
});

const badSignature = () =>
  appError('PAYMENT_CALLBACK_SIGNATURE', {
    zh: '回调签名无效，未记账',
    en: 'Invalid callback signature; nothing recorded',
  });

/** WeChat Pay / Alipay through the PaymentGateway adapter; the built-in test gateway stands in for both. */
export class GatewayService {
  private readonly payments: PaymentService;

  constructor(
    private readonly ctx: AppContext,
    private readonly gateways: Record<
      'wechat' | 'alipay',
      PaymentGateway & Partial<Pick<TestGateway, 'simulatePaid'>>
    > = testGateways,
  ) {
    this.payments = new PaymentService(ctx);
  }

  async createOrder(actor: Actor, input: TGatewayOrderInput) {
    if (actor.role === 'regulator') throw forbidden();
    const customer = await visibleCustomer(this.ctx.database.db, actor, input.customerId);
    if (input.billId) {
      const bill = await findBill(this.ctx.database.db, input.billId);
      if (!bill || bill.customerId !== customer.id) {
        throw appError('PAYMENT_BILL_NOT_OF_CUSTOMER', {
          zh: '账单不属于该客户',
          en: 'The bill is not this customer’s',
        });
      }
    }
    const attach = JSON.stringify({
      enterpriseId: customer.enterpriseId,
      customerId: customer.id,
      sector: input.sector,
      billId: input.billId ?? null,
    });
    const outTradeNo = `RR${randomBytes(10).toString('hex').toUpperCase()}`;
    const gw = this.gateways[input.channel];
    const { qrText } = await gw.createOrder({
      outTradeNo,
      amountFen: input.amountFen,
      subject: `燃气费 ${customer.accountNo}`,
      attach,
    });
    return { channel: input.channel, outTradeNo, amountFen: input.amountFen, qrText, attach };
  }

  /** Test gateway only: the customer "pays"; returns the signed callback the gateway would send. */
  simulate(
    actor: Actor,
    input: { channel: 'wechat' | 'alipay'; outTradeNo: string; amountFen: number; attach: string },
  ) {
    if (actor.role === 'regulator') throw forbidden();
    const gw = this.gateways[input.channel];
    if (!gw.simulatePaid) {
      throw appError('PAYMENT_GATEWAY_NOT_TEST', {
        zh: '该渠道不是测试网关',
        en: 'This channel is not the test gateway',
      });
    }
    return gw.simulatePaid(input, this.ctx.now());
  }

  /** The channel's asynchronous callback: signature first, then one payment per trade number. */
  async callback(channel: 'wechat' | 'alipay', cb: TCallbackBody) {
    if (!this.gateways[channel].verifyCallback(cb)) throw badSignature();
    let attach: z.infer<typeof ZAttach>;
    try {
      attach = ZAttach.parse(JSON.parse(cb.attach));
    } catch {
      throw badSignature();
    }
    const result = await this.ctx.database.db.transaction(async (tx) => {
      const system = { role: 'agent', enterpriseId: attach.enterpriseId } as Actor;
      const customer = await visibleCustomer(tx, system, attach.customerId);
      const r = await recordPayment(tx, null, {
        customer,
        sector: attach.sector,
        channel,
        amountFen: cb.amountFen,
        idempotencyKey: `${channel}:${cb.tradeNo}`,
        billId: attach.billId,
        externalRef: cb.tradeNo,
        receivedAt: new Date(cb.paidAt),
      });
      if (r.replayed) {
        await appendAudit(tx, {
          actor: null,
          enterpriseId: attach.enterpriseId,
          action: 'payment.callback_replayed',
          entity: 'payment',
          entityId: r.payment.id,
          after: { channel, tradeNo: cb.tradeNo },
        });
      }
      return r;
    });
    return this.payments.view(result.payment, result.replayed, null);
  }
}
