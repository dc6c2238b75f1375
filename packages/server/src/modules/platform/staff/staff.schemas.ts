import { z } from 'zod';

/**
 * Staff registry (G-5.6.1, G-5.6.4, G-9.2.2, H-7.6.1.3): what the badge shows — company, badge number, name,
 * employee number, photo, post — and the qualification certificates with their expiry.
 * Phone and photo are checked by the service (422 with a message saying what is wrong).
 */
const fields = {
  name: z.string().trim().min(1).max(50),
  badgeNo: z.string().trim().min(1).max(30),
  employeeNo: z.string().trim().min(1).max(30),
  post: z.string().trim().min(1).max(30),
  phone: z.string().trim().max(30).nullable(),
  /** data:image/png|jpeg|webp;base64,… — the body limit (1 MiB) bounds it here; the service allows 300 KB decoded. */
  photo: z.string().max(1_100_000).nullable(),
  active: z.boolean(),
};

export const ZStaffInput = z.strictObject({
  /** Defaults to the caller's own enterprise. */
  enterpriseId: z.uuid().optional(),
  name: fields.name,
  badgeNo: fields.badgeNo,
  employeeNo: fields.employeeNo,
  post: fields.post,
  phone: fields.phone.optional(),
  photo: fields.photo.optional(),
  active: fields.active.default(true),
});
export type TStaffInput = z.infer<typeof ZStaffInput>;

export const ZStaffPatch = z.strictObject({
  name: fields.name.optional(),
  badgeNo: fields.badgeNo.optional(),
  employeeNo: fields.employeeNo.optional(),
  post: fields.post.optional(),
  phone: fields.phone.optional(),
  photo: fields.photo.optional(),
  active: fields.active.optional(),
  version: z.number().int().min(1).optional(),
});
export type TStaffPatch = z.infer<typeof ZStaffPatch>;

export const ZStaffQuery = z.strictObject({ enterpriseId: z.uuid().optional() });
export { ZIdParams } from '../../../core/schemas.ts';

export const ZCertificateInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  number: z.string().trim().min(1).max(60),
  issuer: z.string().trim().min(1).max(100),
  issuedOn: z.iso.date(),
  expiresOn: z.iso.date(),
});
export type TCertificateInput = z.infer<typeof ZCertificateInput>;

export const ZExpiringQuery = z.strictObject({
  days: z.coerce.number().int().min(0).max(365).default(30),
  enterpriseId: z.uuid().optional(),
});

export const ZCertificate = z.object({
  id: z.string(),
  staffId: z.string(),
  name: z.string(),
  number: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
});
export type TCertificate = z.infer<typeof ZCertificate>;

export const ZExpiringCertificate = ZCertificate.extend({
  staffName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  daysLeft: z.number(),
});
export type TExpiringCertificate = z.infer<typeof ZExpiringCertificate>;

export const ZStaff = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  name: z.string(),
  badgeNo: z.string(),
  employeeNo: z.string(),
  post: z.string(),
  /** Masked (138****1234) unless the caller is the regulator or that enterprise's admin (G-5.7.6). */
  phone: z.string().nullable(),
  photo: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  certificates: z.array(ZCertificate),
});
export type TStaff = z.infer<typeof ZStaff>;
