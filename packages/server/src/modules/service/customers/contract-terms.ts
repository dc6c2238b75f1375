import type { Sector } from '@ranre/domain';
import { z } from 'zod';
import { appError } from '../../../core/errors.ts';

/**
 * What a supply contract must hold, per sector, checked with zod.
 * Gas, G-5.3.3: gas type, quality, calorific value, pressure, flow, billing standard, facility duties, free services,
 * data protection; G-6.2.3: settlement cycle and method. Heating, H-7.1.5: medium and its parameters, billing
 * standard, liability and penalty, facility duties, free services, data protection.
 */
export const SETTLEMENT_CYCLES = [
  'monthly',
  'bimonthly',
  'quarterly',
  'season',
  'annual',
  'per_purchase',
] as const;
export const SETTLEMENT_METHODS = [
  'prepaid_meter',
  'postpaid_reading',
  'bank_debit',
  'per_purchase',
  'advance_payment',
] as const;
export const GAS_TYPES = ['natural_gas', 'lpg', 'cng', 'lng'] as const;
export const HEATING_MEDIA = ['hot_water', 'steam'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const common = {
  billingStandard: text(500),
  settlementCycle: z.enum(SETTLEMENT_CYCLES),
  settlementMethod: z.enum(SETTLEMENT_METHODS),
  /** G-6.2.6: days to pay after the notice when the contract says otherwise than the statutory 10. */
  paymentDays: z.number().int().min(1).max(90).optional(),
  facilityDuties: text(2000),
  freeServices: text(2000),
  dataProtection: text(2000),
};
const gas = {
  gasType: z.enum(GAS_TYPES),
  gasQuality: text(200),
  /** Lower heating value in MJ/m³ (MJ/kg for bottled LPG). */
  calorificValueMJ: z.number().positive().max(200),
  pressureKPa: z.number().positive().max(10_000),
  /** Rated flow in m³/h (kg/h for LPG). */
  flowM3h: z.number().positive().max(1_000_000),
};
const heating = {
  medium: z.enum(HEATING_MEDIA),
  supplyTempC: z.number().min(0).max(400),
  returnTempC: z.number().min(0).max(400),
  pressureMPa: z.number().positive().max(10),
  liability: text(2000),
  penalty: text(2000),
};

export const ZGasTerms = z.strictObject({ ...common, ...gas });
export const ZHeatingTerms = z
  .strictObject({
    ...common,
    ...heating,
    // A heating bill covers the season (H-7.1.5 has no settlement clause of its own); the method is optional.
    settlementCycle: common.settlementCycle.default('season'),
    settlementMethod: common.settlementMethod.optional(),
    pressureMPa: heating.pressureMPa.optional(),
  })
  .refine((t) => t.returnTempC < t.supplyTempC, { path: ['returnTempC'], message: 'return below supply' });

/** What the routes accept: every field of both sectors, typed, none required; the service checks by sector. */
export const ZContractTermsInput = z.strictObject({
  ...common,
  ...gas,
  ...heating,
  settlementCycle: common.settlementCycle.optional(),
  settlementMethod: common.settlementMethod.optional(),
  billingStandard: common.billingStandard.optional(),
  facilityDuties: common.facilityDuties.optional(),
  freeServices: common.freeServices.optional(),
  dataProtection: common.dataProtection.optional(),
  gasType: gas.gasType.optional(),
  gasQuality: gas.gasQuality.optional(),
  calorificValueMJ: gas.calorificValueMJ.optional(),
  pressureKPa: gas.pressureKPa.optional(),
  flowM3h: gas.flowM3h.optional(),
  medium: heating.medium.optional(),
  supplyTempC: heating.supplyTempC.optional(),
  returnTempC: heating.returnTempC.optional(),
  pressureMPa: heating.pressureMPa.optional(),
  liability: heating.liability.optional(),
  penalty: heating.penalty.optional(),
});
export type TContractTermsInput = z.infer<typeof ZContractTermsInput>;
export type ContractTerms = Record<string, unknown> & { settlementCycle: string };

export const TERM_LABELS: Record<string, { zh: string; en: string }> = {
  gasType: { zh: '气种', en: 'gas type' },
  gasQuality: { zh: '气质', en: 'gas quality' },
  calorificValueMJ: { zh: '热值', en: 'calorific value' },
  pressureKPa: { zh: '压力', en: 'pressure' },
  flowM3h: { zh: '流量', en: 'flow' },
  billingStandard: { zh: '计费标准', en: 'billing standard' },
  settlementCycle: { zh: '结算周期', en: 'settlement cycle' },
  settlementMethod: { zh: '结算方式', en: 'settlement method' },
  paymentDays: { zh: '缴费期限（天）', en: 'days to pay' },
  facilityDuties: { zh: '设施维护责任', en: 'facility maintenance duties' },
  freeServices: { zh: '免费服务项目', en: 'free services' },
  dataProtection: { zh: '客户信息保护', en: 'data protection' },
  medium: { zh: '供热介质', en: 'heating medium' },
  supplyTempC: { zh: '供水温度', en: 'supply temperature' },
  returnTempC: { zh: '回水温度', en: 'return temperature' },
  pressureMPa: { zh: '供热压力', en: 'heating pressure' },
  liability: { zh: '违约责任', en: 'liability' },
  penalty: { zh: '违约金', en: 'penalty' },
};

const SECTOR_NAME = { gas: { zh: '供气', en: 'gas' }, heating: { zh: '供热', en: 'heating' } };
const labels = (keys: string[], lang: 'zh' | 'en') =>
  keys.map((k) => TERM_LABELS[k]?.[lang] ?? k).join(lang === 'zh' ? '、' : ', ');

/**
 * The terms a contract of this sector must hold, complete and nothing from the other sector.
 * 422 CONTRACT_FIELDS_MISSING names the missing fields (`details.fields`: 'terms.calorificValueMJ' …);
 * 422 CONTRACT_FIELDS_NOT_APPLICABLE names fields of the other sector; 422 CONTRACT_TERMS_INVALID otherwise.
 */
export function checkContractTerms(sector: Sector, terms: TContractTermsInput): ContractTerms {
  const schema = sector === 'gas' ? ZGasTerms : ZHeatingTerms;
  const present = Object.fromEntries(Object.entries(terms).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data as ContractTerms;
  const missing: string[] = [];
  const foreign: string[] = [];
  const invalid: string[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') foreign.push(...issue.keys);
    else if (present[String(issue.path[0])] === undefined) missing.push(String(issue.path[0]));
    else invalid.push(String(issue.path[0]));
  }
  const s = SECTOR_NAME[sector];
  if (missing.length > 0) {
    throw appError(
      'CONTRACT_FIELDS_MISSING',
      {
        zh: `${s.zh}合同缺少必备内容（${sector === 'gas' ? 'G-5.3.3' : 'H-7.1.5'}）：${labels(missing, 'zh')}`,
        en: `A ${s.en} contract must state (${sector === 'gas' ? 'G-5.3.3' : 'H-7.1.5'}): ${labels(missing, 'en')}`,
      },
      { fields: missing.map((k) => `terms.${k}`) },
    );
  }
  if (foreign.length > 0) {
    throw appError(
      'CONTRACT_FIELDS_NOT_APPLICABLE',
      {
        zh: `${s.zh}合同不适用这些内容：${labels(foreign, 'zh')}`,
        en: `These fields do not belong in a ${s.en} contract: ${labels(foreign, 'en')}`,
      },
      { fields: foreign.map((k) => `terms.${k}`) },
    );
  }
  const temps = invalid.includes('returnTempC');
  throw appError(
    'CONTRACT_TERMS_INVALID',
    {
      zh: `合同内容不合理：${labels(invalid, 'zh')}${temps ? '（回水温度应低于供水温度）' : ''}`,
      en: `Contract terms do not add up: ${labels(invalid, 'en')}${temps ? ' (the return must be colder than the supply)' : ''}`,
    },
    { fields: invalid.map((k) => `terms.${k}`) },
  );
}
