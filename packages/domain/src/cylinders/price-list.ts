// G-7.2.1, G-7.1.7 (self-service orders): the bottled-gas company's published price list — per cylinder model its
// fill and price, and the delivery fee — as data with the day it takes effect. A list is never edited: a later one
// supersedes it, and the history stays published. An order is priced by the list in force on the day it is placed.

export interface CylinderPriceItem {
  /** The cylinder model as marked (YSP4.7, YSP35.5, YSP118). */
  model: string;
  /** The gas in a full cylinder of this model, in grams (14.5 kg is 14500). */
  fillG: number;
  /** The price of one full cylinder, in fen. */
  priceFen: number;
}

export interface CylinderPriceList {
  id: string;
  /** Asia/Shanghai date (YYYY-MM-DD) from which the list applies. */
  effectiveFrom: string;
  items: CylinderPriceItem[];
  /** The delivery fee of one order, in fen (0: free delivery). */
  deliveryFeeFen: number;
}

export type PriceListStatus = 'scheduled' | 'in_force' | 'superseded';

/** The list in force on `day`: the latest that has started. Lists in any order. */
export function priceListInForce<T extends { effectiveFrom: string }>(
  lists: readonly T[],
  day: string,
): T | null {
  let best: T | null = null;
  for (const l of lists) {
    if (l.effectiveFrom <= day && (!best || l.effectiveFrom > best.effectiveFrom)) best = l;
  }
  return best;
}

/** Each list's status on `day`, and the last day it applied (the day before its successor starts). */
export function priceListStatus<T extends { effectiveFrom: string }>(
  lists: readonly T[],
  list: T,
  day: string,
): PriceListStatus {
  if (list.effectiveFrom > day) return 'scheduled';
  return priceListInForce(lists, day) === list ? 'in_force' : 'superseded';
}

export const BOTTLED_ORDER_MAX_CYLINDERS = 5;

/** Why a list cannot be published, or null: at least one model, no model twice, positive fills, prices ≥ 0. */
export function cylinderPriceListProblem(input: {
  items: readonly CylinderPriceItem[];
  deliveryFeeFen: number;
  effectiveFrom: string;
  today: string;
}): { zh: string; en: string; field: string } | null {
  if (input.effectiveFrom < input.today) {
    return {
      zh: '价目表不能追溯生效：生效日期不得早于今天，已生效的价目表由新表替代',
      en: 'A price list cannot take effect in the past: a list in force is superseded by a new one',
      field: 'effectiveFrom',
    };
  }
  if (input.items.length === 0) {
    return { zh: '价目表至少列出一种钢瓶规格', en: 'List at least one cylinder model', field: 'items' };
  }
  const seen = new Set<string>();
  for (const i of input.items) {
    if (seen.has(i.model)) {
      return { zh: `规格 ${i.model} 重复`, en: `Model ${i.model} is listed twice`, field: 'items' };
    }
    seen.add(i.model);
    if (i.fillG <= 0 || i.priceFen < 0) {
      return {
        zh: `规格 ${i.model} 的充装量或价格无效`,
        en: `Model ${i.model} has no valid fill or price`,
        field: 'items',
      };
    }
  }
  if (input.deliveryFeeFen < 0) {
    return { zh: '送气费不能为负', en: 'The delivery fee cannot be negative', field: 'deliveryFeeFen' };
  }
  return null;
}

export interface BottledQuote {
  priceListId: string;
  model: string;
  fillG: number;
  quantity: number;
  unitPriceFen: number;
  deliveryFeeFen: number;
  totalFen: number;
}

/** Prices an order of `quantity` cylinders of `model` on the list in force; an error when the list lacks it. */
export function quoteBottledOrder(
  list: CylinderPriceList | null,
  model: string,
  quantity: number,
): { ok: true; quote: BottledQuote } | { ok: false; code: string; message: { zh: string; en: string } } {
  if (!list) {
    return {
      ok: false,
      code: 'BOTTLED_PRICE_LIST_MISSING',
      message: {
        zh: '该公司尚未公布瓶装气价目表，暂不能在线订气，请致电客服',
        en: 'The company has published no price list yet: order by phone',
      },
    };
  }
  const item = list.items.find((i) => i.model === model);
  if (!item) {
    return {
      ok: false,
      code: 'BOTTLED_MODEL_NOT_LISTED',
      message: {
        zh: `现行价目表没有 ${model} 规格`,
        en: `The price list in force has no ${model} cylinders`,
      },
    };
  }
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > BOTTLED_ORDER_MAX_CYLINDERS) {
    return {
      ok: false,
      code: 'BOTTLED_QUANTITY_INVALID',
      message: {
        zh: `每单 1–${BOTTLED_ORDER_MAX_CYLINDERS} 瓶`,
        en: `Order 1 to ${BOTTLED_ORDER_MAX_CYLINDERS} cylinders`,
      },
    };
  }
  return {
    ok: true,
    quote: {
      priceListId: list.id,
      model: item.model,
      fillG: item.fillG,
      quantity,
      unitPriceFen: item.priceFen,
      deliveryFeeFen: list.deliveryFeeFen,
      totalFen: item.priceFen * quantity + list.deliveryFeeFen,
    },
  };
}
