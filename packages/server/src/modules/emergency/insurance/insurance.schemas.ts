import { CLAIM_EXCLUSIONS } from '@ranre/domain';
import { z } from 'zod';

const ZText = (max: number) => z.string().trim().min(1).max(max);

export const ZPolicyInput = z.strictObject({
  insurer: ZText(100),
  policyNo: ZText(60),
  cover: ZText(1000),
  limitFen: z.number().int().min(1).max(1e13),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
});
export const ZPolicy = ZPolicyInput.extend({
  id: z.string(),
  enterpriseId: z.string(),
  createdAt: z.string(),
});
export const ZPolicyList = z.object({ items: z.array(ZPolicy) });

/** A claim as opened, with the facts H-9.6 asks about; an exclusion may be overridden with a written reason. */
export const ZClaimInput = z.strictObject({
  policyId: z.uuid(),
  incidentId: z.uuid().optional(),
  /** H-9.6.3: the community of the loss; its maintenance commitment (H-6.1.7) decides the developer exclusion. */
  community: ZText(100).optional(),
  claimant: ZText(100),
  description: ZText(2000),
  facts: z.partialRecord(z.enum(CLAIM_EXCLUSIONS), z.boolean()).default({}),
  overrideReason: z.string().trim().min(4).max(1000).optional(),
});
export type TClaimInput = z.infer<typeof ZClaimInput>;

export const ZClaimEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('insurer_called'), insurer: ZText(100) }),
  // G-11.2, H-9.3: counted with the customer; the photos and video are the files kept with the claim by then.
  z.strictObject({ type: z.literal('loss_counted'), withCustomer: z.literal(true) }),
  z.strictObject({ type: z.literal('parts_kept'), where: ZText(200) }),
  // G-11.3, H-9.7: the kept parts disposed of only once both parties (the customer and the insurer) agree.
  z.strictObject({ type: z.literal('parts_disposed'), bothAgreed: z.literal(true), how: ZText(200) }),
  /** H-9.4: the hospital the casualty was taken to; the injury's files kept so far are recorded with it. */
  z.strictObject({ type: z.literal('injury'), hospital: ZText(200) }),
  z.strictObject({ type: z.literal('assessed_told'), amountFen: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('agreed'), amountFen: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('paid'), amountFen: z.number().int().min(0) }),
]);
export const ZClaimAct = z.strictObject({ version: z.number().int().min(1), event: ZClaimEvent });
export const ZClaimParams = z.strictObject({ id: z.uuid() });
export const ZClaimMediaParams = z.strictObject({ id: z.uuid(), mediaId: z.uuid() });
/** A photo (PNG, JPEG, WebP ≤ 2 MB) or a video (MP4, MOV, WebM ≤ 8 MB) of the loss as a data URL. */
export const ZClaimMediaInput = z.strictObject({
  dataUrl: z.string().max(11_200_000),
  /** `loss` (default): the loss's photos and video; `injury`: site photos and medical receipts (H-9.4). */
  purpose: z.enum(['loss', 'injury']).default('loss'),
});
export const ZClaimMedia = z.object({
  id: z.string(),
  kind: z.enum(['photo', 'video']),
  purpose: z.enum(['loss', 'injury']),
  mime: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export const ZInsuranceQuery = z.strictObject({ enterpriseId: z.uuid().optional() });

export const ZClaim = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  policyId: z.string(),
  incidentId: z.string().nullable(),
  community: z.string().nullable(),
  claimant: z.string(),
  description: z.string(),
  exclusions: z.array(z.string()),
  overrideReason: z.string().nullable(),
  agreedFen: z.number().nullable(),
  payDueAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  /** H-9.5: paid after its due, or unpaid past it. */
  late: z.boolean(),
  version: z.number(),
  /** G-11.2, H-9.3: the loss's photos and video kept with the claim (their bytes by the media route). */
  media: z.array(ZClaimMedia),
  events: z.array(
    z.object({
      type: z.string(),
      data: z.record(z.string(), z.unknown()),
      at: z.string(),
      actorName: z.string(),
    }),
  ),
  createdAt: z.string(),
});
export const ZClaimList = z.object({ items: z.array(ZClaim) });
