import { z } from 'zod';

/** Gas meters (G-6.2.2): certified, verified and replaced on schedule; prepaid ones alarm or allow a limited overdraft. */
const date = z.iso.date();
const litres = z.number().int().min(0).max(99_999_999);
const fen = z.number().int().min(0).max(100_000_00);

export const ZMeterCreate = z.strictObject({
  serialNo: z.string().trim().min(3).max(40),
  model: z.string().trim().max(60).default(''),
  manufacturer: z.string().trim().max(60).default(''),
  verifiedOn: date.nullable().default(null),
  nextVerificationDue: date.nullable().default(null),
  replaceBy: date.nullable().default(null),
  remoteReading: z.boolean().default(false),
  prepaid: z.boolean().default(false),
  lowBalanceAlarmFen: fen.nullable().default(null),
  overdraftLimitFen: fen.nullable().default(null),
  /** Installed at once for this customer (an 'install' event) or kept in stock. */
  install: z
    .strictObject({
      customerId: z.uuid(),
      premisesId: z.uuid().optional(),
      on: date,
      reading: litres.default(0),
    })
    .optional(),
});
export type TMeterCreate = z.infer<typeof ZMeterCreate>;

export const ZMeterPatch = z.strictObject({
  model: z.string().trim().max(60).optional(),
  manufacturer: z.string().trim().max(60).optional(),
  nextVerificationDue: date.nullable().optional(),
  replaceBy: date.nullable().optional(),
  remoteReading: z.boolean().optional(),
  prepaid: z.boolean().optional(),
  lowBalanceAlarmFen: fen.nullable().optional(),
  overdraftLimitFen: fen.nullable().optional(),
  version: z.number().int().min(1),
});
export type TMeterPatch = z.infer<typeof ZMeterPatch>;

const note = z.string().trim().max(300).default('');
export const ZMeterEvent = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('install'),
    on: date,
    customerId: z.uuid(),
    premisesId: z.uuid().optional(),
    reading: litres,
    note,
  }),
  /** The old meter's final register and the new meter (an in-stock serial or a new one) with its opening register. */
  z.strictObject({
    kind: z.literal('exchange'),
    on: date,
    finalReading: litres,
    newSerialNo: z.string().trim().min(3).max(40),
    newModel: z.string().trim().max(60).default(''),
    newReading: litres.default(0),
    reason: z.string().trim().min(2).max(300),
    note,
  }),
  /** G-6.2.10: removal of a gas facility, with the final register. */
  z.strictObject({
    kind: z.literal('remove'),
    on: date,
    finalReading: litres,
    reason: z.string().trim().min(2).max(300),
    note,
  }),
  /** G-6.2.2: off-line verification — a spare meter meanwhile, or a method agreed with the customer. */
  z.strictObject({
    kind: z.literal('send_to_verification'),
    on: date,
    reading: litres,
    spareSerialNo: z.string().trim().min(3).max(40).optional(),
    spareReading: litres.default(0),
    agreedMethod: z.string().trim().min(2).max(300).optional(),
    note,
  }),
  /** G-5.11.3: the meter's valve unlocked so gas flows — only after an inspection passed (the supply gate). */
  z.strictObject({ kind: z.literal('unlock'), on: date, note }),
  z.strictObject({
    kind: z.literal('return_from_verification'),
    on: date,
    passed: z.boolean(),
    verifiedOn: date,
    nextVerificationDue: date,
    /** The spare meter's final register, when one was installed. */
    spareFinalReading: litres.optional(),
    note,
  }),
]);
export type TMeterEvent = z.infer<typeof ZMeterEvent>;

export const ZMeterQuery = z.strictObject({
  q: z.string().trim().max(60).optional(),
  customerId: z.uuid().optional(),
  status: z.enum(['in_service', 'in_verification', 'removed', 'in_stock']).optional(),
  /** Verification or replacement due within this many days of today (overdue included). */
  dueWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  prepaid: z.enum(['true', 'false']).optional(),
  enterpriseId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TMeterQuery = z.infer<typeof ZMeterQuery>;

export const ZMeter = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  accountNo: z.string().nullable(),
  address: z.string().nullable(),
  serialNo: z.string(),
  model: z.string(),
  manufacturer: z.string(),
  status: z.string(),
  installedOn: z.string().nullable(),
  removedOn: z.string().nullable(),
  initialReading: z.number(),
  verifiedOn: z.string().nullable(),
  nextVerificationDue: z.string().nullable(),
  replaceBy: z.string().nullable(),
  /** Days to the earlier of verification and replacement; negative when overdue. */
  dueInDays: z.number().nullable(),
  remoteReading: z.boolean(),
  prepaid: z.boolean(),
  lowBalanceAlarmFen: z.number().nullable(),
  overdraftLimitFen: z.number().nullable(),
  prepaidBalanceFen: z.number(),
  version: z.number(),
});
export type TMeter = z.infer<typeof ZMeter>;

export const ZMeterEventView = z.object({
  id: z.number(),
  kind: z.string(),
  on: z.string(),
  reading: z.number().nullable(),
  payload: z.record(z.string(), z.unknown()),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export const ZMeterDetail = z.object({ meter: ZMeter, events: z.array(ZMeterEventView) });
export const ZMeterList = z.object({ items: z.array(ZMeter) });
