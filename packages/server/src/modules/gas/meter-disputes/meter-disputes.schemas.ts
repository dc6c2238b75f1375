import { z } from 'zod';

export const ZDisputeCreate = z.strictObject({
  customerId: z.uuid(),
  meterId: z.uuid(),
  requestedOn: z.iso.date(),
  /** Who asked for the test: decides who pays it when the meter is in tolerance (G-6.2.11 a). */
  requestedBy: z.enum(['customer', 'company']),
  complaint: z.string().trim().max(1000).default(''),
  /** The statutory verification body (法定检定机构). */
  testInstitution: z.string().trim().min(2).max(200),
  testFeeFen: z.number().int().min(0).max(10_000_000),
});
export type TDisputeCreate = z.infer<typeof ZDisputeCreate>;

export const ZDisputeResult = z.strictObject({
  version: z.number().int().min(1),
  testedOn: z.iso.date(),
  /** The day the meter was removed for the test; default: the meter's removal date. */
  removedOn: z.iso.date().optional(),
  /** Error found, percent, at most two decimals; > 0 the meter ran fast. */
  errorPercent: z.number().min(-99).max(1000),
  /** Maximum permissible error of the meter's class, percent, from the test report. */
  tolerancePercent: z.number().positive().max(50),
  /** Price to value the error at; default: the average price actually billed over the window. */
  priceFenPerM3: z.number().int().min(1).max(100_000).optional(),
});
export type TDisputeResult = z.infer<typeof ZDisputeResult>;

export const ZDisputeListQuery = z.strictObject({
  status: z.enum(['requested', 'resolved']).optional(),
  customerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  enterpriseId: z.uuid().optional(),
});
export type TDisputeListQuery = z.infer<typeof ZDisputeListQuery>;

export const ZDispute = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  disputeNo: z.string(),
  customerId: z.string(),
  accountNo: z.string(),
  customerName: z.string(),
  meterId: z.string(),
  meterSerialNo: z.string(),
  sector: z.string(),
  requestedOn: z.string(),
  requestedBy: z.string(),
  complaint: z.string(),
  testInstitution: z.string(),
  testFeeFen: z.number(),
  installedOn: z.string().nullable(),
  removedOn: z.string().nullable(),
  testedOn: z.string().nullable(),
  errorPercent: z.number().nullable(),
  tolerancePercent: z.number().nullable(),
  result: z.string().nullable(),
  testPaidBy: z.string().nullable(),
  windowFrom: z.string().nullable(),
  windowTo: z.string().nullable(),
  meteredLitres: z.number().nullable(),
  compensationLitres: z.number().nullable(),
  priceFenPerM3: z.number().nullable(),
  compensationFen: z.number().nullable(),
  explanation: z.object({ zh: z.string(), en: z.string() }),
  adjustmentEntryId: z.number().nullable(),
  feeEntryId: z.number().nullable(),
  status: z.string(),
  version: z.number(),
  createdAt: z.string(),
});
export type TDispute = z.infer<typeof ZDispute>;

export const ZDisputeList = z.object({ items: z.array(ZDispute), total: z.number() });
