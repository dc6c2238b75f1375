import { z } from 'zod';

// The answers of the hazard routes (instants as ISO strings).

export const ZHazard = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  accountNo: z.string(),
  phone: z.string().nullable(),
  address: z.string(),
  community: z.string(),
  item: z.string(),
  grade: z.enum(['general', 'serious', 'major']),
  responsible: z.enum(['customer', 'company']),
  description: z.string(),
  foundAt: z.string(),
  dueAt: z.string(),
  status: z.enum(['open', 'closed']),
  notice: z.enum(['pending', 'signed', 'refused']),
  reportedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  extensions: z.number(),
  overdue: z.boolean(),
});
export const ZHazards = z.object({ total: z.number(), items: z.array(ZHazard) });
export const ZHazardDetail = ZHazard.extend({
  file: z.array(
    z.object({
      id: z.number(),
      type: z.string(),
      at: z.string(),
      data: z.looseObject({
        reason: z.string().optional(),
        description: z.string().optional(),
        photos: z.array(z.string()).optional(),
      }),
    }),
  ),
});
