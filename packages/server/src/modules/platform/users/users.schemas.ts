import { z } from 'zod';
import { ROLES } from '../../../core/actor.ts';

import { ZUser } from '../auth/auth.schemas.ts';

/** An account as its managers see it: with the staff record it belongs to, if any. */
export const ZUserAccount = ZUser.extend({
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  badgeNo: z.string().nullable(),
});

export const ZUserQuery = z.strictObject({ enterpriseId: z.uuid().optional() });

export const ZUserInput = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/,
      '3–64 letters, digits, _ . - (starting with a letter or digit)',
    ),
  displayName: z.string().trim().min(1).max(50),
  role: z.enum(ROLES as [string, ...string[]]),
  /** Defaults to the caller's own enterprise. */
  enterpriseId: z.uuid().optional(),
  /** Checked against the password policy by the service (422 PASSWORD_POLICY). */
  password: z.string().min(1).max(256),
  /** The staff record this login belongs to (same enterprise, active, not yet linked). */
  staffId: z.uuid().optional(),
});
export type TUserInput = z.infer<typeof ZUserInput>;

export const ZUserParams = z.strictObject({ id: z.uuid() });

/** Link a login to its staff record, or unlink it with null (G-5.6.1: whose certificates qualify a dispatch). */
export const ZStaffLinkInput = z.strictObject({ staffId: z.uuid().nullable() });
