import { z } from 'zod';

const ZText = (max: number) => z.string().trim().min(1).max(max);

/** H-6.3.4: a building whose shared heating system cannot be filled or run. */
export const ZBuildingNoticeInput = z.strictObject({
  community: ZText(100),
  building: ZText(50),
  ownerName: ZText(100),
  ownerPhone: ZText(30),
  reason: z.enum(['cannot_fill', 'cannot_run']),
  cause: ZText(1000),
  advice: ZText(1000),
  effectiveOn: z.iso.date(),
});
export type TBuildingNoticeInput = z.infer<typeof ZBuildingNoticeInput>;

export const ZBuildingNotice = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  community: z.string(),
  building: z.string(),
  ownerName: z.string(),
  ownerPhone: z.string(),
  reason: z.enum(['cannot_fill', 'cannot_run']),
  cause: z.string(),
  advice: z.string(),
  effectiveOn: z.string(),
  /** Households of the building told through the outbox (besides the owner). */
  households: z.number(),
  createdAt: z.string(),
});
export const ZBuildingNoticeList = z.object({ items: z.array(ZBuildingNotice) });
export const ZNoticeQuery = z.strictObject({ enterpriseId: z.uuid().optional() });
export const ZNoticeParams = z.strictObject({ id: z.uuid() });
