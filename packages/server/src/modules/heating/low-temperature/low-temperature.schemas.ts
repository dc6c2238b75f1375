import { z } from 'zod';
import { ZBilingual } from '../../../core/schemas.ts';

export const ZCaseQuery = z.strictObject({ status: z.enum(['measured', 'disputed', 'decided']).optional() });

/** H-7.2.3.1: the customer disputes the company's measurement; a third party both accept measures again. */
export const ZDispute = z.strictObject({
  version: z.number().int().min(1),
  institution: z.string().trim().min(1).max(100),
  result: z.enum(['passed', 'failed']),
  /** The third party's lowest bedroom / living-room reading, tenths of a degree. */
  tenths: z.number().int().min(-300).max(450),
  testedOn: z.iso.date(),
  testFeeFen: z.number().int().min(0).max(10_000_000),
});
export type TDispute = z.infer<typeof ZDispute>;

export const ZCause = z.enum(['company_facility', 'customer_facility', 'unretrofitted_public_facility']);

/** H-7.2.3.3–H-7.2.3.6: the cause of a failure decides repair, test fee and reduction. */
export const ZDecide = z.strictObject({
  version: z.number().int().min(1),
  cause: ZCause.optional(),
  /** Company facility: the first day below standard and the day the room was restored (H-5.5 reduction). */
  belowFrom: z.iso.date().optional(),
  restoredOn: z.iso.date().optional(),
});
export type TDecide = z.infer<typeof ZDecide>;

export const ZRuleInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  fenPerDayPerDegree: z.number().int().min(0).max(100_000),
  effectiveFrom: z.iso.date(),
  effectiveTo: z.iso.date().nullable().optional(),
  basis: z.string().trim().max(300).default(''),
});
export type TRuleInput = z.infer<typeof ZRuleInput>;

// Answers (H-7.2.3, H-5.5).

const ZOutcome = z.enum(['pass', 'fail', 'analysis_only']);
const ZTestResult = z.enum(['passed', 'failed']);

/** A low-temperature case with its complaint order's clocks, the customer and the measurement it rests on. */
export const ZLowTemperatureCase = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  workOrderId: z.string(),
  customerId: z.string(),
  premisesId: z.string(),
  measurementId: z.string(),
  orderNo: z.string(),
  itemCode: z.string(),
  /** The complaint order's state and clocks (H-7.4.3, H-7.4.4): its next deadline and whether one was missed. */
  orderState: z.string(),
  nextDueAt: z.string().nullable(),
  breached: z.boolean(),
  customerName: z.string(),
  accountNo: z.string(),
  address: z.string(),
  measuredAt: z.string(),
  minDecisiveTenths: z.number().nullable(),
  requiredTenths: z.number().nullable(),
  measurementOutcome: ZOutcome,
  status: z.enum(['measured', 'disputed', 'decided']),
  companyResult: ZOutcome,
  disputedByCustomer: z.boolean(),
  thirdPartyInstitution: z.string().nullable(),
  thirdPartyResult: ZTestResult.nullable(),
  thirdPartyTenths: z.number().nullable(),
  thirdPartyTestedOn: z.string().nullable(),
  testFeeFen: z.number().nullable(),
  finalResult: ZTestResult.nullable(),
  cause: ZCause.nullable(),
  testPaidBy: z.enum(['company', 'customer', 'unspecified']).nullable(),
  repairBy: z.string().nullable(),
  feeReduced: z.boolean().nullable(),
  outcomeReason: ZBilingual.nullable(),
  belowFrom: z.string().nullable(),
  restoredOn: z.string().nullable(),
  daysBelow: z.number().nullable(),
  tenthsBelow: z.number().nullable(),
  ruleId: z.string().nullable(),
  reductionFen: z.number().nullable(),
  ledgerEntryId: z.number().nullable(),
  version: z.number(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A local fee-reduction rule (H-5.5). */
export const ZLowTemperatureRule = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  name: z.string(),
  fenPerDayPerDegree: z.number(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  basis: z.string(),
  demo: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
