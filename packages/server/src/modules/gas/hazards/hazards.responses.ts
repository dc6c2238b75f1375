import { z } from 'zod';

// The answers of the hazard routes (instants as ISO strings).

export const ZHazard = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  /** Null for a hazard on the network found on a patrol (G-5.11.10). */
  customerId: z.string().nullable(),
  customerName: z.string(),
  accountNo: z.string(),
  phone: z.string().nullable(),
  address: z.string(),
  community: z.string(),
  patrolId: z.string().nullable(),
  /** Where on the network a patrol found it. */
  location: z.string(),
  /** G-5.11.7: the work order of the repair the customer asked the company to do. */
  repairOrderId: z.string().nullable(),
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
  /** G-5.11.7: the work order of the repair the customer asked the company to do. */
  repairOrder: z
    .object({
      id: z.string(),
      orderNo: z.string(),
      state: z.string(),
      /** When the customer signed the price list (null: not yet, the work waits). */
      consentSignedAt: z.string().nullable(),
      chargedFen: z.number().nullable(),
    })
    .nullable(),
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
