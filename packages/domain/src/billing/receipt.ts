// Receipts (G-6.2.8, G-7.1.7, G-8.1.3: a lawful receipt for every payment): numbered per enterprise, in order,
// and with the amount in Chinese capital numerals (大写金额) as on any Chinese receipt. Money in integer fen.

import { assertWholeNonNegative } from './units.ts';
import type { Fen } from './units.ts';

export const RECEIPT_PREFIX = 'SJ';
const SEQ_DIGITS = 6;

/** 'SJ' + YYYYMM + a 6-digit sequence within the month: unique and ordered per enterprise. */
export function receiptNumber(yearMonth: string, seq: number): string {
  assertWholeNonNegative(seq, 'receipt sequence');
  return `${RECEIPT_PREFIX}${yearMonth.replace('-', '')}${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

/** The sequence part of a receipt number issued in `yearMonth`, or 0 for none. */
export function receiptSequence(receiptNo: string | null | undefined): number {
  if (!receiptNo) return 0;
  return Number(receiptNo.slice(RECEIPT_PREFIX.length + 6)) || 0;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '兆'];

function integerPart(n: number): string {
  if (n === 0) return '零';
  const groups: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 10000)) groups.push(v % 10000);
  let out = '';
  let zero = false;
  for (let g = groups.length - 1; g >= 0; g -= 1) {
    const group = groups[g]!;
    if (group === 0) {
      zero = out !== '';
      continue;
    }
    if (out !== '' && (zero || group < 1000)) out += '零';
    zero = false;
    let inner = '';
    let innerZero = false;
    for (let i = 3; i >= 0; i -= 1) {
      const d = Math.floor(group / 10 ** i) % 10;
      if (d === 0) {
        innerZero = inner !== '';
        continue;
      }
      if (innerZero) inner += '零';
      innerZero = false;
      inner += DIGITS[d]! + SMALL[i]!;
    }
    out += inner + BIG[g]!;
  }
  return out;
}

/** 12345 fen → '壹佰贰拾叁元肆角伍分'; whole yuan end in '整'. */
export function amountInWords(fen: Fen): string {
  assertWholeNonNegative(fen, 'amount');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const f = fen % 10;
  if (fen === 0) return '零元整';
  let out = yuan > 0 ? `${integerPart(yuan)}元` : '';
  if (jiao === 0 && f === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (f > 0) out += `${DIGITS[f]}分`;
  else out += '整';
  return out;
}
