// G-7.1.6, G-7.1.4, G-7.1.5, G-7.1.9: a fill starts with a scan; the cylinder is refused with the reason when it is
// not this company's registered, inspected, treated, usable cylinder. Pure: today is an argument.

import type { Messages } from '../errors.ts';
import type { DateString } from '../time/shanghai.ts';
import { CYLINDER_RULES } from './rules.ts';

/** What the check needs of a registered cylinder (null when the code is not registered anywhere). */
export interface CylinderFacts {
  enterpriseId: string;
  nextInspectionOn: DateString;
  scrapDueOn: DateString;
  lastInspectedOn: DateString | null;
  /** Last first-use / post-inspection treatment (G-7.1.9). */
  lastTreatedOn: DateString | null;
  scrappedOn: DateString | null;
}

export type FillRefusal =
  'unregistered' | 'other_company' | 'scrapped' | 'past_design_life' | 'inspection_overdue' | 'not_treated';

export type FillCheck = { ok: true } | { ok: false; reason: FillRefusal; message: Messages };

const REASONS: Record<FillRefusal, (c: CylinderFacts | null) => Messages> = {
  unregistered: () => ({
    zh: '气瓶未登记，不得充装（G-7.1.5）',
    en: 'The cylinder is not registered and may not be filled (G-7.1.5)',
  }),
  other_company: () => ({
    zh: '非本企业自有产权气瓶，不得充装（G-7.1.2）',
    en: 'The cylinder belongs to another company and may not be filled (G-7.1.2)',
  }),
  scrapped: (c) => ({
    zh: `气瓶已于 ${c?.scrappedOn} 报废，不得充装`,
    en: `The cylinder was scrapped on ${c?.scrappedOn} and may not be filled`,
  }),
  past_design_life: (c) => ({
    zh: `气瓶已到设计使用年限（${c?.scrapDueOn} 应报废），不得充装`,
    en: `The cylinder reached the end of its design life (${c?.scrapDueOn}) and may not be filled`,
  }),
  inspection_overdue: (c) => ({
    zh: `气瓶已超过定期检验日期（${c?.nextInspectionOn}），不得充装（G-7.1.6）`,
    en: `The cylinder is past its periodic inspection date (${c?.nextInspectionOn}) and may not be filled (G-7.1.6)`,
  }),
  not_treated: () => ({
    zh: '气瓶首次使用或检验后未经处理，不得充装（G-7.1.9）',
    en: 'The cylinder was not treated before first use or after its inspection (G-7.1.9)',
  }),
};

export function refusalMessage(reason: FillRefusal, c: CylinderFacts | null = null): Messages {
  return REASONS[reason](c);
}

/** The first reason, in the order a filling line explains it, or ok. */
export function checkFillScan(
  cylinder: CylinderFacts | null,
  enterpriseId: string,
  today: DateString,
): FillCheck {
  const refuse = (reason: FillRefusal): FillCheck => ({
    ok: false,
    reason,
    message: REASONS[reason](cylinder),
  });
  if (!cylinder) return refuse('unregistered');
  if (cylinder.enterpriseId !== enterpriseId) return refuse('other_company');
  if (cylinder.scrappedOn) return refuse('scrapped');
  if (cylinder.scrapDueOn <= today) return refuse('past_design_life');
  if (cylinder.nextInspectionOn < today) return refuse('inspection_overdue');
  if (!cylinder.lastTreatedOn) return refuse('not_treated');
  if (cylinder.lastInspectedOn && cylinder.lastTreatedOn < cylinder.lastInspectedOn)
    return refuse('not_treated');
  return { ok: true };
}

export type FillOutcome = 'pass' | 'hold';

export interface FillJudgement {
  outcome: FillOutcome;
  weightOk: boolean;
  deviationG: number;
  reasons: Messages[];
}

/** G-7.1.6: after filling, the net weight within the tolerance of the rated fill and a leak-free test pass. */
export function judgeFill(input: {
  netWeightG: number;
  ratedFillG: number;
  toleranceG: number;
  leakFree: boolean;
}): FillJudgement {
  const deviationG = input.netWeightG - input.ratedFillG;
  const weightOk = Math.abs(deviationG) <= input.toleranceG;
  const reasons: Messages[] = [];
  if (!weightOk) {
    reasons.push({
      zh: `净重偏差 ${(deviationG / 1000).toFixed(2)} kg，超出允许偏差 ±${input.toleranceG / 1000} kg`,
      en: `Net weight off by ${(deviationG / 1000).toFixed(2)} kg, beyond ±${input.toleranceG / 1000} kg`,
    });
  }
  if (!input.leakFree) reasons.push({ zh: '检漏不合格', en: 'Leak test failed' });
  return { outcome: weightOk && input.leakFree ? 'pass' : 'hold', weightOk, deviationG, reasons };
}

/** Same month and day `years` later; 29 February falls back to the 28th in a common year. */
export function addYearsToDate(date: DateString, years: number): DateString {
  const y = Number(date.slice(0, 4)) + years;
  let md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (md === '02-29' && !leap) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** G-7.1.4, G-7.1.15: the next inspection and the scrap date by the rules, from manufacture and last inspection. */
export function cylinderDates(input: { manufacturedOn: DateString; lastInspectedOn: DateString | null }) {
  const scrapDueOn = addYearsToDate(input.manufacturedOn, CYLINDER_RULES.designLifeYears);
  const base = input.lastInspectedOn ?? input.manufacturedOn;
  const next = addYearsToDate(base, CYLINDER_RULES.inspectionYears);
  return { nextInspectionOn: next < scrapDueOn ? next : scrapDueOn, scrapDueOn };
}

/** G-7.1.14: residue above 3 % of the fill, in grams (0 when within the limit). */
export function residueExcessG(residueG: number, ratedFillG: number): number {
  const limit = Math.floor((ratedFillG * CYLINDER_RULES.residueLimitPercent) / 100);
  return residueG > limit ? residueG - limit : 0;
}
