import { z } from 'zod';

export const ZItemParams = z.strictObject({ itemCode: z.string().trim().min(1).max(60) });

/** G-5.6.1: the certificate names (as on the staff registry's certificates) a job requires; empty removes them. */
export const ZRequirementInput = z.strictObject({
  certificates: z.array(z.string().trim().min(2).max(80)).max(10),
});

export const ZRequirement = z.strictObject({
  itemCode: z.string(),
  certificates: z.array(z.string()),
});
export const ZRequirementList = z.strictObject({ items: z.array(ZRequirement) });
