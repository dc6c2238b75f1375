import { z } from 'zod';

const ZAt = z.iso.datetime({ offset: true });

/** H-10.5.1, H-3.8: a heating interruption, as the dispatcher knows it; the heated area comes from the archive. */
export const ZOutageInput = z.strictObject({
  communities: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
  startedAt: ZAt,
  restoredAt: ZAt.optional(),
  companyCaused: z.boolean(),
  cause: z.string().trim().min(2).max(500),
  /** The emergency incident it belongs to, if one was opened (emergency/incidents). */
  incidentId: z.uuid().optional(),
});
export type TOutageInput = z.infer<typeof ZOutageInput>;

export const ZOutageRestore = z.strictObject({ restoredAt: ZAt });
export const ZOutageParams = z.strictObject({ id: z.uuid() });
export const ZOutageQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TOutageQuery = z.infer<typeof ZOutageQuery>;

export const ZOutage = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  communities: z.array(z.string()),
  heatedAreaM2: z.number(),
  households: z.number(),
  startedAt: z.string(),
  restoredAt: z.string().nullable(),
  /** Hours off so far (to the restore, or to now while still off). */
  hours: z.number(),
  companyCaused: z.boolean(),
  cause: z.string(),
  incidentId: z.string().nullable(),
  createdAt: z.string(),
});
export const ZOutageList = z.object({
  items: z.array(ZOutage),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
/** The communities of the enterprise's heating premises with their heated area, to name in an outage. */
export const ZOutageCommunities = z.object({
  items: z.array(z.object({ community: z.string(), households: z.number(), heatedAreaM2: z.number() })),
});
