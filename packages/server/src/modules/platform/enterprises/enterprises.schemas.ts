import { z } from 'zod';

export const ENTERPRISE_KINDS = [
  'pipeline_gas',
  'bottled_gas',
  'vehicle_gas',
  'appliance',
  'heating',
  'heating_reseller',
  'regulator',
] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

export const ZEnterpriseKind = z.enum(ENTERPRISE_KINDS);

/** A service hall or counter with its hours (G-4.2.3, H-7.1.1: venues and hours are published). */
export const ZServicePoint = z.strictObject({
  name: z.string().trim().min(1).max(100),
  address: z.string().trim().min(1).max(200),
  hours: z.string().trim().min(1).max(100),
  /** Customers can pay here (G-6.2.7 "where to pay"); a repair duty room is a service point that takes no money. */
  takesPayments: z.boolean().default(true),
});

// Credit code and phones are checked by the service (422 with a message naming the problem), not here.
const fields = {
  name: z.string().trim().min(2).max(100),
  kind: ZEnterpriseKind,
  creditCode: z.string().trim().min(1).max(40),
  hotline: z.string().trim().min(1).max(30),
  supervisionPhone: z.string().trim().min(1).max(30),
  address: z.string().trim().max(200),
  /** The district (区县) it serves from, as the premises name districts: the cockpit filters by it. */
  district: z.string().trim().max(40),
  servicePoints: z.array(ZServicePoint).max(50),
};

export const ZEnterpriseInput = z.strictObject({
  ...fields,
  address: fields.address.default(''),
  district: fields.district.default(''),
  servicePoints: fields.servicePoints.default([]),
});
export type TEnterpriseInput = z.infer<typeof ZEnterpriseInput>;

/** Any subset of the fields; `version` (from a previous read) makes the write fail with 409 if someone wrote since. */
export const ZEnterprisePatch = z.strictObject({
  name: fields.name.optional(),
  kind: fields.kind.optional(),
  creditCode: fields.creditCode.optional(),
  hotline: fields.hotline.optional(),
  supervisionPhone: fields.supervisionPhone.optional(),
  address: fields.address.optional(),
  district: fields.district.optional(),
  servicePoints: fields.servicePoints.optional(),
  version: z.number().int().min(1).optional(),
});
export type TEnterprisePatch = z.infer<typeof ZEnterprisePatch>;

export { ZIdParams } from '../../../core/schemas.ts';

export const ZEnterprise = z.object({
  id: z.string(),
  name: z.string(),
  kind: ZEnterpriseKind,
  creditCode: z.string(),
  hotline: z.string(),
  supervisionPhone: z.string(),
  address: z.string(),
  district: z.string(),
  servicePoints: z.array(
    z.object({
      name: z.string(),
      address: z.string(),
      hours: z.string(),
      takesPayments: z.boolean().optional(),
    }),
  ),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TEnterprise = z.infer<typeof ZEnterprise>;
