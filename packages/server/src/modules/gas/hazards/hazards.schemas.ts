import { HAZARD_GRADES } from '@ranre/domain';
import { z } from 'zod';

export const ZHazardQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  status: z.enum(['open', 'closed']).optional(),
  grade: z.enum(HAZARD_GRADES).optional(),
  community: z.string().max(100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  reported: z.enum(['true', 'false']).optional(),
  /** Found on a household inspection or on a patrol of the network (G-5.11.10). */
  source: z.enum(['inspection', 'patrol']).optional(),
  patrolId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type THazardQuery = z.infer<typeof ZHazardQuery>;

/** A re-inspection closes it or extends it (new deadline and reason); the notice is signed or refused. */
export const ZHazardStep = z.strictObject({
  type: z.enum(['closed', 'extended', 'notice_signed', 'notice_refused']),
  reason: z.string().trim().max(500).optional(),
  dueAt: z.iso.datetime({ offset: true }).optional(),
  photos: z.array(z.string().max(700_000).startsWith('data:image/')).max(3).default([]),
});
export type THazardStep = z.infer<typeof ZHazardStep>;

/** G-5.11.7: the customer asks the company to do the repair (the prices are shown and signed on the order). */
export const ZRepairOrderRequest = z.strictObject({ note: z.string().trim().max(500).default('') });
