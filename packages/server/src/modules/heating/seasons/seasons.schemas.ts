import { z } from 'zod';
import { ZInstant } from '../../../core/schemas.ts';

// Heating seasons (H-5.2), prices (H-7.2.1) and the enterprise's heating rules (H-7.2.2). Shapes here (400);
// the rules that need dates or other rows are the service's (422 naming the field).

const date = z.iso.date();

export const ZSeasonInput = z.strictObject({
  area: z.string().trim().min(1).max(40),
  districts: z.array(z.string().trim().min(1).max(30)).max(30).default([]),
  startsOn: date,
  endsOn: date,
  /** Default: the days from start to end (H-7.2.4.4). */
  legalHeatingDays: z.number().int().min(1).max(366).optional(),
  /** Default: the start day. */
  paymentDueOn: date.optional(),
  basis: z.string().trim().max(200).default(''),
});
export type TSeasonInput = z.infer<typeof ZSeasonInput>;

export const ZSeasonPatch = z.strictObject({
  version: z.number().int().min(1),
  actualStartOn: date.nullable().optional(),
  actualEndOn: date.nullable().optional(),
  paymentDueOn: date.optional(),
  basis: z.string().trim().max(200).optional(),
});
export type TSeasonPatch = z.infer<typeof ZSeasonPatch>;

export const ZHeatingPrice = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('area'), fenPerM2PerSeason: z.number().int().min(0).max(1_000_000) }),
  z.strictObject({
    method: z.literal('two_part'),
    baseFenPerM2: z.number().int().min(0).max(1_000_000),
    fenPerKwh: z.number().int().min(0).max(100_000),
  }),
]);

export type THeatingPrice = z.infer<typeof ZHeatingPrice>;

/** The stored price as it is sent (the input's shape, not strict). */
export const ZHeatingPriceOut = z
  .discriminatedUnion('method', [
    z.object({ method: z.literal('area'), fenPerM2PerSeason: z.number() }),
    z.object({ method: z.literal('two_part'), baseFenPerM2: z.number(), fenPerKwh: z.number() }),
  ])
  .meta({ type: 'object' });

export const HEATING_CUSTOMER_CLASSES = ['heating_resident', 'heating_non_resident'] as const;

export const ZPriceInput = z.strictObject({
  customerClass: z.enum(HEATING_CUSTOMER_CLASSES),
  effectiveFrom: date,
  label: z.string().trim().max(80).default(''),
  heating: ZHeatingPrice,
  basis: z.string().trim().max(200).default(''),
  announcedOn: date.nullable().optional(),
  demo: z.boolean().default(false),
});
export type TPriceInput = z.infer<typeof ZPriceInput>;

const bps = z.number().int().min(0).max(10_000);
const days = z.number().int().min(0).max(366);
export const ZHeatingRules = z.strictObject({
  earlyPayment: z.strictObject({
    enabled: z.boolean(),
    payByDaysBeforeDue: days,
    rewardBps: bps,
    capFen: z.number().int().min(0).nullable(),
  }),
  suspendedFee: z.strictObject({ bpsOfAreaFee: bps, acceptedBeforeDaysOfStart: days }),
  reminders: z.strictObject({
    daysAfterDue: z.array(days).max(20),
    repeatEveryDays: z.number().int().min(1).max(366).nullable(),
    maxReminders: z.number().int().min(0).max(50),
  }),
  stopHeating: z.strictObject({
    contractAllows: z.boolean(),
    minOverdueDays: days,
    minReminders: z.number().int().min(0).max(50),
  }),
});

export const ZRulesInput = z.strictObject({
  effectiveFrom: date,
  rules: ZHeatingRules,
  note: z.string().trim().max(200).default(''),
});
export type TRulesInput = z.infer<typeof ZRulesInput>;

export const ZScopeQuery = z.strictObject({ enterpriseId: z.uuid().optional() });

// Answers (H-5.2, H-7.2.1, H-7.2.2): the stored rows as they are sent.

export const ZSeason = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  area: z.string(),
  districts: z.array(z.string()),
  period: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  legalHeatingDays: z.number(),
  paymentDueOn: z.string(),
  actualStartOn: z.string().nullable(),
  actualEndOn: z.string().nullable(),
  /** H-5.2.2: a late start or an early end, with the days it cost. */
  flags: z.array(z.object({ code: z.enum(['late_start', 'early_end']), days: z.number(), on: z.string() })),
  basis: z.string(),
  version: z.number(),
  createdBy: z.string().nullable(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});

export const ZHeatingPriceRow = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  sector: z.string(),
  customerClass: z.string(),
  effectiveFrom: z.string(),
  label: z.string(),
  demo: z.boolean(),
  tiers: z.array(z.object({ upTo: z.number().nullable(), price: z.number() })),
  tierYearStartMonth: z.number(),
  heating: ZHeatingPriceOut.nullable(),
  basis: z.string(),
  announcedOn: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: ZInstant,
});

export const ZHeatingRulesOut = z.object({
  earlyPayment: z.object({
    enabled: z.boolean(),
    payByDaysBeforeDue: z.number(),
    rewardBps: z.number(),
    capFen: z.number().nullable(),
  }),
  suspendedFee: z.object({ bpsOfAreaFee: z.number(), acceptedBeforeDaysOfStart: z.number() }),
  reminders: z.object({
    daysAfterDue: z.array(z.number()),
    repeatEveryDays: z.number().nullable(),
    maxReminders: z.number(),
  }),
  stopHeating: z.object({
    contractAllows: z.boolean(),
    minOverdueDays: z.number(),
    minReminders: z.number(),
  }),
});

export const ZHeatingRulesRow = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  effectiveFrom: z.string(),
  rules: ZHeatingRulesOut,
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: ZInstant,
});

/** GET /heating/seasons: everything the set-up page shows at once. */
export const ZHeatingSetUp = z.object({
  seasons: z.array(ZSeason),
  prices: z.array(ZHeatingPriceRow),
  rules: z.array(ZHeatingRulesRow),
  demoRules: ZHeatingRulesOut,
});
