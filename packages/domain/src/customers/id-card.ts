// Chinese resident identity card number (公民身份号码), GB 11643-1999: 6-digit region code, 8-digit birth date,
// 3-digit sequence, 1 check character (ISO 7064 MOD 11-2). Checked where a contract or connection application
// names its holder (G-5.3.3, H-7.1.5); shown masked unless the role needs it (G-5.7.6, H-7.6.6.3).

import { assertInstant, toShanghaiDate } from '../time/shanghai.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/**
 * First two digits of the region code (GB/T 2260 provinces). The full six-digit table changes every year as
 * counties merge, and old cards keep their old codes, so only the province is checked.
 * 71 is Taiwan in GB/T 2260; 81, 82, 83 are the residence permits for Hong Kong, Macao and Taiwan residents.
 */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);
/** Residence permits carry the bare province code (810000…); a resident card names a city and county. */
const PERMIT_PROVINCES = new Set(['81', '82', '83']);
/** Nobody living who holds a card was born before this (the card system started in 1984). */
const EARLIEST_BIRTH_YEAR = 1900;

/**
 * What is wrong with an ID number, or null when it is valid. A bad region code counts as 'format'.
 * Strict about the exact text: trim and upper-case the 'x' with `normaliseIdCard` first.
 * With `now`, a birth date after today (Asia/Shanghai) is a 'birth_date' problem too.
 */
export type IdCardProblem = 'length' | 'format' | 'birth_date' | 'check';

export function idCardProblem(value: string, now?: Date): IdCardProblem | null {
  if (typeof value !== 'string' || value.length !== 18) return 'length';
  if (!SHAPE.test(value)) return 'format';
  const province = value.slice(0, 2);
  if (!PROVINCES.has(province)) return 'format';
  if (value.slice(2, 6) === '0000' && !PERMIT_PROVINCES.has(province)) return 'format';
  const birth = idCardBirthDate(value);
  if (!birth) return 'birth_date';
  if (now !== undefined) {
    assertInstant(now);
    if (birth > toShanghaiDate(now)) return 'birth_date';
  }
  return idCardCheckDigit(value.slice(0, 17)) === value[17] ? null : 'check';
}

/** Trims, turns full-width digits and 'Ｘ' into ASCII, and upper-cases a trailing 'x' (people type it both ways). */
export function normaliseIdCard(value: string): string {
  return value
    .trim()
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The check character for 17 digits, or null when they are not 17 digits. */
export function idCardCheckDigit(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/** Builds a valid number from 17 digits: for demo data and tests. */
export function withIdCardCheckDigit(first17: string): string {
  const check = idCardCheckDigit(first17);
  if (!check) throw new Error(`not an ID number body (17 digits expected): ${first17}`);
  return first17 + check;
}

/** 'YYYY-MM-DD' of the birth date in an 18-character number, or undefined when it is not a real date. */
export function idCardBirthDate(value: string): string | undefined {
  const digits = value.slice(6, 14);
  if (!/^\d{8}$/.test(digits)) return undefined;
  const [year, month, day] = [
    Number(digits.slice(0, 4)),
    Number(digits.slice(4, 6)),
    Number(digits.slice(6)),
  ];
  if (year < EARLIEST_BIRTH_YEAR) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 02-30 over to 03-02; a real date survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}

/**
 * Keeps the first 6 (region) and last 4 characters: 370303********1234 (G-5.7.6, H-7.6.6.3: customer data is
 * shown only as far as the task needs). Short or odd values are masked all but their last 4.
 */
export function maskIdCard(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  if (value.length <= 10) return '*'.repeat(Math.max(0, value.length - 4)) + value.slice(-4);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}
