// What makes the OpenAPI document worth generating the web's types from: an operationId on every operation (derived
// here, in one place), the error responses every operation can answer with, and named component schemas.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The body of every error answer (http/errors.ts `send`): one shape, registered as the `ApiError` component. */
export const ZApiError = z
  .object({
    code: z
      .string()
      .meta({ description: 'Stable error code, e.g. VALIDATION_FAILED, NOT_FOUND, BILL_ALREADY_PAID' }),
    message: z.string().meta({ description: 'The message in the language the request asked for' }),
    messages: z.object({ zh: z.string(), en: z.string() }),
    details: z.unknown().optional(),
  })
  .meta({ id: 'ApiError' });

const camel = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/**
 * `GET /api/notices/:id/revisions` → `getNoticesByIdRevisions`: method + path, so an id never changes unless the
 * route does, and two routes can only share one if their paths differ by punctuation alone (refused at start-up).
 */
export function operationIdFor(method: string, url: string): string {
  const parts = url
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith(':') ? 'By' + camel(seg.slice(1)) : seg === '*' ? 'Wildcard' : camel(seg)));
  return method.toLowerCase() + parts.join('');
}

/** Gives every API route without one an operationId; a duplicate stops the start-up with both routes named. */
export function deriveOperationIds(app: FastifyInstance): void {
  const seen = new Map<string, string>();
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // HEAD routes are Fastify's automatic copies of GETs and are not in the document.
    if (!route.url.startsWith('/api/') || methods.includes('HEAD') || route.schema?.hide) return;
    const method = methods[0]!;
    const id =
      (route.schema as { operationId?: string } | undefined)?.operationId ??
      operationIdFor(method, route.url);
    const where = `${method} ${route.url}`;
    const other = seen.get(id);
    if (other) throw new Error(`Duplicate OpenAPI operationId "${id}": ${other} and ${where}`);
    seen.set(id, where);
    // A fresh object: the schema may be shared with the route's automatic HEAD copy.
    route.schema = { ...route.schema, operationId: id } as RouteOptions['schema'];
  });
}

const ERROR_TEXT: Record<number, string> = {
  400: 'VALIDATION_FAILED or BAD_REQUEST: the request does not match the schema',
  401: 'AUTH_REQUIRED: not signed in, or the session expired',
  403: 'FORBIDDEN: the role or enterprise may not do this',
  404: 'NOT_FOUND: no such record in the caller’s scope',
  409: 'CONFLICT, VERSION_CONFLICT or DUPLICATE: the record changed or already exists',
  422: 'A business rule refuses the request (code names the rule)',
};

/** The error statuses an operation documents: only those its kind of route can answer with. */
export function errorStatuses(method: string, url: string, isPublic: boolean): number[] {
  const out = [400];
  if (!isPublic) out.push(401, 403);
  if (url.includes(':') || url.includes('{')) out.push(404);
  if (method !== 'GET') out.push(409, 422);
  return out;
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** jsonSchemaTransform plus the documented error responses; the runtime validation and serialization are untouched. */
export const openApiTransform: typeof jsonSchemaTransform = (doc: TransformInput) => {
  const schema = doc.schema as Record<string, unknown> | undefined;
  if (!schema || schema.hide) return jsonSchemaTransform(doc);
  const response = { ...(schema.response as Record<string, unknown> | undefined) };
  const isPublic = Array.isArray(schema.security) && schema.security.length === 0;
  const method = String((doc.route as { method?: string | string[] } | undefined)?.method ?? 'GET');
  for (const status of errorStatuses(method, doc.url, isPublic)) {
    response[status] ??= {
      description: ERROR_TEXT[status],
      content: { 'application/json': { schema: ZApiError } },
    };
  }
  const out = jsonSchemaTransform({ ...doc, schema: { ...schema, response } as TransformInput['schema'] });
  // A 204 has no body: `type: 'null'` is how @fastify/swagger is told to document none.
  const documented = (out.schema as { response?: Record<string, { description?: string }> }).response;
  if (documented?.[204])
    documented[204] = { type: 'null', description: documented[204].description } as never;
  return out;
};

/** The response entry of a route that answers 204 with no body (the description is what the document shows). */
export const noContent = (description: string) => z.any().describe(description);

/** The response entry of a route that sends a file, in one of `types`. */
export const fileResponse = (types: string[], description: string) => ({
  description,
  // z.any: the handler sends a Buffer, which Fastify never serializes; the document still says binary.
  content: Object.fromEntries(
    types.map((t) => [t, { schema: z.any().meta({ type: 'string', format: 'binary' }) }]),
  ),
});

/**
 * jsonSchemaTransformObject, less the component schemas nothing refers to: every registered schema gets an input and
 * an output copy, and an output-only one (ApiError) would leave its input copy unused.
 */
export const openApiTransformObject: typeof jsonSchemaTransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input) as { components?: { schemas?: Record<string, unknown> } };
  const schemas = doc.components?.schemas;
  if (schemas) {
    const text = JSON.stringify({ ...doc, components: { ...doc.components, schemas: {} } });
    for (const name of Object.keys(schemas)) {
      if (!text.includes(`"#/components/schemas/${name}"`)) delete schemas[name];
    }
  }
  return doc as ReturnType<typeof jsonSchemaTransformObject>;
};
