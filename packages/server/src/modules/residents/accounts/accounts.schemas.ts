import { z } from 'zod';
import { ZBoundAccount } from '../bindings/bindings.schemas.ts';
import { ZOverdueItem } from '../../money/ledger/ledger.schemas.ts';
import { ZIntent } from '../../money/payments/payments.schemas.ts';
import { ZPublicNotice } from '../../service/notices/notices.schemas.ts';

export const ZAccountBillParams = z.strictObject({ id: z.uuid(), billId: z.uuid() });
export const ZTradeParams = z.strictObject({ outTradeNo: z.string().min(8).max(64) });

const ZResidentBill = z.object({
  id: z.string(),
  billNo: z.string(),
  period: z.string(),
  kind: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  volume: z.number(),
  estimated: z.boolean(),
  amountFen: z.number(),
  issuedOn: z.string(),
  /** Unpaid part of this bill (0 when paid). */
  outstandingFen: z.number(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  hasNotice: z.boolean(),
});

export const ZAccountDetail = z.object({
  account: ZBoundAccount,
  arrears: z.array(ZOverdueItem),
  bills: z.array(ZResidentBill),
  /** Usage per billed month, oldest first (the chart). */
  usage: z.array(z.object({ period: z.string(), volume: z.number(), amountFen: z.number() })),
  payments: z.array(z.object({ bookedOn: z.string(), amountFen: z.number(), reason: z.string() })),
  /** Online channels open for paying here (none: pay at a service point). */
  payChannels: z.array(z.enum(['wechat', 'alipay'])),
  demoGateway: z.boolean(),
});
export type TAccountDetail = z.infer<typeof ZAccountDetail>;

export const ZPayInput = z.strictObject({
  billId: z.uuid(),
  channel: z.enum(['wechat', 'alipay']),
});

export const ZResidentIntent = ZIntent;

/** Current outage, filling and interruption notices over a bound account's address (G-6.2.12, H-6.4.5). */
export const ZResidentNotices = z.object({
  items: z.array(ZPublicNotice.extend({ accountNo: z.string() })),
});
