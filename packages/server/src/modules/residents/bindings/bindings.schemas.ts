import { z } from 'zod';

export const ZBindingRequestInput = z.strictObject({
  accountNo: z.string().trim().min(2).max(40),
  /** The account holder's name as on file. */
  name: z.string().trim().min(1).max(60),
  /** The last four digits of the mobile on file. */
  phoneLast4: z.string().regex(/^\d{4}$/),
  /** The enterprise that holds the account (gas, heating, bottled gas); the login's own when left out. */
  enterpriseId: z.uuid().optional(),
});
export type TBindingRequestInput = z.infer<typeof ZBindingRequestInput>;

export const ZBindingRequest = z.object({
  id: z.string(),
  /** Where the code went, masked (138****0001). */
  sentTo: z.string(),
  expiresAt: z.string(),
  maxAttempts: z.number(),
  /** Demo mode only: the code the recording SMS adapter "sent", so the demo can be followed without a phone. */
  demoCode: z.string().optional(),
});

export const ZBindingConfirmInput = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const ZBoundAccount = z.object({
  id: z.string(),
  /** One login binds accounts of several enterprises: whose account this is. */
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  enterpriseKind: z.string(),
  accountNo: z.string(),
  name: z.string(),
  kind: z.string(),
  sector: z.enum(['gas', 'heating']),
  address: z.string().nullable(),
  boundAt: z.string(),
  balanceFen: z.number(),
  outstandingFen: z.number(),
  overdueFen: z.number(),
});
export type TBoundAccount = z.infer<typeof ZBoundAccount>;
export const ZBoundAccounts = z.object({ items: z.array(ZBoundAccount) });
