import { z } from 'zod';
import { ZClock, ZComplaintCategory } from '../../service/workorders/workorders.schemas.ts';

const ZMessages = z.object({ zh: z.string(), en: z.string() });

export const ZReportInput = z.strictObject({
  customerId: z.uuid(),
  /** suspension, resumption and temperature_test are heating services (H-7.1.7, H-7.1.8, H-7.2.3). */
  kind: z.enum(['leak', 'repair', 'complaint', 'suspension', 'resumption', 'temperature_test']),
  description: z.string().trim().min(2).max(2000),
  /** G-6.2.13: a leak is filed only after the resident was shown the emergency advice. */
  adviceSeen: z.boolean().optional(),
  complaintCategory: ZComplaintCategory.optional(),
  channel: z.enum(['web', 'wechat']).default('web'),
});
export type TReportInput = z.infer<typeof ZReportInput>;

export const ZReportOptions = z.object({
  hotline: z.string(),
  leakAdvice: z.array(ZMessages),
  complaintCategories: z.array(z.object({ code: z.string(), label: ZMessages })),
  reopenPeriodDays: z.number(),
});

export const ZResidentOrderSummary = z.object({
  id: z.string(),
  /** The company that handles it (one login binds accounts of several). */
  enterpriseName: z.string(),
  orderNo: z.string(),
  itemName: ZMessages,
  state: z.string(),
  stateLabel: ZMessages,
  isComplaint: z.boolean(),
  customerId: z.string().nullable(),
  description: z.string(),
  receivedAt: z.string(),
  nextDueAt: z.string().nullable(),
  breached: z.boolean(),
});
export const ZResidentOrderList = z.object({ items: z.array(ZResidentOrderSummary) });

export const ZResidentOrder = ZResidentOrderSummary.extend({
  clocks: z.array(ZClock),
  history: z.array(z.object({ type: z.string(), at: z.string() })),
  entries: z.array(
    z.object({
      kind: z.enum(['info', 'rating', 'reopen']),
      text: z.string(),
      rating: z.number().nullable(),
      reopenedOrderId: z.string().nullable(),
      at: z.string(),
    }),
  ),
  /** Whether the work may be rated now (handling done, not yet rated). */
  canRate: z.boolean(),
  /** The reopen period (H-7.3.4): open until this moment, or why not. */
  reopen: z.object({
    allowed: z.boolean(),
    until: z.string().nullable(),
    reason: z.enum(['not_done', 'period_over', 'already_reopened']).nullable(),
  }),
});
export type TResidentOrder = z.infer<typeof ZResidentOrder>;

export const ZInfoInput = z.strictObject({ text: z.string().trim().min(1).max(1000) });
export const ZRatingInput = z.strictObject({
  rating: z.number().int().min(1).max(5),
  text: z.string().trim().max(500).default(''),
});
export const ZReopenInput = z.strictObject({ reason: z.string().trim().min(2).max(1000) });
export const ZCreated = z.object({ id: z.string() });
