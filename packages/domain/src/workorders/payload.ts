// Small payload checks shared by the effects: each names the missing or invalid field and why it is needed,
// so the person recording the event knows what to add.

import type { Messages } from '../errors.ts';
import { type ErrorPlace, payloadInvalid, payloadMissing } from './errors.ts';

export const hasText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export const isInstant = (value: unknown): value is Date =>
  value instanceof Date && !Number.isNaN(value.getTime());

export function requireText(place: ErrorPlace, field: string, value: unknown, why: Messages): string {
  if (!hasText(value)) throw payloadMissing(place, field, why);
  return value.trim();
}

export function requireInstant(place: ErrorPlace, field: string, value: unknown, why: Messages): Date {
  if (value === undefined || value === null) throw payloadMissing(place, field, why);
  if (!isInstant(value))
    throw payloadInvalid(place, field, { zh: '不是有效的时间', en: 'not a valid instant' });
  return value;
}

export function requireOneOf<T extends string>(
  place: ErrorPlace,
  field: string,
  value: unknown,
  allowed: readonly T[],
  why: Messages,
): T {
  if (value === undefined || value === null || value === '') throw payloadMissing(place, field, why);
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw payloadInvalid(place, field, {
      zh: `应为 ${allowed.join('、')} 之一`,
      en: `expected one of ${allowed.join(', ')}`,
    });
  }
  return value as T;
}

export function requireObject(
  place: ErrorPlace,
  field: string,
  value: unknown,
  why: Messages,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw payloadMissing(place, field, why);
  return value as Record<string, unknown>;
}

/** An optional text field: absent is fine, present must be a string. */
export function optionalText(place: ErrorPlace, field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw payloadInvalid(place, field, { zh: '应为文本', en: 'must be text' });
  return value.trim() === '' ? undefined : value.trim();
}

export function optionalTextList(place: ErrorPlace, field: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every(hasText)) {
    throw payloadInvalid(place, field, { zh: '应为非空文本的列表', en: 'must be a list of non-empty texts' });
  }
  return value.map((item: string) => item.trim());
}
