import { z } from 'zod';

export const ZSector = z.enum(['gas', 'heating']);

export const ZStatementQuery = z.strictObject({
  sector: ZSector.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type TStatementQuery = z.infer<typeof ZStatementQuery>;

const ZEntry = z.object({
  id: z.number(),
  bookedOn: z.string(),
  kind: z.enum(['charge', 'payment', 'adjustment']),
  amountFen: z.number(),
  /** The entry's effect on the balance: payments negative. */
  signedFen: z.number(),
  runningBalanceFen: z.number(),
  refType: z.string(),
  refId: z.string(),
  reason: z.string(),
  billNo: z.string().nullable(),
  period: z.string().nullable(),
  noticeNo: z.string().nullable(),
  dueDate: z.string().nullable(),
});

export const ZOverdueItem = z.object({
  entryId: z.number(),
  billId: z.string().nullable(),
  billNo: z.string().nullable(),
  period: z.string().nullable(),
  noticeId: z.string().nullable(),
  noticeNo: z.string().nullable(),
  dueDate: z.string().nullable(),
  amountFen: z.number(),
  outstandingFen: z.number(),
  daysOverdue: z.number(),
  overdue: z.boolean(),
});

export const ZStatement = z.object({
  customer: z.object({ id: z.string(), accountNo: z.string(), name: z.string(), kind: z.string() }),
  sector: ZSector,
  from: z.string().nullable(),
  to: z.string(),
  openingBalanceFen: z.number(),
  entries: z.array(ZEntry),
  closingBalanceFen: z.number(),
  totals: z.object({ chargesFen: z.number(), paymentsFen: z.number(), adjustmentsFen: z.number() }),
  /** As of today (not of `to`): unpaid charges, oldest first; `overdue` past the notice's due date (G-6.2.9). */
  arrears: z.object({
    balanceFen: z.number(),
    outstandingFen: z.number(),
    overdueFen: z.number(),
    maxDaysOverdue: z.number(),
    oldestDueDate: z.string().nullable(),
    items: z.array(ZOverdueItem),
  }),
});
export type TStatement = z.infer<typeof ZStatement>;

export const ZArrearsQuery = z.strictObject({
  sector: ZSector.optional(),
  sort: z.enum(['overdue', 'days', 'balance', 'account']).default('overdue'),
  minDays: z.coerce.number().int().min(0).max(3650).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  enterpriseId: z.uuid().optional(),
});
export type TArrearsQuery = z.infer<typeof ZArrearsQuery>;

export const ZArrearsRow = z.object({
  customerId: z.string(),
  enterpriseId: z.string(),
  accountNo: z.string(),
  name: z.string(),
  sector: z.string(),
  balanceFen: z.number(),
  overdueFen: z.number(),
  overdueNotices: z.number(),
  maxDaysOverdue: z.number(),
  oldestDueDate: z.string().nullable(),
  lastPaymentOn: z.string().nullable(),
  lastReminderAt: z.string().nullable(),
});
export const ZArrearsList = z.object({
  items: z.array(ZArrearsRow),
  total: z.number(),
  totalOverdueFen: z.number(),
});

export const ZAdjustmentInput = z.strictObject({
  sector: ZSector.optional(),
  /** Signed fen: > 0 the customer owes more, < 0 a credit. */
  amountFen: z
    .number()
    .int()
    .min(-100_000_000)
    .max(100_000_000)
    .refine((v) => v !== 0, 'must not be 0'),
  reason: z.string().trim().min(2).max(500),
  /** Makes a repeated submission book one adjustment. */
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});
export type TAdjustmentInput = z.infer<typeof ZAdjustmentInput>;

export const ZAdjustment = z.object({
  id: z.number(),
  customerId: z.string(),
  sector: z.string(),
  amountFen: z.number(),
  reason: z.string(),
  bookedOn: z.string(),
  balanceFen: z.number(),
});
