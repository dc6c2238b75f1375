import { z } from 'zod';

export const ZWarranty = z.strictObject({
  id: z.string(),
  workOrderId: z.string(),
  orderNo: z.string(),
  itemCode: z.string(),
  address: z.string(),
  kind: z.enum(['installation', 'repair']),
  months: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** The warranty this one restarted after a free redo (G-9.2.8). */
  restartsWarrantyId: z.string().nullable(),
});

export const ZWarrantyQuery = z.strictObject({
  /** Part of the address. */
  q: z.string().trim().max(100).optional(),
  /** Only warranties in force today (default) or all. */
  all: z.enum(['true', 'false']).optional(),
});

export const ZWarrantyList = z.strictObject({ items: z.array(ZWarranty) });
