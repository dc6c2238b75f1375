// Account numbers, search text and addresses. Agents look customers up by what the caller reads out — an account
// number from a bill (G-6.2.7), a phone, part of an address — typed on Chinese keyboards that often produce
// full-width digits ('１２３') and ideographic spaces; search must treat those as the ASCII the data holds.

import type { Messages } from '../errors.ts';

// ---- search text ----

/**
 * Text as search compares it: trimmed; full-width ASCII (U+FF01–U+FF5E: digits, letters, punctuation) turned
 * half-width; the ideographic space and every run of white space collapsed to one space. Case is kept (the
 * database compares case-insensitively where it should); Chinese characters are untouched.
 */
export function normaliseForSearch(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

// ---- account numbers ----

/**
 * An account number (户号) as printed on the payment notice (G-6.2.7): 6–20 characters of A–Z, 0–9 and single
 * hyphens, starting and ending with a letter or digit. Wide enough for the numbers enterprises bring from their
 * billing systems; numbers this system issues follow `makeAccountNumber`.
 */
export const ACCOUNT_NUMBER_PATTERN = /^[A-Z0-9](?:[A-Z0-9]|-(?!-))*[A-Z0-9]$/;
const ACCOUNT_MIN = 6;
const ACCOUNT_MAX = 20;

export type AccountNumberProblem = 'empty' | 'length' | 'character';

/** null when `value` (already normalised) is a well-formed account number. */
export function accountNumberProblem(value: string): AccountNumberProblem | null {
  if (typeof value !== 'string' || value === '') return 'empty';
  if (value.length < ACCOUNT_MIN || value.length > ACCOUNT_MAX) return 'length';
  return ACCOUNT_NUMBER_PATTERN.test(value) ? null : 'character';
}

/** What a person typed → the stored form: search-normalised, spaces removed, upper case. */
export function normaliseAccountNumber(value: string): string {
  return normaliseForSearch(value).replace(/ /g, '').toUpperCase();
}

/**
 * A number this system issues: the enterprise's prefix (1–6 letters or digits) and an 8-digit sequence,
 * e.g. makeAccountNumber('ZBG', 123) → 'ZBG00000123'. Fixed width so numbers sort and read out evenly.
 */
export function makeAccountNumber(prefix: string, sequence: number): string {
  if (!/^[A-Z0-9]{1,6}$/.test(prefix)) throw new Error(`account prefix must be 1–6 of A–Z, 0–9: ${prefix}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 99_999_999) {
    throw new Error(`account sequence must be an integer 0–99999999: ${sequence}`);
  }
  return prefix + String(sequence).padStart(8, '0');
}

export const ACCOUNT_NUMBER_PROBLEM_MESSAGES: Readonly<Record<AccountNumberProblem, Messages>> = {
  empty: { zh: '户号不能为空', en: 'The account number is required' },
  length: { zh: '户号应为 6–20 位', en: 'An account number has 6–20 characters' },
  character: {
    zh: '户号只能包含大写字母、数字和单个连字符，且首尾为字母或数字',
    en: 'An account number holds only capital letters, digits and single hyphens, and starts and ends with a letter or digit',
  },
};

// ---- addresses ----

/** An address from the district down to the room, as Zibo's customer files keep it. */
export interface AddressParts {
  /** 区/县, e.g. 张店区 */
  district?: string;
  /** 街道/镇, e.g. 华光路街道 */
  street?: string;
  /** 社区/村/小区, e.g. 华光社区 */
  community?: string;
  /** 楼号: '3' → 3号楼; text with its own suffix (3幢, 3栋, 3号楼) is kept */
  building?: string | number;
  /** 单元: '2' → 2单元 */
  unit?: string | number;
  /** 楼层: 5 → 5层 (negative numbers are basements: -1 → 地下1层) */
  floor?: string | number;
  /** 室: '502' → 502室 */
  room?: string | number;
}

/**
 * '张店区 华光路街道 华光社区 3号楼 2单元 5层 502室'. Parts are separated by one space so the address reads
 * clearly aloud and splits back into its parts; empty parts are left out.
 */
export function formatAddress(parts: AddressParts): string {
  const pieces = [
    plain(parts.district),
    plain(parts.street),
    plain(parts.community),
    suffixed(parts.building, '号楼', /(号楼|楼|幢|栋|座|号)$/),
    suffixed(parts.unit, '单元', /单元$/),
    floorText(parts.floor),
    suffixed(parts.room, '室', /(室|号|户)$/),
  ];
  return pieces.filter((p): p is string => p !== undefined).join(' ');
}

function plain(value: string | undefined): string | undefined {
  const text = value === undefined ? '' : normaliseForSearch(value);
  return text === '' ? undefined : text;
}

function suffixed(value: string | number | undefined, suffix: string, hasSuffix: RegExp): string | undefined {
  const text = plain(value === undefined ? undefined : String(value));
  if (text === undefined) return undefined;
  return hasSuffix.test(text) ? text : text + suffix;
}

function floorText(value: string | number | undefined): string | undefined {
  const text = plain(value === undefined ? undefined : String(value));
  if (text === undefined) return undefined;
  if (/^-\d+$/.test(text)) return `地下${text.slice(1)}层`;
  return /(层|楼)$/.test(text) ? text : `${text}层`;
}
