import { z } from 'zod';

const ZKind = z.enum(['hotline', 'rush_repair']);
const ZItems = z.array(z.string().trim().min(1).max(60)).max(30);

/** G-4.2.2, G-5.12.3, H-6.4.3: a shift of the 24 h hotline or the rush-repair crew. */
export const ZShiftInput = z.strictObject({
  kind: ZKind,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** People on the shift, from the staff registry; none is allowed but shown as a gap. */
  staffIds: z.array(z.uuid()).max(50),
  vehicles: ZItems.default([]),
  equipment: ZItems.default([]),
  /** The 24 h phone answered on this shift (published). */
  phone: z
    .string()
    .trim()
    .regex(/^[0-9][0-9-]{4,19}$/),
  note: z.string().trim().max(500).default(''),
});
export type TShiftInput = z.infer<typeof ZShiftInput>;

export const ZRosterQuery = z.strictObject({
  from: z.iso.date(),
  days: z.coerce.number().int().min(1).max(31).default(7),
  enterpriseId: z.uuid().optional(),
});

export const ZShift = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  kind: ZKind,
  startsAt: z.string(),
  endsAt: z.string(),
  people: z.array(z.object({ id: z.string(), name: z.string(), post: z.string() })),
  vehicles: z.array(z.string()),
  equipment: z.array(z.string()),
  phone: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type TShift = z.infer<typeof ZShift>;

export const ZGap = z.object({
  enterpriseId: z.string(),
  kind: ZKind,
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.enum(['nobody', 'uncovered']),
  seasonNight: z.boolean(),
  clause: z.string(),
});

export const ZRoster = z.object({ shifts: z.array(ZShift), gaps: z.array(ZGap) });

export const ZOnDutyQuery = z.strictObject({
  at: z.iso.datetime({ offset: true }).optional(),
  kind: ZKind.optional(),
});
export const ZOnDuty = z.object({ at: z.string(), shifts: z.array(ZShift) });

const ZMessages = z.object({ zh: z.string(), en: z.string() });
export const ZEmergencyAlert = z.object({
  id: z.number(),
  enterpriseId: z.string(),
  kind: z.string(),
  clause: z.string(),
  dueAt: z.string(),
  messages: ZMessages,
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export const ZEmergencyAlertQuery = z.strictObject({
  unacknowledged: z.enum(['true', 'false']).optional(),
  enterpriseId: z.uuid().optional(),
});
export const ZEmergencyAlertList = z.object({ items: z.array(ZEmergencyAlert) });
export const ZAlertParams = z.strictObject({ id: z.coerce.number().int().positive() });
