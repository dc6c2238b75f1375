import { z } from 'zod';
import { ROLES } from '../../../core/actor.ts';

export { ZUser } from '../auth/auth.schemas.ts';

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
});
export type TUserInput = z.infer<typeof ZUserInput>;
