import { amountInWords, receiptNumber, receiptSequence, toShanghaiDate } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { dateOf } from '../ledger/arrears.ts';
import { balanceOf, insertLedgerEntry } from '../ledger/ledger.repository.ts';
import {
  idempotencyConflict,
  sectorOfKind,
  visibleCustomer,
  type CustomerRef,
} from '../ledger/ledger.service.ts';
import * as repo from './payments.repository.ts';
import type { PaymentChannel, TPayment, TPaymentInput, TPaymentListQuery } from './payments.schemas.ts';
import { loadPrepaidMeter } from './prepaid.service.ts';

export type RecordInput = {
  customer: CustomerRef;
  sector: 'gas' | 'heating';
  channel: PaymentChannel;
  amountFen: number;
  idempotencyKey: string;
  billId?: string | null;
  meterId?: string | null;
  externalRef?: string | null;
  receivedAt: Date;
};

const sameSubmission = (p: repo.PaymentRow, i: RecordInput) =>
  p.customerId === i.customer.id &&
  p.sector === i.sector &&
  p.channel === i.channel &&
  p.amountFen === i.amountFen &&
  (p.billId ?? null) === (i.billId ?? null) &&
  (p.meterId ?? null) === (i.meterId ?? null);

const bad = (code: string, zh: string, en: string, details?: unknown) => appError(code, { zh, en }, details);

/**
 * Records one payment in the caller's transaction: the payment with its numbered receipt (G-6.2.8), its
 * `payment` ledger entry, the prepaid meter's new balance for a top-up (G-6.2.2), and the audit event. A repeated
 * idempotency key returns the first payment; the same key with a different body is a conflict.
 */
export async function recordPayment(
  tx: Db,
  actor: Actor | null,
  i: RecordInput,
): Promise<{ payment: repo.PaymentRow; replayed: boolean; prepaidBalanceFen: number | null }> {
  const enterpriseId = i.customer.enterpriseId;
  await repo.lockEnterprisePayments(tx, enterpriseId);
  const prior = await repo.findByKey(tx, enterpriseId, i.idempotencyKey);
  if (prior) {
    if (!sameSubmission(prior, i)) throw idempotencyConflict(i.idempotencyKey);
    const meter = prior.meterId ? await repo.findMeter(tx, prior.meterId) : null;
    return { payment: prior, replayed: true, prepaidBalanceFen: meter?.prepaidBalanceFen ?? null };
  }
  if (i.sector !== sectorOfKind(i.customer.kind)) {
    throw bad('PAYMENT_SECTOR_MISMATCH', '该账户不属于此行业', 'The account is not of this sector', {
      sector: i.sector,
    });
  }
  if (i.billId) {
    const bill = await repo.findBill(tx, i.billId);
    if (!bill || bill.customerId !== i.customer.id || bill.sector !== i.sector) {
      throw bad('PAYMENT_BILL_NOT_OF_CUSTOMER', '账单不属于该客户', 'The bill is not this customer’s', {
        field: 'billId',
      });
    }
  }
  if ((i.channel === 'prepaid_topup') !== Boolean(i.meterId)) {
    throw bad(
      'PAYMENT_METER_REQUIRED',
      '预付费充值须指明预付费表，其他方式不得指明',
      'A prepaid top-up names its prepaid meter; other channels do not',
      { field: 'meterId' },
    );
  }
  const prepaidBalanceFen = i.meterId
    ? await loadPrepaidMeter(tx, i.customer, i.meterId, i.amountFen, i.receivedAt)
    : null;
  const yearMonth = toShanghaiDate(i.receivedAt).slice(0, 7);
  const prefix = receiptNumber(yearMonth, 0).slice(0, -6);
  const receiptNo = receiptNumber(
    yearMonth,
    receiptSequence(await repo.lastReceiptNo(tx, enterpriseId, prefix)) + 1,
  );
  const payment = await repo.insertPayment(tx, {
    enterpriseId,
    customerId: i.customer.id,
    sector: i.sector,
    channel: i.channel,
    amountFen: i.amountFen,
    idempotencyKey: i.idempotencyKey,
    receiptNo,
    externalRef: i.externalRef ?? null,
    billId: i.billId ?? null,
    meterId: i.meterId ?? null,
    receivedAt: i.receivedAt,
    createdBy: actor?.id ?? null,
    createdAt: i.receivedAt,
  });
  await insertLedgerEntry(tx, {
    enterpriseId,
    customerId: i.customer.id,
    sector: i.sector,
    kind: 'payment',
    amountFen: i.amountFen,
    refType: 'payment',
    refId: payment.id,
    reason: `${i.channel} ${receiptNo}`,
    bookedOn: toShanghaiDate(i.receivedAt),
    createdBy: actor?.id ?? null,
    createdAt: i.receivedAt,
  });
  await appendAudit(tx, {
    actor,
    enterpriseId,
    action: 'payment.record',
    entity: 'payment',
    entityId: payment.id,
    after: {
      receiptNo,
      customerId: i.customer.id,
      channel: i.channel,
      amountFen: i.amountFen,
      billId: i.billId ?? null,
      meterId: i.meterId ?? null,
      prepaidBalanceFen,
    },
  });
  return { payment, replayed: false, prepaidBalanceFen };
}

