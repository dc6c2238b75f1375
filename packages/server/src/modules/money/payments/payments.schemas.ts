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

export const ZGatewayOrderInput = z.strictObject({
  customerId: z.uuid(),
  sector: ZSector,
  channel: z.enum(['wechat', 'alipay']),
  amountFen: fen,
  billId: z.uuid().optional(),
});
export type TGatewayOrderInput = z.infer<typeof ZGatewayOrderInput>;

export const ZGatewayOrder = z.object({
  channel: z.enum(['wechat', 'alipay']),
  outTradeNo: z.string(),
  amountFen: z.number(),
  /** What the customer scans (the test gateway's pay link). */
  qrText: z.string(),
  /** Merchant data the gateway returns in its callback. */
  attach: z.string(),
});

export const ZSimulateInput = z.strictObject({
  channel: z.enum(['wechat', 'alipay']),
  outTradeNo: z.string().min(8).max(64),
  amountFen: fen,
  attach: z.string().min(2).max(2000),
});

export const ZCallbackParams = z.strictObject({ channel: z.enum(['wechat', 'alipay']) });
export const ZCallbackBody = z.strictObject({
  outTradeNo: z.string().min(8).max(64),
  tradeNo: z.string().min(8).max(64),
  amountFen: fen,
  paidAt: z.iso.datetime(),
  attach: z.string().min(2).max(2000),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TCallbackBody = z.infer<typeof ZCallbackBody>;

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
