import { z } from 'zod';

const ZLevel = z.number().int().min(1).max(4);
const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZAt = z.iso.datetime({ offset: true });

/** G-5.12.7, G-5.12.8: an incident affecting supply, as first known. */
export const ZIncidentInput = z.strictObject({
  title: ZText(200),
  area: ZText(200),
  occurredAt: ZAt,
  /** The level the facts alone call for (4 lowest … 1 highest); raised by G-5.12.8's circumstances. */
  baseLevel: ZLevel,
  customersAffected: z.number().int().min(0).max(10_000_000),
  keyArea: z.boolean().default(false),
  majorEvent: z.boolean().default(false),
  sensitive: z.boolean().default(false),
  /** H-10.5.1: the heated area cut off (m²) and whether the company caused it (heating). */
  heatedAreaM2: z.number().int().min(0).max(1_000_000_000).optional(),
  companyCaused: z.boolean().optional(),
});
export type TIncidentInput = z.infer<typeof ZIncidentInput>;

const ZOn = z.iso.date();
export const ZIncidentEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('note'), text: ZText(2000) }),
  z.strictObject({ type: z.literal('level_set'), level: ZLevel, reason: ZText(500) }),
  z.strictObject({
    type: z.literal('customers_told'),
    count: z.number().int().min(1).max(10_000_000),
    channel: z.enum(['sms', 'phone', 'notice', 'wechat', 'broadcast']),
  }),
  z.strictObject({ type: z.literal('regulator_reported'), to: ZText(200) }),
  /** G-5.12.7: urgent entry; with the customer unreachable, the police notified. */
  z.strictObject({
    type: z.literal('urgent_entry'),
    address: ZText(300),
    customerUnreachable: z.boolean(),
    policeNotifiedAt: ZAt.optional(),
    policeStation: z.string().trim().max(200).optional(),
  }),
  /** H-6.4.5.5: public-opinion notes during an interruption. */
  z.strictObject({ type: z.literal('public_opinion'), text: ZText(2000) }),
  /** H-6.4.6: malicious damage reported at once. */
  z.strictObject({ type: z.literal('malicious_damage_reported'), to: ZText(200) }),
  /** H-6.4.5.3: repaired at once, before any filing; the filing and the media are owed afterwards. */
  z.strictObject({ type: z.literal('urgent_repair_started'), text: ZText(2000) }),
  z.strictObject({ type: z.literal('filed_afterwards'), to: ZText(200) }),
  z.strictObject({ type: z.literal('media_informed'), to: ZText(200) }),
  z.strictObject({ type: z.literal('restored'), at: ZAt }),
  /** G-5.12.9: the aftermath, each with its date. */
  z.strictObject({ type: z.literal('investigation'), on: ZOn, text: ZText(5000) }),
  z.strictObject({ type: z.literal('cause'), on: ZOn, text: ZText(5000) }),
  z.strictObject({ type: z.literal('measures'), on: ZOn, text: ZText(5000) }),
  z.strictObject({ type: z.literal('plan_revision'), on: ZOn, text: ZText(2000) }),
  z.strictObject({ type: z.literal('closed') }),
]);
export type TIncidentEvent = z.infer<typeof ZIncidentEvent>;

export const ZIncidentAct = z.strictObject({ version: z.number().int().min(1), event: ZIncidentEvent });
export const ZIncidentParams = z.strictObject({ id: z.uuid() });
export const ZIncidentQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  open: z.enum(['true', 'false']).optional(),
});

export const ZIncident = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  title: z.string(),
  area: z.string(),
  occurredAt: z.string(),
  baseLevel: z.number(),
  level: z.number(),
  raiseReasons: z.array(z.string()),
  customersAffected: z.number(),
  customersTold: z.number(),
  heatedAreaM2: z.number().nullable(),
  companyCaused: z.boolean().nullable(),
  regulatorReportedAt: z.string().nullable(),
  restoredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
  /** G-5.12.9: aftermath steps still missing before closing. */
  missingAftermath: z.array(z.string()),
  createdAt: z.string(),
});
export const ZIncidentList = z.object({ items: z.array(ZIncident) });
export const ZIncidentDetail = ZIncident.extend({
  events: z.array(
    z.object({
      id: z.number(),
      type: z.string(),
      data: z.record(z.string(), z.unknown()),
      at: z.string(),
      actorName: z.string(),
    }),
  ),
});
