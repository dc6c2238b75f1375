import { z } from 'zod';
import { ZBilingual, ZInstant } from '../../../core/schemas.ts';

export const ZDisputeInput = z.strictObject({
  customerId: z.uuid(),
  meterId: z.uuid().nullable().optional(),
  seasonId: z.uuid(),
  disputedBy: z.enum(['company', 'customer']),
  raisedOn: z.iso.date().optional(),
  disputeFrom: z.iso.date(),
  disputeTo: z.iso.date(),
  description: z.string().trim().max(500).default(''),
});
export type TDisputeInput = z.infer<typeof ZDisputeInput>;

export const ZDisputeResolve = z.strictObject({
  version: z.number().int().min(1),
  result: z.enum(['passed', 'failed']),
  testedOn: z.iso.date(),
  testAgency: z.string().trim().min(1).max(100),
  testFeeFen: z.number().int().min(0).max(10_000_000),
});
export type TDisputeResolve = z.infer<typeof ZDisputeResolve>;

export const ZDisputeQuery = z.strictObject({ enterpriseId: z.uuid().optional() });

/** A heat-meter dispute as stored (H-7.2.4): the test, who pays it and the area billing of the disputed days. */
export const ZHeatMeterDispute = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  customerId: z.string(),
  meterId: z.string().nullable(),
  seasonId: z.string(),
  disputedBy: z.enum(['company', 'customer']),
  raisedOn: z.string(),
  disputeFrom: z.string(),
  disputeTo: z.string(),
  description: z.string(),
  status: z.enum(['open', 'resolved']),
  testResult: z.enum(['passed', 'failed']).nullable(),
  testedOn: z.string().nullable(),
  testAgency: z.string(),
  testFeeFen: z.number().nullable(),
  testPaidBy: z.enum(['company', 'customer']).nullable(),
  billing: z.enum(['meter', 'area']).nullable(),
  disputedDays: z.number().nullable(),
  areaSeasonFeeFen: z.number().nullable(),
  disputedDaysFeeFen: z.number().nullable(),
  correctionBillId: z.string().nullable(),
  version: z.number(),
  createdBy: z.string().nullable(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});

/** A row of the list: the dispute with whose it is. */
export const ZHeatMeterDisputeRow = ZHeatMeterDispute.extend({
  customerName: z.string(),
  accountNo: z.string(),
  meterSerial: z.string().nullable(),
});

/** The resolved dispute with why the test fee and the billing fell as they did. */
export const ZHeatMeterDisputeResolved = ZHeatMeterDispute.extend({ reason: ZBilingual });
