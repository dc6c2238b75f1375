import { CUSTOMER_KIND_CODES, type CustomerKind } from '@ranre/domain';
import { z } from 'zod';
import { ZContractTermsInput } from './contract-terms.ts';

/**
 * Customer archive (G-5.8.2, H-7.5.3). Shapes are typed here (400 when wrong); the rules that need the enterprise,
 * the sector or a check digit — kind allowed, ID number, phones, account number, contract contents — are the
 * service's (422 naming the field).
 */
export const ZCustomerKind = z.enum(CUSTOMER_KIND_CODES as [CustomerKind, ...CustomerKind[]]);
export const CUSTOMER_STATUSES = ['active', 'suspended', 'closed'] as const;
export const ORIENTATION_CODES = ['sunny', 'shaded'] as const;
export const NETWORK_POSITION_CODES = ['near', 'middle', 'end'] as const;

const part = (max: number) => z.string().trim().max(max);
export const ZPremisesInput = z.strictObject({
  district: z.string().trim().min(1).max(30),
  street: part(40).default(''),
  community: part(60).default(''),
  building: part(20).default(''),
  unit: part(20).default(''),
  /** Negative: basement. */
  floor: z.number().int().min(-10).max(200).nullable().optional(),
  buildingFloors: z.number().int().min(1).max(200).nullable().optional(),
  room: part(20).default(''),
  heatedAreaM2: z.number().positive().max(1_000_000).nullable().optional(),
  orientation: z.enum(ORIENTATION_CODES).nullable().optional(),
  networkPosition: z.enum(NETWORK_POSITION_CODES).nullable().optional(),
  /** 单元用热率, percent (H-5.1). */
  unitHeatUseRate: z.number().min(0).max(100).nullable().optional(),
});
export type TPremisesInput = z.infer<typeof ZPremisesInput>;

export const ZContractInput = z.strictObject({
  contractNo: z.string().trim().min(1).max(40),
  signedOn: z.iso.date(),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable().optional(),
  /** The premises the contract supplies; default on account creation: the first premises. */
  premisesId: z.uuid().optional(),
  terms: ZContractTermsInput,
});
export type TContractInput = z.infer<typeof ZContractInput>;

const person = {
  name: z.string().trim().min(1).max(100),
  idCard: z.string().trim().max(30).nullable(),
  phone: z.string().trim().max(30).nullable(),
  phone2: z.string().trim().max(30).nullable(),
  specialCare: z.boolean(),
  specialCareNote: z.string().trim().max(200),
};

export const ZCustomerCreate = z.strictObject({
  /** 6–20 of A–Z, 0–9, '-'; issued by the system when left out. */
  accountNo: z.string().trim().min(1).max(40).optional(),
  kind: ZCustomerKind,
  name: person.name,
  idCard: person.idCard.optional(),
  phone: person.phone.optional(),
  phone2: person.phone2.optional(),
  specialCare: person.specialCare.default(false),
  specialCareNote: person.specialCareNote.default(''),
  premises: ZPremisesInput,
  contract: ZContractInput.optional(),
});
export type TCustomerCreate = z.infer<typeof ZCustomerCreate>;

export const ZCustomerPatch = z.strictObject({
  kind: ZCustomerKind.optional(),
  name: person.name.optional(),
  idCard: person.idCard.optional(),
  phone: person.phone.optional(),
  phone2: person.phone2.optional(),
  specialCare: person.specialCare.optional(),
  specialCareNote: person.specialCareNote.optional(),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  /** The version read; a stale one gets 409 VERSION_CONFLICT. */
  version: z.number().int().min(1),
});
export type TCustomerPatch = z.infer<typeof ZCustomerPatch>;

export { ZIdParams } from '../../../core/schemas.ts';

export const ZSearchQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: ZCustomerKind.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  /** The regulator's filter; others may only name their own enterprise. */
  enterpriseId: z.uuid().optional(),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

export const ZRevealInput = z.strictObject({ reason: z.string().trim().min(2).max(200) });

