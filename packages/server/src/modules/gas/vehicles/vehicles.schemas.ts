import { isPlate, isValidPhone, normalizePlate, VEHICLE_MEDIA } from '@ranre/domain';
import { z } from 'zod';

export const ZDate = z.iso.date();
export const ZMedium = z.enum(VEHICLE_MEDIA);
export const ZMessages = z.object({ zh: z.string(), en: z.string() });

/** A plate as typed or scanned, stored in one form (鲁CT1234). */
export const ZPlate = z
  .string()
  .trim()
  .max(20)
  .transform(normalizePlate)
  .refine(isPlate, { message: '车牌号格式不正确 / not a plate number' });

export const ZCertificateInput = z.strictObject({
  certificateNo: z.string().trim().min(2).max(60),
  inspectedOn: ZDate.optional(),
  expiresOn: ZDate,
});

export const ZVehicleCylinderInput = z.strictObject({
  serialNo: z.string().trim().min(1).max(60),
  medium: ZMedium,
  manufacturer: z.string().trim().max(100).optional(),
  capacityL: z.number().int().min(1).max(2000).optional(),
  certificateNo: z.string().trim().min(2).max(60),
  inspectedOn: ZDate.optional(),
  certificateExpiresOn: ZDate,
});

export const ZVehicleInput = z.strictObject({
  plate: ZPlate,
  ownerName: z.string().trim().min(1).max(60),
  ownerPhone: z.string().trim().refine(isValidPhone, { message: '电话号码不正确 / not a phone number' }),
  medium: ZMedium,
  vehicleType: z.string().trim().max(40).optional(),
  cylinders: z.array(ZVehicleCylinderInput).min(1).max(12),
});

export const ZVehicleQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  q: z.string().trim().max(20).optional(),
  /** Only vehicles with a certificate expiring on or before this date. */
  certificateBy: ZDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ZIdParams = z.strictObject({ id: z.uuid() });
export const ZCylinderParams = z.strictObject({ id: z.uuid(), cylinderId: z.uuid() });

export const ZVehicleCylinder = z.object({
  id: z.string(),
  serialNo: z.string(),
  medium: ZMedium,
  manufacturer: z.string(),
  capacityL: z.number().nullable(),
  certificateNo: z.string(),
  certificateExpiresOn: z.string(),
  /** G-8.1.10 as of today: expired, within the reminder window, or valid. */
  certificateState: z.enum(['valid', 'due_soon', 'expired']),
  daysLeft: z.number(),
});

export const ZVehicle = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  plate: z.string(),
  /** Masked for the regulator. */
  ownerName: z.string(),
  ownerPhone: z.string(),
  medium: ZMedium,
  vehicleType: z.string(),
  createdAt: z.string(),
  openLeakCase: z.boolean(),
  cylinders: z.array(ZVehicleCylinder),
});
export type TVehicle = z.infer<typeof ZVehicle>;

export const ZVehicleList = z.object({ items: z.array(ZVehicle), total: z.number() });

export const ZVehicleDetail = z.object({
  vehicle: ZVehicle,
  certificates: z.array(
    z.object({
      id: z.string(),
      cylinderId: z.string(),
      serialNo: z.string(),
      certificateNo: z.string(),
      inspectedOn: z.string().nullable(),
      expiresOn: z.string(),
      recordedAt: z.string(),
    }),
  ),
  fills: z.array(
    z.object({
      id: z.string(),
      station: z.string(),
      dispenserNo: z.string(),
      medium: z.string(),
      quantity: z.number(),
      unit: z.string(),
      leakFree: z.boolean(),
      attendantName: z.string(),
      filledAt: z.string(),
    }),
  ),
  checks: z.array(
    z.object({
      id: z.string(),
      station: z.string(),
      outcome: z.string(),
      reason: z.string().nullable(),
      checkedAt: z.string(),
    }),
  ),
});
