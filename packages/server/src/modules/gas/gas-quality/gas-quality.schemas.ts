import { z } from 'zod';

const ZDate = z.iso.date();

/** G-5.1.8: a test result to publish — gas type, composition, calorific value, supply pressure. */
export const ZGasQualityInput = z.strictObject({
  testedOn: ZDate,
  gasType: z.string().trim().min(2).max(40),
  /** Shares in hundredths of a percent (9612 = 96.12 %); together at most 100 %. */
  composition: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(40),
        basisPoints: z.number().int().min(1).max(10000),
      }),
    )
    .min(1)
    .max(20),
  /** kJ/m³ (35,590 = 35.59 MJ/m³). */
  calorificKjPerM3: z.number().int().min(1000).max(200_000),
  /** Pa at the customer's side of the supply (2,000 = 2.0 kPa). */
  supplyPressurePa: z.number().int().min(100).max(10_000_000),
  testedBy: z.string().trim().min(2).max(100),
  note: z.string().trim().max(500).default(''),
});
export type TGasQualityInput = z.infer<typeof ZGasQualityInput>;

export const ZGasQualityQuery = z.strictObject({ enterpriseId: z.uuid().optional() });

export const ZGasQualityReport = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  testedOn: z.string(),
  gasType: z.string(),
  composition: z.array(z.object({ name: z.string(), basisPoints: z.number() })),
  calorificKjPerM3: z.number(),
  supplyPressurePa: z.number(),
  testedBy: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type TGasQualityReport = z.infer<typeof ZGasQualityReport>;

export const ZGasQualityList = z.object({ items: z.array(ZGasQualityReport) });
