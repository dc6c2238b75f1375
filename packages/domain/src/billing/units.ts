// Units shared by billing: volumes are integer LITRES (1 m³ = 1000 L, so 0.001 m³ resolution, what a gas
// meter's last drum shows); money is integer FEN (分); unit prices are integer fen per m³ (3.26 元/m³ = 326).
// No float ever holds money: amounts are computed as litres × fen/m³ (an exact integer in 1/1000 fen) and
// divided by 1000 once, rounding half-up (half away from zero for negative values).

import { domainError } from '../errors.ts';

export type Litres = number;
export type Fen = number;
export type FenPerM3 = number;

export const LITRES_PER_M3 = 1000;

/** round(numerator / denominator), halves away from zero; denominator > 0; integers only. */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const result = Math.floor((2 * abs + denominator) / (2 * denominator));
  return sign * result === 0 ? 0 : sign * result;
}

/** The exact amount of `litres` at `price` in 1/1000 fen (an integer). */
export function milliFen(litres: Litres, price: FenPerM3): number {
  return litres * price;
}

/** Amount in fen of `litres` at `price`, half-up. */
export function amountFen(litres: Litres, price: FenPerM3): Fen {
  return divRoundHalfUp(milliFen(litres, price), LITRES_PER_M3);
}

export function assertWholeNonNegative(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw domainError(
      'BILLING_AMOUNT_INVALID',
      `${what} 必须是非负整数（体积以升计，金额以分计），收到「${String(value)}」。`,
      `${what} must be a non-negative whole number (volumes in litres, money in fen); got "${String(value)}".`,
      { what, value },
    );
  }
}

export function assertWhole(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw domainError(
      'BILLING_AMOUNT_INVALID',
      `${what} 必须是整数（体积以升计，金额以分计），收到「${String(value)}」。`,
      `${what} must be a whole number (volumes in litres, money in fen); got "${String(value)}".`,
      { what, value },
    );
  }
}

/** '12.345 m³' from litres. */
export function formatM3(litres: Litres): string {
  const sign = litres < 0 ? '-' : '';
  const abs = Math.abs(litres);
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')} m³`;
}

/** '¥12.34' from fen. */
export function formatFen(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
