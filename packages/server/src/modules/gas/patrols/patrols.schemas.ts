import { HAZARD_GRADES, PATROL_ITEM_CODES } from '@ranre/domain';
import { z } from 'zod';

// G-5.11.10: a patrol of the network as the phone sends it, and its findings (each becomes a hazard).

const dataUrl = z.string().max(700_000).startsWith('data:image/');
const instant = z.iso.datetime({ offset: true });

export const ZPatrolFinding = z.strictObject({
  item: z.enum(PATROL_ITEM_CODES as [string, ...string[]]),
  grade: z.enum(HAZARD_GRADES),
  responsible: z.enum(['customer', 'company']).default('company'),
  /** Where on the network: the street, the valve pit number, the landmark. */
  location: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(500),
  photos: z.array(dataUrl).max(3).default([]),
});

export const ZPatrolInput = z.strictObject({
  /** Made by the phone when the patrol is taken, so a queue sending it again records it once. */
  id: z.uuid(),
  route: z.string().trim().min(1).max(100),
  /** The community or area walked (the ledger's community filter finds its hazards by it). */
  area: z.string().trim().min(1).max(100),
  startedAt: instant,
  endedAt: instant,
  /** Another patroller of the enterprise; the caller when left out. */
  patrollerId: z.uuid().optional(),
  note: z.string().max(1000).default(''),
  findings: z.array(ZPatrolFinding).max(20).default([]),
});
export type TPatrolInput = z.infer<typeof ZPatrolInput>;

export const ZPatrolQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  area: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TPatrolQuery = z.infer<typeof ZPatrolQuery>;

export const ZPatrol = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  route: z.string(),
  area: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  patrollerName: z.string(),
  note: z.string(),
  findings: z.number(),
  majors: z.number(),
  open: z.number(),
});
export const ZPatrols = z.object({ items: z.array(ZPatrol) });
export const ZPatrolItems = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      label: z.object({ zh: z.string(), en: z.string() }),
      defaultGrade: z.enum(HAZARD_GRADES),
    }),
  ),
});
