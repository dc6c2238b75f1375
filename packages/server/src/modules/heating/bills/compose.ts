import {
  centiM2FromDecimal,
  priceInEffect,
  seasonBillLines,
  suspendedSeasonFee,
  toShanghaiDate,
  type HeatingPrice,
  type HeatingRules,
} from '@ranre/domain';
import { priceClass, type PriceRow, type SeasonRow } from '../seasons/seasons.repository.ts';
import type { HeatingAccount } from './bills.repository.ts';

// One account's season bill (H-7.2.1): area price, or the two-part tariff for a metered account; a faulty meter
// bills by area (H-7.2.4.3); a suspension accepted in time bills the suspended fee (H-7.1.7, rule of H-7.2.2).

export type SkipReason = 'no_area' | 'no_price' | 'already_billed';
export type ComposedBill =
  | {
      ok: true;
      method: 'area' | 'two_part' | 'suspended';
      lines: Record<string, unknown>[];
      amountFen: number;
      note: string;
    }
  | { ok: false; reason: SkipReason };

export interface BillingInputs {
  season: SeasonRow;
  prices: PriceRow[];
  rules: HeatingRules;
  metered: Set<string>;
  whOf: Map<string, number>;
  areaBilled: Set<string>;
  suspendedOn: Map<string, string>;
}

export function priceOf(prices: PriceRow[], kind: string, method: HeatingPrice['method'], on: string) {
  const rows = prices.filter(
    (p) => p.customerClass === priceClass(kind, method) && p.heating?.method === method,
  );
  const row = priceInEffect(rows, on);
  return row ? { row, price: row.heating as HeatingPrice } : undefined;
}

export function composeSeasonBill(account: HeatingAccount, inputs: BillingInputs): ComposedBill {
  const { season, prices, rules } = inputs;
  const centiM2 = centiM2FromDecimal(account.heatedAreaM2);
  if (!centiM2) return { ok: false, reason: 'no_area' };
  const area = priceOf(prices, account.kind, 'area', season.startsOn);
  const twoPart = priceOf(prices, account.kind, 'two_part', season.startsOn);
  const areaLines = area ? seasonBillLines({ price: area.price, centiM2 }) : undefined;
  const areaFee = areaLines?.[0]?.amountFen;

  const acceptedOn = inputs.suspendedOn.get(account.id);
  if (acceptedOn && areaFee !== undefined) {
    const s = suspendedSeasonFee(rules, {
      areaSeasonFeeFen: areaFee,
      acceptedOn,
      seasonStartsOn: season.startsOn,
    });
    if (s.applies) {
      return {
        ok: true,
        method: 'suspended',
        amountFen: s.amountFen,
        lines: [
          {
            part: 'suspended',
            quantity: centiM2,
            unit: 'centi_m2',
            price: area!.price.method === 'area' ? area!.price.fenPerM2PerSeason : 0,
            bpsOfAreaFee: rules.suspendedFee.bpsOfAreaFee,
            areaFeeFen: areaFee,
            suspensionAcceptedOn: acceptedOn,
            amountFen: s.amountFen,
            priceId: area!.row.id,
          },
        ],
        note: `报停（${acceptedOn} 受理）按面积热费的 ${rules.suspendedFee.bpsOfAreaFee / 100}% 计收 / suspended`,
      };
    }
  }
  const useMeter = inputs.metered.has(account.id) && !inputs.areaBilled.has(account.id) && twoPart;
  if (useMeter) {
    const wh = inputs.whOf.get(account.id);
    const lines = seasonBillLines({ price: twoPart.price, centiM2, meteredWh: wh });
    return {
      ok: true,
      method: 'two_part',
      amountFen: lines.reduce((s, l) => s + l.amountFen, 0),
      lines: lines.map((l) => ({ ...l, priceId: twoPart.row.id })),
      note:
        wh === undefined
          ? '两部制：基本热费，计量热费采暖期后结算 / base part; metered part settled after the season'
          : '两部制 / two-part',
    };
  }
  if (!areaLines) return { ok: false, reason: 'no_price' };
  return {
    ok: true,
    method: 'area',
    amountFen: areaFee!,
    lines: areaLines.map((l) => ({ ...l, priceId: area!.row.id })),
    note: inputs.areaBilled.has(account.id)
      ? '热表故障，按面积计费（H-7.2.4.3） / faulty meter: by area'
      : '',
  };
}

/**
 * The day each account's suspension was accepted, when it still holds at the season start: the latest suspension
 * order received within a year before the start, with no resumption order received after it by the start.
 */
export function suspendedAccounts(
  orders: { itemCode: string; customerId: string | null; receivedAt: Date }[],
  seasonStartsOn: string,
): Map<string, string> {
  const out = new Map<string, string>();
  const yearBefore = `${Number(seasonStartsOn.slice(0, 4)) - 1}${seasonStartsOn.slice(4)}`;
  for (const o of orders) {
    if (!o.customerId) continue;
    const day = toShanghaiDate(o.receivedAt);
    if (day > seasonStartsOn || day <= yearBefore) continue;
    if (o.itemCode === 'heating_suspension') out.set(o.customerId, day);
    else out.delete(o.customerId);
  }
  return out;
}
