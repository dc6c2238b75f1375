import type { FastifyRequest } from 'fastify';
import { findInvalidText, invalidText } from '../core/text.ts';

// The edge check of core/text.ts for every route at once (issue 12): one hook over the parsed body, query and path
// parameters, before schema validation, so no route can forget it. Routes that parse their own body (the payment
// channels' notifications) call assertStorableText on what they parse.

/** preValidation hook: 400 TEXT_INVALID_CHARACTER naming the field. */
export async function rejectInvalidText(req: FastifyRequest): Promise<void> {
  const field =
    findInvalidText(req.params, 'params') ??
    findInvalidText(req.query, 'query') ??
    findInvalidText(req.body, 'body');
  if (field) throw invalidText(field);
}
