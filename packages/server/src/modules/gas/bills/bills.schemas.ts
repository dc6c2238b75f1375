import { z } from 'zod';

export { ZIdParams } from '../../../core/schemas.ts';

const ZPeriod = z.string().regex(/^\d{4}-\d{2}$/);

export const ZBillQuery = z.strictObject({
  customerId: z.uuid().optional(),
  period: ZPeriod.optional(),
  runId: z.uuid().optional(),
  kind: z.enum(['regular', 'correction', 'season']).optional(),
  enterpriseId: z.uuid().optional(),
  q: z.string().trim().min(1).max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type TBillQuery = z.infer<typeof ZBillQuery>;

/** Bill one account for one month now (the engine of the billing run, for a single account). */
export const ZBillIssue = z.strictObject({ customerId: z.uuid(), period: ZPeriod });

/** A correction document (never an edit): the register the period should have ended at, and why. */
export const ZCorrectionInput = z.strictObject({
  reason: z.string().trim().min(2).max(500),
  endRegister: z.number().int().min(0).max(10_000_000_000),
});

const ZLine = z.record(z.string(), z.unknown());

export const ZBill = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  customerId: z.string(),
  accountNo: z.string(),
  customerName: z.string(),
  sector: z.string(),
  period: z.string(),
  billNo: z.string(),
  // Documented as the enum it is (openapi.json); the column is text, so the runtime check stays a string.
  kind: z.string().meta({ enum: ['regular', 'correction', 'season'] }),
  correctsBillId: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  startRegister: z.number().nullable(),
  endRegister: z.number().nullable(),
  volume: z.number(),
  estimated: z.boolean(),
  amountFen: z.number(),
  runId: z.string().nullable(),
  note: z.string(),
  issuedOn: z.string(),
  createdAt: z.string(),
});
export type TBill = z.infer<typeof ZBill>;

export const ZBillList = z.object({ items: z.array(ZBill), total: z.number() });

export const ZNotice = z.object({
  id: z.string(),
  billId: z.string(),
  noticeNo: z.string(),
  issuedOn: z.string(),
  dueDate: z.string(),
  fields: z.record(z.string(), z.unknown()),
});

/** A case the regulator names to see the household behind a bill (audited). */
export const ZRevealInput = z.strictObject({ reason: z.string().trim().min(4).max(200) });
export const ZBillIdentity = z.object({
  customerName: z.string(),
  accountName: z.string(),
  address: z.string(),
});

export const ZBillDetail = ZBill.extend({
  /** True for the regulator: the name and address are masked; POST /bills/:id/reveal shows them, audited. */
  identityMasked: z.boolean(),
  lines: z.array(ZLine),
  notice: ZNotice.nullable(),
  corrections: z.array(ZBill.extend({ lines: z.array(ZLine) })),
  corrects: ZBill.nullable(),
  /** What the customer owes for the period after every correction. */
  netAmountFen: z.number(),
});
