// G-9.2.6, H-7.3.8: before priced work the customer sees the price list — materials, parts and labour, each in fen —
// and signs it; the work starts and completes only on a signed consent; the receipt follows. A repair under a
// warranty in force is free (G-9.2.8): the list is still shown, nothing is charged.

import type { Messages } from '../errors.ts';

export const PRICE_LINE_KINDS = ['material', 'part', 'labour'] as const;
export type PriceLineKind = (typeof PRICE_LINE_KINDS)[number];

export interface AppliancePriceLine {
  kind: PriceLineKind;
  name: string;
  /** Units (pieces, metres, hours); at most two decimals. */
  quantity: number;
  /** Price of one unit in fen. */
  unitFen: number;
}

/** Catalogue items whose work is priced on site and so needs the customer's signed consent first (G-9.2.6). */
export const CONSENT_ITEMS: readonly string[] = [
  'appliance_installation',
  'appliance_repair',
  'appliance_walk_in_repair',
];

/**
 * H-7.3.8, G-5.11.7: a gas or heating company's repair is paid work — and so needs the same signed consent — when
 * the facility is the customer's own; a facility the company maintains is repaired free.
 */
export const PAID_REPAIR_ITEMS: readonly string[] = ['gas_repair', 'heating_repair'];
export const FACILITY_OWNERS = ['customer', 'company'] as const;
export type FacilityOwner = (typeof FACILITY_OWNERS)[number];

/** Whether an order's work needs the customer's signed consent at all. */
export function consentNeeded(itemCode: string, owner: FacilityOwner | null = null): boolean {
  return CONSENT_ITEMS.includes(itemCode) || (PAID_REPAIR_ITEMS.includes(itemCode) && owner === 'customer');
}

/** The events a missing consent holds back: the work may not start, nor be recorded as done. */
export const CONSENT_GATED_EVENTS: readonly string[] = ['started', 'completed'];

/** A line's amount in fen (quantity × unit price, rounded to the fen). */
export function lineFen(line: AppliancePriceLine): number {
  return Math.round(line.quantity * line.unitFen);
}

export function priceListTotalFen(lines: readonly AppliancePriceLine[]): number {
  return lines.reduce((sum, l) => sum + lineFen(l), 0);
}

/** What the customer pays: the list's total, or nothing when the work is a repair under warranty (G-9.2.8). */
export function chargedFen(lines: readonly AppliancePriceLine[], underWarranty: boolean): number {
  return underWarranty ? 0 : priceListTotalFen(lines);
}

/** Why a price list cannot be shown for consent, or null. */
export function priceListProblem(lines: readonly AppliancePriceLine[]): Messages | null {
  if (lines.length === 0) {
    return {
      zh: '价目清单至少列出一项材料、配件或人工费（G-9.2.6）',
      en: 'The price list needs at least one material, part or labour line (G-9.2.6)',
    };
  }
  for (const [i, l] of lines.entries()) {
    if (!Number.isInteger(l.unitFen) || l.unitFen < 0) {
      return {
        zh: `第 ${i + 1} 项单价须为非负整数（分）`,
        en: `Line ${i + 1}: the unit price must be whole fen`,
      };
    }
    if (!(l.quantity > 0) || Math.round(l.quantity * 100) !== l.quantity * 100) {
      return {
        zh: `第 ${i + 1} 项数量须大于 0，最多两位小数`,
        en: `Line ${i + 1}: the quantity must be above 0 with at most two decimals`,
      };
    }
    if (l.name.trim() === '') return { zh: `第 ${i + 1} 项缺少名称`, en: `Line ${i + 1} has no name` };
  }
  return null;
}

/** Whether this order must carry a signed consent before `event`. */
export function consentRequired(
  itemCode: string,
  event: string,
  owner: FacilityOwner | null = null,
): boolean {
  return consentNeeded(itemCode, owner) && CONSENT_GATED_EVENTS.includes(event);
}

/** Why `event` waits for the customer's signed consent, or null (G-9.2.6, H-7.3.8). */
export function consentProblem(
  itemCode: string,
  event: string,
  signedConsent: boolean,
  owner: FacilityOwner | null = null,
): Messages | null {
  if (!consentRequired(itemCode, event, owner) || signedConsent) return null;
  const clause = CONSENT_ITEMS.includes(itemCode) ? 'G-9.2.6' : 'H-7.3.8';
  return event === 'started'
    ? {
        zh: `须先向用户出示材料、配件和人工价格并由用户签字同意，才能开始施工（${clause}）`,
        en: `Show the customer the prices of materials, parts and labour and get the signed consent before starting (${clause})`,
      }
    : {
        zh: `没有用户签字同意的价目清单，收费作业不能处理完毕（${clause}）`,
        en: `Priced work cannot be completed without the customer’s signed consent to the price list (${clause})`,
      };
}
