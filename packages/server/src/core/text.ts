import { appError } from './errors.ts';

// Text the database cannot store, refused at the edge for every route at once (issue 12): PostgreSQL text and jsonb
// refuse a NUL character, and jsonb refuses a lone UTF-16 surrogate (\ud800 without its pair), so either one reaching
// SQL used to answer 500. One hook over the parsed body, query and path parameters, before schema validation, means
// no route can forget it.

// A NUL (the point of this check), a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex
const INVALID = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The dotted path of the first string (value or key) holding a character the database refuses, or null. */
export function findInvalidText(value: unknown, path: string): string | null {
  const at = firstInvalid(value, 0);
  return at ? [path, ...at.reverse()].join('.') : null;
}

/** The path to the first bad string, innermost segment first (built only on a hit: most bodies have none). */
function firstInvalid(value: unknown, depth: number): string[] | null {
  if (typeof value === 'string') return isStorable(value) ? null : [];
  if (value === null || typeof value !== 'object' || depth > 64 || Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = firstInvalid(value[i], depth + 1);
      if (hit) return (hit.push(String(i)), hit);
    }
    return null;
  }
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    if (!isStorable(k)) return [k.replace(INVALID_GLOBAL, '?')];
    const hit = firstInvalid((value as Record<string, unknown>)[k], depth + 1);
    if (hit) return (hit.push(k.replace(INVALID_GLOBAL, '?')), hit);
  }
  return null;
}
const INVALID_GLOBAL = new RegExp(INVALID.source, 'g');

// String.prototype.isWellFormed (ES2024, V8's native scan for lone surrogates) is about ten times faster than the
// regular expression on a large body; TypeScript's ES2023 library does not declare it yet.
const wellFormed = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;

/** No NUL and no unpaired surrogate. */
function isStorable(s: string): boolean {
  if (s.includes('\u0000')) return false;
  return wellFormed ? wellFormed.call(s) : !INVALID.test(s);
}

/** 400 TEXT_INVALID_CHARACTER naming the field, if `value` holds text the database cannot store. */
export function assertStorableText(value: unknown, path: string): void {
  const field = findInvalidText(value, path);
  if (field) throw invalidText(field);
}

export function invalidText(field: string) {
  return appError(
    'TEXT_INVALID_CHARACTER',
    {
      zh: `字段 ${field} 含有不允许的字符（空字符 U+0000 或不成对的代理项）`,
      en: `The field ${field} contains a character that is not allowed (NUL U+0000 or an unpaired surrogate)`,
    },
    [{ path: field, message: 'invalid character' }],
  );
}
