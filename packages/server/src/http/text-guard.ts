import type { FastifyRequest } from 'fastify';
import { appError } from './errors.ts';

// Text the database cannot store, refused at the edge for every route at once (issue 12): PostgreSQL text and jsonb
// refuse a NUL character, and jsonb refuses a lone UTF-16 surrogate (\ud800 without its pair), so either one reaching
// SQL used to answer 500. One hook over the parsed body, query and path parameters, before schema validation, means
// no route can forget it.

// A NUL (the point of this check), a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex
const INVALID = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The dotted path of the first string (value or key) holding a character the database refuses, or null. */
export function findInvalidText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return INVALID.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findInvalidText(value[i], `${path}.${i}`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const at = `${path}.${k.replace(INVALID_GLOBAL, '?')}`;
    if (INVALID.test(k)) return at;
    const hit = findInvalidText(v, at, depth + 1);
    if (hit) return hit;
  }
  return null;
}
const INVALID_GLOBAL = new RegExp(INVALID.source, 'g');

/** preValidation hook: 400 TEXT_INVALID_CHARACTER naming the field. */
export async function rejectInvalidText(req: FastifyRequest): Promise<void> {
  const field =
    findInvalidText(req.params, 'params') ??
    findInvalidText(req.query, 'query') ??
    findInvalidText(req.body, 'body');
  if (!field) return;
  throw appError(
    'TEXT_INVALID_CHARACTER',
    {
      zh: `字段 ${field} 含有不允许的字符（空字符 U+0000 或不成对的代理项）`,
      en: `The field ${field} contains a character that is not allowed (NUL U+0000 or an unpaired surrogate)`,
    },
    [{ path: field, message: 'invalid character' }],
  );
}
