import { INSTALLATION_CHECKLIST } from '@ranre/domain';
import { z } from 'zod';

// Every G-9.2.7 field is optional in the shape so that a certificate missing some is refused by the rule with a
// 422 naming all of them (CERTIFICATE_INCOMPLETE), not by the shape check one at a time.
export const ZCertificateInput = z.strictObject({
  brand: z.string().trim().max(60).optional(),
  model: z.string().trim().max(60).optional(),
  leakTestPassed: z.boolean().optional(),
  /** Measured CO in the dry flue gas, ppm. */
  flueCoPpm: z.number().min(0).max(100_000).optional(),
  /** The limit it is judged against, ppm, and its basis (the appliance's product standard). */
  coLimitPpm: z.number().positive().max(100_000).optional(),
  coLimitBasis: z.string().trim().max(100).optional(),
  installerId: z.uuid().optional(),
  testerId: z.uuid().optional(),
  installerSignatureId: z.uuid().optional(),
  testerSignatureId: z.uuid().optional(),
  /** G-9.2.4: the installation checklist items confirmed on site. */
  checklist: z
    .array(z.enum(INSTALLATION_CHECKLIST.map((c) => c.key) as [string, ...string[]]))
    .max(10)
    .optional(),
});
export type TCertificateInput = z.infer<typeof ZCertificateInput>;

export const ZCertificate = z.strictObject({
  id: z.string(),
  certificateNo: z.string(),
  issuedOn: z.string(),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

export const ZCertificateView = z.strictObject({ certificate: ZCertificate.nullable() });

export const ZSigners = z.strictObject({
  items: z.array(
    z.strictObject({
      id: z.string(),
      displayName: z.string(),
      /** Why this person may not sign (no valid qualification certificate), or null. */
      unavailable: z.strictObject({ zh: z.string(), en: z.string() }).nullable(),
    }),
  ),
});
