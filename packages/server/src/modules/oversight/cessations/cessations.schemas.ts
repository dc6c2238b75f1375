import { CESSATION_STEPS } from '@ranre/domain';
import { z } from 'zod';

/** G-9.3.2, G-6.2.14: stopping business (or one service) from `ceasesOn`, with the customers' arrangements. */
export const ZCessationInput = z.strictObject({
  /** The service that stops; empty when the whole business stops. */
  service: z.string().trim().max(100).default(''),
  /** The first day without service. */
  ceasesOn: z.iso.date(),
  reason: z.string().trim().min(2).max(500),
  /** How the customers are served from then on: supply, open orders, warranties, deposits and balances. */
  arrangements: z.string().trim().min(5).max(1000),
  /** Who takes over open orders and warranties. */
  successor: z.string().trim().max(100).default(''),
  successorPhone: z.string().trim().max(20).default(''),
});
export type TCessationInput = z.infer<typeof ZCessationInput>;

export const ZDecisionInput = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  note: z.string().trim().max(500).default(''),
});
export type TDecisionInput = z.infer<typeof ZDecisionInput>;

export const ZPreviewQuery = z.strictObject({ ceasesOn: z.iso.date() });

export const ZPreview = z.strictObject({
  clause: z.string(),
  today: z.string(),
  applyBy: z.string().nullable(),
  notifyBy: z.string(),
  openOrders: z.number().int(),
  openWarranties: z.number().int(),
  customers: z.number().int(),
});

export const ZCessation = z.strictObject({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  clause: z.string(),
  service: z.string(),
  ceasesOn: z.string(),
  applyBy: z.string().nullable(),
  notifyBy: z.string(),
  reason: z.string(),
  arrangements: z.string(),
  successor: z.string(),
  successorPhone: z.string(),
  openOrders: z.number().int(),
  openWarranties: z.number().int(),
  customers: z.number().int(),
  filedBy: z.string(),
  filedAt: z.string(),
  status: z.enum(['awaiting_approval', 'filed', ...CESSATION_STEPS]),
  /** Still open, customers not told, and the last day to tell them has passed. */
  noticeOverdue: z.boolean(),
  steps: z.array(
    z.strictObject({
      step: z.enum(CESSATION_STEPS),
      note: z.string(),
      notices: z.number().int(),
      by: z.string(),
      at: z.string(),
    }),
  ),
});
export const ZCessationList = z.strictObject({ items: z.array(ZCessation) });
