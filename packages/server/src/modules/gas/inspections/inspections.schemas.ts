import { CHECKLIST_CODES, HAZARD_GRADES, VISIT_OUTCOMES } from '@ranre/domain';
import { z } from 'zod';

const visits = z.number().int().min(1).max(12);

export const ZPlanRequest = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** G-5.11.1: more than the minimum may be planned, never fewer (the domain refuses). */
  visitsPerYear: z
    .strictObject({
      pipeline_urban_resident: visits.optional(),
      pipeline_rural_resident: visits.optional(),
      pipeline_non_resident: visits.optional(),
    })
    .optional(),
  /** The inspectors whose routes the plan is balanced over. Default: every active inspector of the enterprise. */
  inspectorIds: z.array(z.uuid()).max(500).optional(),
});
export type TPlanRequest = z.infer<typeof ZPlanRequest>;

export const ZYearQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  enterpriseId: z.uuid().optional(),
});

export const ZProgressQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  enterpriseId: z.uuid().optional(),
  by: z.enum(['community', 'inspector', 'enterprise']).default('community'),
});

export const ZVisitQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  state: z
    .enum([
      'planned',
      'inspected',
      'refused',
      'retry_needed',
      'community_follow_up_due',
      'community_followed_up',
    ])
    .optional(),
  community: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const dataUrl = z.string().max(700_000).startsWith('data:image/');

export const ZFinding = z.strictObject({
  item: z.enum(CHECKLIST_CODES as [string, ...string[]]),
  grade: z.enum(HAZARD_GRADES),
  responsible: z.enum(['customer', 'company']),
  description: z.string().trim().min(1).max(500),
  photos: z.array(dataUrl).max(3).default([]),
});

export const ZRecord = z.strictObject({
  /** Made by the phone when the record is taken, so a queue sending it again records it once. */
  id: z.uuid(),
  visitId: z.uuid().optional(),
  customerId: z.uuid(),
  /** G-5.11.3: the check before supply, or after a renovation, may be made outside the yearly plan. */
  purpose: z.enum(['planned', 'pre_supply', 'renovation']).default('planned'),
  outcome: z.enum(VISIT_OUTCOMES),
  at: z.iso.datetime({ offset: true }),
  place: z
    .strictObject({
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
      text: z.string().max(200).optional(),
    })
    .optional(),
  checklist: z
    .array(
      z.strictObject({
        code: z.enum(CHECKLIST_CODES as [string, ...string[]]),
        ok: z.boolean(),
        note: z.string().max(300).optional(),
      }),
    )
    .max(CHECKLIST_CODES.length)
    .default([]),
  findings: z.array(ZFinding).max(10).default([]),
  /** G-5.11.4: the customer's signature as a PNG data URL. */
  signature: dataUrl.optional(),
  note: z.string().max(1000).default(''),
});
export type TRecord = z.infer<typeof ZRecord>;

export const ZFollowUp = z.strictObject({
  committee: z.string().trim().min(1).max(100),
  at: z.iso.datetime({ offset: true }),
  agreed: z.string().trim().min(1).max(500),
});
export type TFollowUp = z.infer<typeof ZFollowUp>;

/** G-5.11.2: announce a building's inspection: the day and the window ('09:00-12:00'). */
export const ZAnnouncementInput = z.strictObject({
  community: z.string().trim().min(1).max(100),
  building: z.string().trim().max(100),
  plannedOn: z.iso.date(),
  timeWindow: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/),
});
export type TAnnouncementInput = z.infer<typeof ZAnnouncementInput>;

export const ZAgreeInput = z.strictObject({ agreedAt: z.iso.datetime({ offset: true }) });

const ZAnnouncement = z.object({
  id: z.string(),
  community: z.string(),
  building: z.string(),
  plannedOn: z.string(),
  timeWindow: z.string(),
  inspectorName: z.string(),
  badgeNo: z.string(),
  households: z.number(),
  text: z.object({ zh: z.string(), en: z.string() }),
  createdAt: z.string(),
});
export const ZAnnouncementResult = ZAnnouncement.extend({ queued: z.number() });
export const ZAnnouncements = z.object({ items: z.array(ZAnnouncement) });
export const ZAgreeResult = z.object({ id: z.string(), agreedAt: z.string() });

export const ZScope = z.strictObject({ enterpriseId: z.uuid().optional() });