export class PaymentService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async create(actor: Actor, input: TPaymentInput, headerKey?: string): Promise<TPayment> {
    if (actor.role === 'regulator') throw forbidden();
    const key = input.idempotencyKey ?? headerKey?.trim();
    if (!key || key.length < 8 || key.length > 100) {
      throw appError(
        'VALIDATION_FAILED',
        {
          zh: '缺少幂等键（idempotencyKey，8–100 个字符）',
          en: 'An idempotencyKey (8–100 characters) is required',
        },
        [{ path: 'body.idempotencyKey', message: 'required' }],
      );
    }
    if (input.idempotencyKey && headerKey && headerKey.trim() !== input.idempotencyKey) {
      throw appError('BAD_REQUEST', {
        zh: 'Idempotency-Key 请求头与 idempotencyKey 不一致',
        en: 'The Idempotency-Key header differs from idempotencyKey',
      });
    }
    const result = await this.db.transaction(async (tx) => {
      const customer = await visibleCustomer(tx, actor, input.customerId);
      return recordPayment(tx, actor, {
        customer,
        sector: input.sector,
        channel: input.channel,
        amountFen: input.amountFen,
        idempotencyKey: key,
        billId: input.billId,
        meterId: input.meterId,
        externalRef: input.externalRef,
        receivedAt: this.ctx.now(),
      });
    });
    return this.view(result.payment, result.replayed, result.prepaidBalanceFen);
  }

  async get(actor: Actor, id: string): Promise<TPayment> {
    const p = await this.visible(actor, id);
    const meter = p.meterId ? await repo.findMeter(this.db, p.meterId) : null;
    return this.view(p, false, meter?.prepaidBalanceFen ?? null);
  }

  async view(p: repo.PaymentRow, replayed: boolean, prepaidBalanceFen: number | null): Promise<TPayment> {
    const entry = await repo.ledgerEntryOf(this.db, 'payment', p.id);
    const ctx = await repo.receiptContext(this.db, p);
    return {
      ...listView({ payment: p, accountNo: ctx.accountNo, customerName: ctx.customerName }),
      balanceAfterFen: entry ? await balanceOf(this.db, p.customerId, p.sector, { uptoId: entry.id }) : 0,
      replayed,
      prepaidBalanceFen,
    };
  }

  async list(actor: Actor, q: TPaymentListQuery) {
    const enterpriseId = enterpriseScope(actor, q.enterpriseId);
    const { rows, total, totalFen } = await repo.listPayments(this.db, {
      enterpriseId,
      customerId: q.customerId,
      channel: q.channel,
      from: q.from ? new Date(`${q.from}T00:00:00+08:00`) : undefined,
      to: q.to ? new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000) : undefined,
      text: q.q || undefined,
      limit: q.limit,
      offset: q.offset,
    });
    return { items: rows.map(listView), total, totalFen };
  }

  /** The receipt as printed (G-6.2.8). */
  async receipt(actor: Actor, id: string) {
    const p = await this.visible(actor, id);
    const [ctx, bill, meter, entry] = await Promise.all([
      repo.receiptContext(this.db, p),
      p.billId ? repo.findBill(this.db, p.billId) : null,
      p.meterId ? repo.findMeter(this.db, p.meterId) : null,
      repo.ledgerEntryOf(this.db, 'payment', p.id),
    ]);
    return {
      receiptNo: p.receiptNo,
      enterprise: { name: ctx.enterpriseName, creditCode: ctx.creditCode, hotline: ctx.hotline ?? '' },
      customer: { accountNo: ctx.accountNo, name: ctx.customerName, address: ctx.address },
      sector: p.sector,
      channel: p.channel,
      amountFen: p.amountFen,
      amountInWords: amountInWords(p.amountFen),
      receivedAt: p.receivedAt.toISOString(),
      bill: bill ? { billNo: bill.billNo, period: bill.period } : null,
      meterSerialNo: meter?.serialNo ?? null,
      externalRef: p.externalRef,
      operator:
        ctx.operator ??
        (p.channel === 'wechat' || p.channel === 'alipay' ? '线上渠道 / online' : '系统 / system'),
      balanceAfterFen: entry ? await balanceOf(this.db, p.customerId, p.sector, { uptoId: entry.id }) : 0,
      prepaidBalanceFen: meter?.prepaidBalanceFen ?? null,
    };
  }

  private async visible(actor: Actor, id: string) {
    const p = await repo.findPayment(this.db, id);
    if (!p || (actor.role !== 'regulator' && p.enterpriseId !== actor.enterpriseId))
      throw notFound('payment');
    return p;
  }
}

export const listView = (r: { payment: repo.PaymentRow; accountNo: string; customerName: string }) => ({
  id: r.payment.id,
  enterpriseId: r.payment.enterpriseId,
  customerId: r.payment.customerId,
  accountNo: r.accountNo,
  customerName: r.customerName,
  sector: r.payment.sector,
  channel: r.payment.channel,
  amountFen: r.payment.amountFen,
  receiptNo: r.payment.receiptNo,
  idempotencyKey: r.payment.idempotencyKey,
  externalRef: r.payment.externalRef,
  billId: r.payment.billId,
  meterId: r.payment.meterId,
  receivedAt: r.payment.receivedAt.toISOString(),
  createdBy: r.payment.createdBy,
});

export { dateOf };
