import { z } from 'zod';
import { ZBilingual, ZInstant } from '../../../core/schemas.ts';
import { ZHeatingRulesOut, ZSeason } from '../seasons/seasons.schemas.ts';

export const ZSeasonParams = z.strictObject({ seasonId: z.uuid() });
export const ZQueueQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  open: z.enum(['true', 'false']).optional(),
});
export const ZRemindInput = z.strictObject({});

// Answers (H-7.2.1, H-7.2.2, H-7.1.7, H-7.1.8).

export const ZHeatingBill = z.object({
  id: z.string(),
  billNo: z.string(),
  kind: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  accountNo: z.string(),
  customerClass: z.string(),
  period: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  amountFen: z.number(),
  /** The priced lines: area, base, metered and suspended parts. */
  lines: z.array(z.record(z.string(), z.unknown())),
  note: z.string(),
  paidFen: z.number(),
  paidOn: z.string().nullable(),
  rewardFen: z.number(),
  outstandingFen: z.number(),
  status: z.enum(['paid', 'partly_paid', 'unpaid', 'overdue']),
  remindersSent: z.number(),
  /** H-7.2.2: whether heat may be stopped for non-payment, and why. */
  stopHeating: z.object({ allowed: z.boolean(), reason: ZBilingual }),
});

/** What a season billing run counted. */
export const ZHeatingRunSummary = z.object({
  skipped: z.record(z.string(), z.number()).optional(),
  byMethod: z.record(z.string(), z.number()).optional(),
  amountFen: z.number().optional(),
  sample: z.array(z.record(z.string(), z.unknown())).optional(),
  seasonId: z.string().optional(),
});
export type THeatingRunSummary = z.infer<typeof ZHeatingRunSummary>;

export const ZHeatingRun = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  sector: z.string(),
  period: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.string(),
  total: z.number(),
  processed: z.number(),
  billed: z.number(),
  estimated: z.number(),
  skipped: z.number(),
  summary: ZHeatingRunSummary,
  error: z.string().nullable(),
  startedBy: z.string().nullable(),
  startedAt: ZInstant.nullable(),
  finishedAt: ZInstant.nullable(),
  createdAt: ZInstant,
});

export const ZHeatingBillList = z.object({
  season: ZSeason,
  rules: ZHeatingRulesOut,
  bills: z.array(ZHeatingBill),
  runs: z.array(ZHeatingRun),
  totals: z.object({
    count: z.number(),
    amountFen: z.number(),
    paidFen: z.number(),
    rewardFen: z.number(),
    outstandingFen: z.number(),
    overdue: z.number(),
    paid: z.number(),
  }),
});

const METERED_SKIPS = [
  'no_price',
  'already_settled',
  'in_season_bill',
  'area_billed_by_dispute',
  'no_reading',
  'no_start_reading',
  'no_end_reading',
  'register_decreased',
] as const;

/** The metered settlement of two-part accounts (H-7.2.1). */
export const ZMeteredSummary = z.object({
  seasonId: z.string(),
  period: z.string(),
  billed: z.number(),
  amountFen: z.number(),
  skipped: z.partialRecord(z.enum(METERED_SKIPS), z.number()),
  sample: z.array(
    z.object({ accountNo: z.string(), reason: z.enum(METERED_SKIPS), meterId: z.string().optional() }),
  ),
});

export const ZRewarded = z.object({ rewarded: z.number() });
export const ZRemindersSent = z.object({ seasons: z.number(), queued: z.number() });

/** A suspension or resumption order in the queue, with its clocks and the suspended fee (H-7.1.7, H-7.1.8). */
export const ZQueueRow = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  orderNo: z.string(),
  itemCode: z.enum(['heating_suspension', 'heating_resumption']),
  channel: z.string(),
  state: z.string(),
  receivedAt: ZInstant,
  breached: z.boolean(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  accountNo: z.string().nullable(),
  address: z.string(),
  clocks: z.array(
    z.object({
      name: z.string(),
      clause: z.string(),
      state: z.string(),
      dueAt: ZInstant.nullable(),
      stoppedAt: ZInstant.nullable(),
      breachedAt: ZInstant.nullable(),
    }),
  ),
  season: z.object({ id: z.string(), period: z.string(), area: z.string(), startsOn: z.string() }).nullable(),
  suspendedFeeApplies: z.boolean().nullable(),
  suspendedFeeBps: z.number().nullable(),
});
