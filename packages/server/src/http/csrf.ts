import type { FastifyRequest } from 'fastify';
import { appError } from '../core/errors.ts';

// Cross-site request forgery (issue 12). The session cookie is SameSite=Lax, which a page on another port of the same
// host (same site) gets past, and an HTML form can POST text/plain or form data without a preflight. So every
// state-changing request must (1) come from our own origin when a browser says where it comes from, and (2) carry
// a JSON body or none at all: JSON cannot be sent cross-origin without a CORS preflight, which this server never
// grants. Non-browser clients (curl, scripts) send no Origin and no Sec-Fetch-Site and pass when they send JSON.
// Payment gateways call back server-to-server in their own formats and carry no session: they are exempt.

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const EXEMPT = /^\/api\/payments\/callback\//;

/** An origin as a browser writes it: lower case, without the scheme's default port. */
function normalOrigin(origin: string): string {
  return origin.toLowerCase().replace(/^(http:\/\/[^/]+):80$|^(https:\/\/[^/]+):443$/, '$1$2');
}

/** The origin the request was sent to (scheme from trustProxy, host from Host). */
function ownOrigin(req: FastifyRequest): string {
  return normalOrigin(`${req.protocol}://${req.host}`);
}

function hasBody(req: FastifyRequest): boolean {
  const len = req.headers['content-length'];
  return (len !== undefined && len !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** onRequest hook: 403 CSRF_REJECTED for a foreign origin, 415 for a body that is not JSON. */
export async function rejectCrossSite(req: FastifyRequest): Promise<void> {
  if (!STATE_CHANGING.has(req.method) || !req.url.startsWith('/api/') || EXEMPT.test(req.url)) return;
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  // Sec-Fetch-Site is set by the browser and cannot be forged by a page; 'none' is the user's own action.
  const foreignSite = site !== undefined && site !== 'same-origin' && site !== 'none';
  const foreignOrigin = origin !== undefined && normalOrigin(origin) !== ownOrigin(req);
  if (foreignSite || (site === undefined && foreignOrigin)) {
    throw appError('CSRF_REJECTED', {
      zh: '拒绝来自其他网站的请求（跨站请求）',
      en: 'A request from another site was refused (cross-site request)',
    });
  }
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type === '' ? hasBody(req) : type !== 'application/json') {
    throw appError('UNSUPPORTED_MEDIA_TYPE', {
      zh: '不支持的内容类型，请发送 JSON（Content-Type: application/json）',
      en: 'Unsupported content type; send JSON (Content-Type: application/json)',
    });
  }
}
