import { z } from 'zod';

export const ZSignupInput = z.strictObject({
  enterpriseId: z.uuid(),
  /** The mobile number: the login name and where the code goes. */
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/),
});

export const ZSignupRequest = z.object({
  id: z.string(),
  sentTo: z.string(),
  expiresAt: z.string(),
  /** Demo mode only: the code the recording SMS adapter "sent". */
  demoCode: z.string().optional(),
});

export const ZSignupConfirm = z.strictObject({
  code: z.string().regex(/^\d{6}$/),
  displayName: z.string().trim().min(1).max(50),
  password: z.string().min(8).max(128),
});

export const ZSignupDone = z.object({ username: z.string() });
