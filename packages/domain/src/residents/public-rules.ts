// What the public pages state as rules, beside the catalogue's limits: how complaints are judged and answered
// (H-7.4.5–H-7.4.10, H-10.4.4) and the bottled-gas residue standard with its compensation (G-7.1.13, G-7.1.14).
import type { Messages } from '../errors.ts';

/** G-7.1.14: the residue (残液) left in a cylinder is at most 3 % of the fill. */
export const BOTTLED_GAS_RESIDUE_MAX_PERCENT = 3;

/**
 * G-7.1.13: the compensation published with the residue standard — the residue above 3 % of the fill is refunded at
 * the fill's price per kilogram. Weights in grams, prices in fen per kilogram; the refund is rounded to the fen.
 */
export function residueRefundFen(fillGrams: number, residueGrams: number, priceFenPerKg: number): number {
  const allowed = (fillGrams * BOTTLED_GAS_RESIDUE_MAX_PERCENT) / 100;
  const excess = Math.max(0, residueGrams - allowed);
  return Math.round((excess * priceFenPerKg) / 1000);
}

export const BOTTLED_GAS_PUBLIC_RULES: readonly Messages[] = [
  {
    zh: `钢瓶内残液量不得超过充装量的 ${BOTTLED_GAS_RESIDUE_MAX_PERCENT}%（G-7.1.14）；换气时可当面称重核对。`,
    en: `The residue in a cylinder is at most ${BOTTLED_GAS_RESIDUE_MAX_PERCENT} % of the fill (G-7.1.14); ask for it to be weighed when exchanging.`,
  },
  {
    zh: `残液超过充装量 ${BOTTLED_GAS_RESIDUE_MAX_PERCENT}% 的部分，按当次充装单价折算退还（G-7.1.13）。`,
    en: `Residue above ${BOTTLED_GAS_RESIDUE_MAX_PERCENT} % of the fill is refunded at the fill's price per kilogram (G-7.1.13).`,
  },
  {
    zh: '充装的钢瓶须贴有合格标签；超过检验期限或报废年限的钢瓶不予充装（G-7.1.6、G-7.1.13）。',
    en: 'A filled cylinder carries a quality label; cylinders past their inspection date or scrap age are not filled (G-7.1.6, G-7.1.13).',
  },
];

export const COMPLAINT_PUBLIC_RULES: readonly Messages[] = [
  {
    zh: '投诉可通过服务电话、网上和营业厅提出（H-7.4.1）；投诉人信息保密（G-5.7.6）。',
    en: 'Complain by phone, online or at a service point (H-7.4.1); the complainant’s details are kept confidential (G-5.7.6).',
  },
  {
    zh: '有责和无责投诉均如实记录，不隐瞒（H-7.4.6）；责任由主管部门认定，未认定的按有责计（H-7.4.8）。',
    en: 'Responsible and non-responsible complaints are all recorded, none hidden (H-7.4.6); the authority decides responsibility, and an undecided one counts as responsible (H-7.4.8).',
  },
  {
    zh: '期限内不能解决的，说明原因并确定解决时间（G-5.7.4、H-7.4.4）。',
    en: 'If it cannot be solved within the limit, you are told why and given a resolution date (G-5.7.4, H-7.4.4).',
  },
  {
    zh: '经判定不合理的投诉，及时答复理由和依据，并报送市政府服务热线（12345）承办单位（H-10.4.4）。',
    en: 'A complaint judged unreasonable is answered promptly with the reason and basis, and reported to the city hotline (12345) unit (H-10.4.4).',
  },
  {
    zh: '有责投诉：致歉、告知处理途径和时间、派单调查、反馈处理结果并回访，满意后方可办结（H-7.4.10）。',
    en: 'A responsible complaint: an apology, the path and time, an investigation, the result reported and a return visit; closed only when you are satisfied (H-7.4.10).',
  },
];
