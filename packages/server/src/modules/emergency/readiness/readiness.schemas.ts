import { PLAN_EVENT_KINDS } from '@ranre/domain';
import { z } from 'zod';

const ZText = (max: number) => z.string().trim().min(1).max(max);

/** G-5.12.1, G-5.12.2, H-6.4.1: a plan for a kind of event, filed with an authority, reviewed by a date. */
export const ZPlanInput = z.strictObject({
  eventKind: z.enum(PLAN_EVENT_KINDS),
  title: ZText(200),
  /** Organisation, response, warning, reporting, aftermath, resources (H-6.4.1); the government plan it links to. */
  contents: ZText(20_000),
  filedWith: ZText(200),
  filedOn: z.iso.date(),
  reviewDueOn: z.iso.date(),
  /** The plan this one revises (G-5.12.2, G-5.12.9): a revision is a new plan. */
  revises: z.uuid().optional(),
});
export type TPlanInput = z.infer<typeof ZPlanInput>;

export const ZPlan = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  eventKind: z.enum(PLAN_EVENT_KINDS),
  title: z.string(),
  contents: z.string(),
  filedWith: z.string(),
  filedOn: z.string(),
  reviewDueOn: z.string(),
  revises: z.string().nullable(),
  /** Superseded by a later revision. */
  current: z.boolean(),
  reviewState: z.enum(['ok', 'due_soon', 'overdue']),
  createdAt: z.string(),
});
export const ZPlanList = z.object({ items: z.array(ZPlan) });

const ZPhoto = z
  .string()
  .max(700_000)
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/);

/** G-5.12.4, G-5.12.5, H-6.4.2: a drill or a leak-response publicity session held. */
export const ZExerciseInput = z.strictObject({
  kind: z.enum(['drill', 'leak_publicity']),
  heldOn: z.iso.date(),
  place: ZText(200),
  audience: z.enum(['customers', 'rural_residents', 'staff']),
  participants: z.number().int().min(1).max(100_000),
  summary: z.string().trim().max(2000).default(''),
  photos: z.array(ZPhoto).max(4).default([]),
});
export type TExerciseInput = z.infer<typeof ZExerciseInput>;

export const ZExercise = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  kind: z.enum(['drill', 'leak_publicity']),
  heldOn: z.string(),
  place: z.string(),
  audience: z.enum(['customers', 'rural_residents', 'staff']),
  participants: z.number(),
  summary: z.string(),
  photos: z.array(z.string()),
  createdAt: z.string(),
});

export const ZReadinessQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ZShortfall = z.object({
  kind: z.enum(['drill', 'leak_publicity']),
  perYear: z.number(),
  done: z.number(),
  missing: z.number(),
  clause: z.string(),
  alert: z.boolean(),
  workingDaysLeft: z.number(),
});
export const ZExerciseList = z.object({
  year: z.number(),
  items: z.array(ZExercise),
  /** For one enterprise only (empty for the regulator's overview). */
  shortfalls: z.array(ZShortfall),
});
