import { DomainError } from '@ranre/domain';

// Errors as codes with Chinese and English messages; the HTTP status for each code is chosen in http/errors.ts.

export type Messages = { zh: string; en: string };

export function appError(code: string, messages: Messages, details?: unknown): DomainError {
  return new DomainError(code, messages, details);
}

export const notFound = (what: string) =>
  appError('NOT_FOUND', { zh: `未找到${what === 'resource' ? '' : '：' + what}`, en: `Not found: ${what}` });
export const forbidden = () =>
  appError('FORBIDDEN', { zh: '无权执行此操作', en: 'You are not allowed to do this' });

/** The SQLSTATE of a database error (the driver's, or the one drizzle wraps as its cause). */
export function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const c =
    typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : undefined;
  return c && /^[0-9A-Z]{5}$/.test(c) ? c : undefined;
}
