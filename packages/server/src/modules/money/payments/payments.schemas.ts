import { z } from 'zod';
import { ZSector } from '../ledger/ledger.schemas.ts';

/** G-6.2.8, G-7.1.7, G-8.1.3: several ways to pay. */
export const PAYMENT_CHANNELS = ['counter', 'bank', 'wechat', 'alipay', 'prepaid_topup'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

/** At most ¥1,000,000 in one payment. */
const fen = z.number().int().min(1).max(100_000_000);
const key = z.string().trim().min(8).max(100);

export const ZPaymentInput = z.strictObject({
  customerId: z.uuid(),
  sector: ZSector,
  channel: z.enum(['counter', 'bank', 'prepaid_topup']),
  amountFen: fen,
  /** Required (or the Idempotency-Key header): the same key records one payment. */
  idempotencyKey: key.optional(),
  billId: z.uuid().optional(),
  /** The prepaid meter to load (prepaid_topup only). */
  meterId: z.uuid().optional(),
  /** The bank's transaction reference (bank channel). */
  externalRef: z.string().trim().max(100).optional(),
});
export type TPaymentInput = z.infer<typeof ZPaymentInput>;

export const ZPayment = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  customerId: z.string(),
  accountNo: z.string(),
  customerName: z.string(),
  sector: z.string(),
  channel: z.string(),
  amountFen: z.number(),
  receiptNo: z.string(),
  idempotencyKey: z.string(),
  externalRef: z.string().nullable(),
  billId: z.string().nullable(),
  meterId: z.string().nullable(),
  receivedAt: z.string(),
  createdBy: z.string().nullable(),
  /** The account balance right after this payment (positive = still owed). */
  balanceAfterFen: z.number(),
  /** True when this answer repeats an earlier submission with the same key. */
  replayed: z.boolean(),
  prepaidBalanceFen: z.number().nullable(),
});
export type TPayment = z.infer<typeof ZPayment>;

export const ZPaymentListQuery = z.strictObject({
  customerId: z.uuid().optional(),
  channel: z.enum(PAYMENT_CHANNELS).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  enterpriseId: z.uuid().optional(),
});
export type TPaymentListQuery = z.infer<typeof ZPaymentListQuery>;

export const ZPaymentList = z.object({
  items: z.array(ZPayment.omit({ balanceAfterFen: true, replayed: true, prepaidBalanceFen: true })),
  total: z.number(),
  totalFen: z.number(),
});

/** The receipt (G-6.2.8: a lawful receipt for every payment) as printed. */
export const ZReceipt = z.object({
  receiptNo: z.string(),
  enterprise: z.object({ name: z.string(), creditCode: z.string(), hotline: z.string() }),
  customer: z.object({ accountNo: z.string(), name: z.string(), address: z.string().nullable() }),
  sector: z.string(),
  channel: z.string(),
  amountFen: z.number(),
  amountInWords: z.string(),
  receivedAt: z.string(),
  bill: z.object({ billNo: z.string(), period: z.string() }).nullable(),
  meterSerialNo: z.string().nullable(),
  externalRef: z.string().nullable(),
  operator: z.string(),
  balanceAfterFen: z.number(),
  prepaidBalanceFen: z.number().nullable(),
});

/** A payment order (intent) for WeChat Pay / Alipay: a bill, a prepaid meter's top-up, or onto the account. */
export const ZIntentInput = z.strictObject({
  customerId: z.uuid(),
  sector: ZSector,
  channel: z.enum(['wechat', 'alipay']),
  amountFen: fen,
  billId: z.uuid().optional(),
  /** A prepaid meter of the account to top up (G-6.2.2). */
  meterId: z.uuid().optional(),
});
export type TIntentInput = z.infer<typeof ZIntentInput>;

export const ZIntent = z.object({
  id: z.string(),
  /** Ours, random; the channel's notification names it. */
  outTradeNo: z.string(),
  channel: z.enum(['wechat', 'alipay']),
  /** 'bill' | 'topup' | 'account' */
  purpose: z.string(),
  customerId: z.string(),
  sector: z.string(),
  billId: z.string().nullable(),
  meterId: z.string().nullable(),
  amountFen: z.number(),
  status: z.enum(['open', 'paid', 'expired']),
  expiresAt: z.string(),
  tradeNo: z.string().nullable(),
  paidAt: z.string().nullable(),
  paymentId: z.string().nullable(),
  /** What the customer scans (only in the answer that creates the order). */
  qrText: z.string().nullable(),
});
export type TIntent = z.infer<typeof ZIntent>;

export const ZGatewayChannels = z.object({
  gateway: z.enum(['off', 'demo', 'live']),
  channels: z.array(z.enum(['wechat', 'alipay'])),
  intentMinutes: z.number(),
});

export const ZOutTradeNoParams = z.strictObject({ outTradeNo: z.string().min(8).max(64) });
export const ZSimulateInput = z.strictObject({ outTradeNo: z.string().min(8).max(64) });

export const ZSimulateResult = z.object({
  intent: ZIntent,
  /** The signed notification the demo gateway delivered (what WeChat Pay / Alipay would have sent). */
  notification: z.object({
    channel: z.enum(['wechat', 'alipay']),
    headers: z.record(z.string(), z.string()),
    body: z.union([z.string(), z.record(z.string(), z.string())]),
  }),
  payment: ZPayment.nullable(),
});
export type TSimulateResult = z.infer<typeof ZSimulateResult>;

export const ZPrepaidDrawInput = z.strictObject({
  amountFen: fen,
  /** The meter's own reference for this draw: the same reference records one draw. */
  ref: key,
});
export const ZPrepaidDraw = z.object({
  meterId: z.string(),
  balanceFen: z.number(),
  alarm: z.boolean(),
  inOverdraft: z.boolean(),
  replayed: z.boolean(),
});
