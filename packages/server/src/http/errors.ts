import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '@ranre/domain';
import { pgCode, type Messages } from '../core/errors.ts';

/** Every error code the API can answer with, and its HTTP status: the only place a status is chosen. */
const STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  AUTH_REQUIRED: 401,
  AUTH_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  AUTH_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};
/** Domain rule codes not in the table are a user's request the rules refuse: 422. */
const DEFAULT_DOMAIN_STATUS = 422;

function pickMessage(req: FastifyRequest, m: Messages): string {
  const lang = String(req.headers['accept-language'] ?? '').toLowerCase();
  return lang.startsWith('en') ? m.en : m.zh;
}

function send(req: FastifyRequest, reply: FastifyReply, code: string, messages: Messages, details?: unknown) {
  const status = STATUS[code] ?? DEFAULT_DOMAIN_STATUS;
  const body: Record<string, unknown> = { code, message: pickMessage(req, messages), messages };
  if (details !== undefined) body.details = details;
  return reply.status(status).send(body);
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) return send(req, reply, err.code, err.messages, err.details);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: [err.validationContext, v.instancePath.replace(/^\//, '')]
        .filter(Boolean)
        .join('.')
        .replace(/\//g, '.'),
      message: v.message ?? 'invalid',
    }));
    return send(
      req,
      reply,
      'VALIDATION_FAILED',
      { zh: '请求数据不符合要求：' + summary(details), en: 'The request is not valid: ' + summary(details) },
      details,
    );
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(req, reply, 'BODY_TOO_LARGE', { zh: '请求体过大', en: 'The request body is too large' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(req, reply, 'UNSUPPORTED_MEDIA_TYPE', {
        zh: '不支持的内容类型，请发送 JSON',
        en: 'Unsupported content type; send JSON',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return send(req, reply, 'BAD_REQUEST', {
        zh: '请求体不是有效的 JSON',
        en: 'The body is not valid JSON',
      });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return send(req, reply, 'BAD_REQUEST', {
      zh: '请求无效：' + err.message,
      en: 'Bad request: ' + err.message,
    });
  }
  // A unique violation comes from a user's duplicate value, not a server fault.
  const pg = pgCode(err);
  if (pg === '23505') {
    return send(req, reply, 'DUPLICATE', {
      zh: '记录已存在（唯一值重复）',
      en: 'A record with this value already exists',
    });
  }
  req.log.error({ err }, 'unhandled error');
  return send(req, reply, 'INTERNAL', { zh: '服务器内部错误', en: 'Internal server error' });
}

function summary(details: { path: string; message: string }[]): string {
  return details
    .slice(0, 3)
    .map((d) => `${d.path || '/'} ${d.message}`)
    .join('; ');
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return send(req, reply, 'NOT_FOUND', { zh: '接口不存在', en: `No route ${req.method} ${req.url}` });
}
