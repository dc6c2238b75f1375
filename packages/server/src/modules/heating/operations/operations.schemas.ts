import { z } from 'zod';

// Heating operations (issue 20): patrols and findings (H-6.3.1), the maintenance plan (H-6.3.2), maintenance
// commitments of newly connected communities (H-6.1.7).

const ZText = (max: number) => z.string().trim().min(1).max(max);

export const ZFindingInput = z.strictObject({
  text: ZText(500),
  severity: z.enum(['minor', 'major']),
  dueOn: z.iso.date(),
});
export const ZCheckInput = z.strictObject({
  kind: z.enum(['patrol', 'inspection']),
  facility: ZText(200),
  checkedOn: z.iso.date(),
  checkedBy: ZText(100),
  note: z.string().trim().max(1000).default(''),
  findings: z.array(ZFindingInput).max(50).default([]),
});
export type TCheckInput = z.infer<typeof ZCheckInput>;

export const ZFinding = z.object({
  id: z.string(),
  text: z.string(),
  severity: z.string(),
  dueOn: z.string(),
  closedOn: z.string().nullable(),
  closure: z.string().nullable(),
  /** H-6.3.1: closed, open, or open past its due day. */
  status: z.enum(['closed', 'open', 'overdue']),
});
export const ZCheck = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  kind: z.string(),
  facility: z.string(),
  checkedOn: z.string(),
  checkedBy: z.string(),
  note: z.string(),
  findings: z.array(ZFinding),
  createdAt: z.string(),
});
export const ZCheckList = z.object({ items: z.array(ZCheck) });
export const ZCloseFinding = z.strictObject({ closedOn: z.iso.date(), closure: ZText(1000) });

export const ZPlanInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  items: z
    .array(z.strictObject({ facility: ZText(200), work: ZText(500) }))
    .min(1)
    .max(200),
});
export const ZPlan = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  year: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  items: z.array(z.object({ facility: z.string(), work: z.string() })),
  reportedTo: z.string().nullable(),
  reportedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const ZPlanList = z.object({ items: z.array(ZPlan) });
export const ZReportPlan = z.strictObject({ reportedTo: ZText(100) });

export const ZCommitmentInput = z.strictObject({
  community: ZText(100),
  connectedOn: z.iso.date(),
  party: z.enum(['developer', 'property_company']),
  partyName: ZText(100),
  partyPhone: ZText(30),
  /** The last day of the developer's maintenance period (a developer's commitment needs one). */
  endsOn: z.iso.date().optional(),
  terms: ZText(2000),
});
export type TCommitmentInput = z.infer<typeof ZCommitmentInput>;
export const ZCommitment = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  community: z.string(),
  connectedOn: z.string(),
  party: z.enum(['developer', 'property_company']),
  partyName: z.string(),
  partyPhone: z.string(),
  endsOn: z.string().nullable(),
  terms: z.string(),
  /** H-9.6.3: the developer maintains the community's facilities today. */
  developerMaintainsToday: z.boolean(),
  /** Superseded by a later row for the same community. */
  superseded: z.boolean(),
  createdAt: z.string(),
});
export const ZCommitmentList = z.object({ items: z.array(ZCommitment) });
/** What the public enterprise page shows of a commitment (H-6.1.7: shown to residents). */
export const ZPublicCommitment = z.object({
  community: z.string(),
  party: z.enum(['developer', 'property_company']),
  partyName: z.string(),
  partyPhone: z.string(),
  endsOn: z.string().nullable(),
  terms: z.string(),
});

export const ZOpsQuery = z.strictObject({ enterpriseId: z.uuid().optional() });
export const ZIdParams = z.strictObject({ id: z.uuid() });
