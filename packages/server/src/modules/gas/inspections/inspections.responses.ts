import { z } from 'zod';

// The answers of the inspection routes, so the web's types come from the contract (instants as ISO strings).

const instant = z.string();
const counts = {
  planned: z.number(),
  done: z.number(),
  outstanding: z.number(),
  overdue: z.number(),
  due: z.number(),
};
const msg = z.object({ zh: z.string(), en: z.string() });

export const ZMinimums = z.object({
  items: z.array(z.object({ kind: z.string(), visitsPerYear: z.number(), clause: z.string() })),
});
export const ZInspectors = z.object({
  items: z.array(z.object({ id: z.string(), displayName: z.string() })),
});

export const ZPlan = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  year: z.number(),
  visitsPerKind: z.record(z.string(), z.number()),
  inspectorIds: z.array(z.string()),
  plannedCount: z.number(),
  customerCount: z.number(),
  createdAt: instant,
});
export const ZPlanMade = ZPlan.extend({ routes: z.number() });
export const ZPlans = z.object({ year: z.number(), items: z.array(ZPlan) });

export const ZProgress = z.object({
  year: z.number(),
  today: z.string(),
  by: z.enum(['community', 'inspector', 'enterprise']),
  total: z.object(counts),
  items: z.array(z.object({ key: z.string(), ...counts, refused: z.number(), notReached: z.number() })),
});

const visitState = z.enum([
  'planned',
  'inspected',
  'refused',
  'retry_needed',
  'community_follow_up_due',
  'community_followed_up',
]);
const outcome = z.enum(['inspected', 'refused_entry', 'refused_to_sign', 'refused_notice', 'nobody_home']);
const grade = z.enum(['general', 'serious', 'major']);

export const ZVisit = z.object({
  id: z.string(),
  customerId: z.string(),
  kind: z.string(),
  seq: z.number(),
  windowFrom: z.string(),
  windowTo: z.string(),
  community: z.string(),
  building: z.string(),
  inspectorId: z.string().nullable(),
  state: visitState,
  attempts: z.number(),
  lastOutcome: outcome.nullable(),
  lastAttemptAt: instant.nullable(),
  inspectedAt: instant.nullable(),
  followUp: z.object({ committee: z.string(), at: z.string(), agreed: z.string() }).nullable(),
  /** G-5.11.2: the day announced, and a time agreed at the household's request. */
  announcedOn: z.string().nullable(),
  agreedAt: instant.nullable(),
  /** The time the household proposed from its phone (issue 16), if it did. */
  residentProposedAt: instant.nullable(),
  customerName: z.string(),
  accountNo: z.string(),
  phone: z.string().nullable(),
  address: z.string(),
});
export const ZVisits = z.object({ total: z.number(), items: z.array(ZVisit) });

export const ZMyRoute = z.object({
  today: z.string(),
  nextRestDay: z.string(),
  items: z.array(
    ZVisit.extend({
      overdue: z.boolean(),
      advice: z
        .object({
          explanation: msg,
          missing: z.object({ otherTimeOfDay: z.boolean(), restDay: z.boolean() }).nullable(),
        })
        .nullable(),
      history: z.array(z.object({ outcome, at: instant, note: z.string() })),
      openHazards: z.array(
        z.object({ id: z.string(), item: z.string(), grade, description: z.string(), dueAt: instant }),
      ),
    }),
  ),
});

export const ZRecordResult = z.object({
  id: z.string(),
  duplicate: z.boolean(),
  visitState: visitState.nullable(),
  hazardIds: z.array(z.string()),
});
export const ZFollowUpResult = z.object({ id: z.string(), state: z.literal('community_followed_up') });
