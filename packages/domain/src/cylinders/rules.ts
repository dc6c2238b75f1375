// Cylinder rules as data, each with its source. The periods and tolerances below are the values of the national
// cylinder and filling standards as commonly applied to household LPG steel cylinders; they are data, shown beside
// the public lookup (G-7.1.13), and a company replaces them when its regulator publishes other figures.

import type { Messages } from '../errors.ts';

export interface CylinderModel {
  /** Model as marked on the cylinder (GB 5842): YSP35.5 = 35.5 L water capacity. */
  model: string;
  capacityDl: number;
  /** Rated fill in grams (充装量). */
  ratedFillG: number;
  /** Allowed deviation of the net weight from the rated fill, in grams, either way. */
  toleranceG: number;
}

const m = (zh: string, en: string): Messages => ({ zh, en });

/** Household LPG steel cylinders (GB 5842 models) and their fill (GB 17267 filling rules; demo tolerance values). */
export const CYLINDER_MODELS: readonly CylinderModel[] = [
  { model: 'YSP4.7', capacityDl: 47, ratedFillG: 2_000, toleranceG: 100 },
  { model: 'YSP12', capacityDl: 120, ratedFillG: 5_000, toleranceG: 200 },
  { model: 'YSP35.5', capacityDl: 355, ratedFillG: 14_500, toleranceG: 500 },
  { model: 'YSP118', capacityDl: 1180, ratedFillG: 49_500, toleranceG: 1_000 },
];

export const CYLINDER_RULES = {
  /** Years between periodic inspections of an LPG steel cylinder. */
  inspectionYears: 4,
  /** Design service life: the cylinder is scrapped at this age whatever its inspections say. */
  designLifeYears: 15,
  /** G-7.1.14: residue in a returned cylinder above this share of the fill is compensated. */
  residueLimitPercent: 3,
  sources: {
    inspection: m(
      '液化石油气钢瓶每4年定期检验一次（TSG 23-2021《气瓶安全技术规程》、GB/T 8334）',
      'LPG steel cylinders are inspected every 4 years (TSG 23-2021, GB/T 8334)',
    ),
    designLife: m(
      '液化石油气钢瓶设计使用年限15年，到期报废（GB 5842、TSG 23-2021）',
      'LPG steel cylinders have a 15-year design life and are scrapped at its end (GB 5842, TSG 23-2021)',
    ),
    fill: m(
      '充装量及允许偏差按 GB 17267 充装规定执行（本系统数值为演示配置）',
      'Fill and tolerance per the GB 17267 filling rules (the values here are demo configuration)',
    ),
    residue: m(
      '残液量不超过充装量的3%，超出部分按公布的补偿办法补偿（G-7.1.14）',
      'Residue at most 3 % of the fill; more is compensated by the published rule (G-7.1.14)',
    ),
  },
} as const;

export function modelOf(model: string): CylinderModel | undefined {
  return CYLINDER_MODELS.find((c) => c.model === model);
}
