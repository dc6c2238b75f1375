import { CYLINDER_MODELS, MANUAL_LIFE_EVENTS } from '@ranre/domain';
import { z } from 'zod';

const ZDate = z.iso.date();
/** A cylinder's code as printed in its QR code or read from its chip. */
export const ZCylinderCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,40}$/);

export const ZCylinderInput = z.strictObject({
  code: ZCylinderCode,
  manufacturer: z.string().trim().min(2).max(100),
  serialNo: z.string().trim().min(1).max(60),
  manufacturedOn: ZDate,
  model: z.enum(CYLINDER_MODELS.map((m) => m.model) as [string, ...string[]]),
  marking: z.string().trim().min(1).max(60),
  lastInspectedOn: ZDate.optional(),
});
export type TCylinderInput = z.infer<typeof ZCylinderInput>;

export const ZCylinderQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  state: z.string().max(20).optional(),
  q: z.string().trim().max(40).optional(),
  /** Only cylinders whose next inspection falls on or before this date. */
  inspectionBy: ZDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ZCylinder = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  code: z.string(),
  manufacturer: z.string(),
  serialNo: z.string(),
  manufacturedOn: z.string(),
  model: z.string(),
  capacityDl: z.number(),
  ratedFillG: z.number(),
  toleranceG: z.number(),
  marking: z.string(),
  lastInspectedOn: z.string().nullable(),
  nextInspectionOn: z.string(),
  scrapDueOn: z.string(),
  lastTreatedOn: z.string().nullable(),
  scrappedOn: z.string().nullable(),
  disposedOn: z.string().nullable(),
  lastFilledAt: z.string().nullable(),
  lastNetWeightG: z.number().nullable(),
  state: z.string(),
  version: z.number(),
});
export type TCylinder = z.infer<typeof ZCylinder>;

export const ZCylinderList = z.object({
  items: z.array(ZCylinder),
  total: z.number(),
  counts: z.array(z.object({ state: z.string(), n: z.number() })),
});

export const ZCylinderEventInput = z.strictObject({
  type: z.enum(MANUAL_LIFE_EVENTS),
  on: ZDate,
  place: z.string().trim().min(1).max(100),
  /** For an inspection: false scraps the cylinder. */
  inspectionPassed: z.boolean().optional(),
  note: z.string().trim().max(300).default(''),
});

export const ZCylinderEvent = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  place: z.string(),
  actorName: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const ZCylinderDetail = z.object({ cylinder: ZCylinder, events: z.array(ZCylinderEvent) });

export const ZCodeParams = z.strictObject({ code: ZCylinderCode });

const ZMessages = z.object({ zh: z.string(), en: z.string() });

/** G-7.1.13: what anyone scanning a cylinder sees, with the published standards beside it. */
export const ZPublicCylinder = z.object({
  code: z.string(),
  registered: z.boolean(),
  company: z.object({ name: z.string(), hotline: z.string() }).nullable(),
  model: z.string().nullable(),
  lastFilledOn: z.string().nullable(),
  lastNetWeightG: z.number().nullable(),
  nextInspectionOn: z.string().nullable(),
  scrapDueOn: z.string().nullable(),
  usable: z.boolean(),
  reason: ZMessages.nullable(),
  standards: z.object({
    inspectionYears: z.number(),
    designLifeYears: z.number(),
    residueLimitPercent: z.number(),
    sources: z.record(z.string(), ZMessages),
    models: z.array(
      z.object({ model: z.string(), ratedFillG: z.number(), toleranceG: z.number(), capacityDl: z.number() }),
    ),
  }),
});