export const ZFileFormat = z.enum(['xlsx', 'csv']);
export const ZExportQuery = z.strictObject({
  format: ZFileFormat.default('xlsx'),
  q: z.string().trim().max(100).optional(),
  kind: ZCustomerKind.optional(),
  enterpriseId: z.uuid().optional(),
});
export const ZTemplateQuery = z.strictObject({ format: ZFileFormat.default('xlsx') });

/** 10 MB of file is 13.4 MB of base64; the route's body limit is 15 MiB. */
export const ZImportInput = z.strictObject({
  format: ZFileFormat,
  fileBase64: z.string().min(1).max(14_500_000),
  dryRun: z.boolean().default(false),
});
export type TImportInput = z.infer<typeof ZImportInput>;

// ---- responses ----

export const ZCustomer = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  accountNo: z.string(),
  kind: z.string(),
  name: z.string(),
  /** Masked for everyone (370303********1234); POST /customers/:id/reveal shows it, audited (G-5.7.6). */
  idCard: z.string().nullable(),
  phone: z.string().nullable(),
  phone2: z.string().nullable(),
  /** G-5.9.9, H-7.6.3.4. */
  specialCare: z.boolean(),
  specialCareNote: z.string(),
  status: z.string(),
  /** The first premises' address. */
  address: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCustomer = z.infer<typeof ZCustomer>;

export const ZPremises = z.object({
  id: z.string(),
  customerId: z.string(),
  district: z.string(),
  street: z.string(),
  community: z.string(),
  building: z.string(),
  unit: z.string(),
  floor: z.number().nullable(),
  buildingFloors: z.number().nullable(),
  room: z.string(),
  address: z.string(),
  heatedAreaM2: z.number().nullable(),
  // Documented as the enums they are (openapi.json); the runtime check stays a string, as the column is text.
  orientation: z
    .string()
    .meta({ enum: [...ORIENTATION_CODES] })
    .nullable(),
  networkPosition: z
    .string()
    .meta({ enum: [...NETWORK_POSITION_CODES] })
    .nullable(),
  unitHeatUseRate: z.number().nullable(),
  createdAt: z.string(),
});
export type TPremises = z.infer<typeof ZPremises>;

export const ZContract = z.object({
  id: z.string(),
  customerId: z.string(),
  premisesId: z.string().nullable(),
  contractNo: z.string(),
  sector: z.string(),
  signedOn: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  settlementCycle: z.string(),
  terms: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type TContract = z.infer<typeof ZContract>;

const ZClock = z.object({
  name: z.string(),
  clause: z.string(),
  state: z.string(),
  dueAt: z.string().nullable(),
});
export const ZOrderSummary = z.object({
  id: z.string(),
  orderNo: z.string(),
  itemCode: z.string(),
  state: z.string(),
  receivedAt: z.string(),
  nextDueAt: z.string().nullable(),
  breached: z.boolean(),
  isComplaint: z.boolean(),
});
export const ZOpenOrder = ZOrderSummary.extend({ clocks: z.array(ZClock) });
export type TOrderSummary = z.infer<typeof ZOrderSummary>;
export type TOpenOrder = z.infer<typeof ZOpenOrder>;

export const ZCustomer360 = z.object({
  account: ZCustomer,
  premises: z.array(ZPremises),
  contracts: z.array(ZContract),
  /** G-5.8.2, H-7.5.3: every work order, visit and complaint of the account, newest first. */
  serviceHistory: z.array(ZOrderSummary),
  /** Orders not closed or cancelled, soonest due first, with their clocks. */
  openOrders: z.array(ZOpenOrder),
});
export type TCustomer360 = z.infer<typeof ZCustomer360>;

export const ZSearchResult = z.object({ items: z.array(ZCustomer), nextCursor: z.string().nullable() });

export const ZRevealed = z.object({
  idCard: z.string().nullable(),
  phone: z.string().nullable(),
  phone2: z.string().nullable(),
});

export const ZImportReason = z.object({
  code: z.string(),
  column: z.string().optional(),
  zh: z.string(),
  en: z.string(),
});
export type TImportReason = z.infer<typeof ZImportReason>;
export const ZImportResult = z.object({
  imported: z.number(),
  rejected: z.array(z.object({ row: z.number(), reasons: z.array(ZImportReason) })),
  dryRun: z.boolean(),
});
export type TImportResult = z.infer<typeof ZImportResult>;
