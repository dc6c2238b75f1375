import { WARNING_CHANNELS } from '@ranre/domain';
import { z } from 'zod';

const ZLevel = z.number().int().min(1).max(4);

/** G-5.12.6: a warning to the customers of some communities, on the chosen channels. */
export const ZWarningInput = z.strictObject({
  title: z.string().trim().min(2).max(100),
  body: z.string().trim().min(2).max(500),
  communities: z.array(z.string().trim().min(1).max(100)).min(1).max(200),
  channels: z.array(z.enum(WARNING_CHANNELS)).min(1),
  level: ZLevel,
  /** Important whatever the level (red and orange always are). */
  important: z.boolean().default(false),
});
export type TWarningInput = z.infer<typeof ZWarningInput>;

export const ZLevelInput = z.strictObject({ level: ZLevel, reason: z.string().trim().min(2).max(300) });
export const ZWarningParams = z.strictObject({ id: z.uuid() });
export const ZWarningQuery = z.strictObject({ enterpriseId: z.uuid().optional() });

export const ZWarning = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  title: z.string(),
  body: z.string(),
  communities: z.array(z.string()),
  channels: z.array(z.string()),
  level: z.number(),
  important: z.boolean(),
  reportedAt: z.string().nullable(),
  levels: z.array(
    z.object({
      level: z.number(),
      reason: z.string(),
      households: z.number(),
      at: z.string(),
      actorName: z.string(),
    }),
  ),
  createdAt: z.string(),
});
export const ZWarningList = z.object({ items: z.array(ZWarning) });
