import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '@ranre/domain';
import { pgCode, type Messages } from '../core/errors.ts';

/** Every error code the API can answer with, and its HTTP status: the only place a status is chosen. */
const STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  TEXT_INVALID_CHARACTER: 400,
  VALUE_INVALID: 400,
  CSRF_REJECTED: 403,
  AUTH_REQUIRED: 401,
  AUTH_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  EVALUATION_PERIOD_INVALID: 400,
  EVALUATION_INDICATOR_UNKNOWN: 400,
  EVALUATION_SEASON_UNKNOWN: 404,
  EVALUATION_PERIOD_CLOSED: 409,
  EVALUATION_PERIOD_NOT_CLOSED: 409,
  DUPLICATE: 409,
  CYLINDER_CODE_TAKEN: 409,
  VEHICLE_PLATE_TAKEN: 409,
  DISPENSER_NUMBER_TAKEN: 409,
  DISPENSER_NOT_VERIFIED: 409,
  VEHICLE_FILL_RECORDED: 409,
  CYLINDER_DELIVERY_RECORDED: 409,
  CYLINDER_RESIDUE_RECORDED: 409,
  CYLINDER_DELIVERY_CLOSED: 409,
  VEHICLE_FILL_RECEIPT_ISSUED: 409,
  CYLINDER_PRICE_LIST_EXISTS: 409,
  PLAN_EXISTS: 409,
  CERTIFICATE_EXISTS: 409,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  AUTH_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  GATEWAY_KEY_INVALID: 401,
  GATEWAY_KEY_EXISTS: 409,
  DUTY_STAFF_UNKNOWN: 422,
  EMERGENCY_PLAN_KIND_MISMATCH: 422,
  EMERGENCY_PLAN_ALREADY_REVISED: 409,
  INCIDENT_CLOSED: 409,
  INCIDENT_POLICE_REQUIRED: 422,
  INCIDENT_AFTERMATH_MISSING: 422,
  WARNING_LEVEL_UNCHANGED: 409,
  CLAIM_EXCLUDED: 422,
  CLAIM_PAID: 409,
  CLAIM_NOT_AGREED: 422,
  OUTAGE_ALREADY_RESTORED: 409,
  // Issue 15 (migration 0041): one repair order per hazard (G-5.11.7); a closed hazard is not repaired again.
  REPAIR_ORDER_EXISTS: 409,
  HAZARD_CLOSED: 409,
  CESSATION_OPEN: 409,
  CESSATION_STEP_DONE: 409,
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
  if (err.statusCode === 429) {
    return send(req, reply, 'RATE_LIMITED', {
      zh: '请求过于频繁，请稍后再试',
      en: 'Too many requests; please try again later',
    });
  }
  // Fastify's own 4xx errors describe the request, not the server, so their text may be shown; any other error's
  // text may hold SQL or a stack and never reaches the client (issue 12).
  const pg = pgCode(err);
  if (!pg && err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const own = err.code?.startsWith('FST_');
    return send(req, reply, 'BAD_REQUEST', {
      zh: '请求无效' + (own ? '：' + err.message : ''),
      en: 'Bad request' + (own ? ': ' + err.message : ''),
    });
  }
  // A unique violation comes from a user's duplicate value, not a server fault.
  if (pg === '23505') {
    return send(req, reply, 'DUPLICATE', {
      zh: '记录已存在（唯一值重复）',
      en: 'A record with this value already exists',
    });
  }
  // Class 22 (data exception: a value out of range, a malformed number or date, text the column cannot hold) is a
  // value the user sent; the database's wording names SQL, so the answer is generic.
  if (pg?.startsWith('22')) {
    req.log.warn({ err }, 'data exception');
    return send(req, reply, 'VALUE_INVALID', {
      zh: '请求中的某个值无法保存（超出范围或格式不正确）',
      en: 'A value in the request cannot be stored (out of range or malformed)',
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
