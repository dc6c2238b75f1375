import { z } from 'zod';
import { ROLES } from '../../../core/actor.ts';

export const ZLogin = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const ZChangePassword = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES as [string, ...string[]]),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  enterpriseKind: z.string(),
});
