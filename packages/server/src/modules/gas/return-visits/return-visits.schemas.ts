import { SAFETY_ADVICE } from '@ranre/domain';
import { z } from 'zod';

const ADVICE = SAFETY_ADVICE.map((a) => a.key) as [string, ...string[]];

/** G-9.3.1: one scheduled visit made — how, the advice given, what the customer said. */
export const ZVisitInput = z.strictObject({
  dueOn: z.iso.date(),
  channel: z.enum(['phone', 'on_site']),
  advice: z.array(z.enum(ADVICE)).max(5),
  answers: z.string().trim().max(1000),
});
export type TVisitInput = z.infer<typeof ZVisitInput>;

export const ZVisitQuery = z.strictObject({ due: z.enum(['true', 'false']).optional() });

const ZVisit = z.strictObject({
  dueOn: z.string(),
  state: z.enum(['done', 'due', 'upcoming']),
  channel: z.string().nullable(),
  advice: z.array(z.string()),
  answers: z.string().nullable(),
  visitedAt: z.string().nullable(),
  visitedBy: z.string().nullable(),
});

export const ZInstallationVisits = z.strictObject({
  workOrderId: z.string(),
  orderNo: z.string(),
  customerName: z.string(),
  customerPhone: z.string(),
  address: z.string(),
  completedOn: z.string(),
  visits: z.array(ZVisit),
});
export const ZVisitList = z.strictObject({ items: z.array(ZInstallationVisits) });
