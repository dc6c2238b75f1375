import type { FastifyRequest } from 'fastify';

/**
 * The Content-Security-Policy of every answer (issue 12), fitted to what the UI and the API docs load:
 * - scripts: only our own files (Vite emits module scripts and no inline script; swagger-ui's are files too);
 * - styles: Ant Design and swagger-ui inject <style> and style attributes at run time, hence 'unsafe-inline' for
 *   styles only;
 * - images: our own, data: (the favicon, signature previews, swagger-ui's icons) and blob:; ECharts draws on a
 *   canvas and needs nothing more;
 * - no plugins, no <base> elsewhere, forms post only here, and no other site may frame a page (clickjacking).
 * No upgrade-insecure-requests: a plain-HTTP installation on a LAN address would fail to load its own files.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The general limit counts per signed-in user (many users may share an office's address), else per address. It runs
 * once the session is resolved, so a made-up cookie does not buy a fresh allowance.
 */
export function rateLimitKey(req: FastifyRequest): string {
  return req.actor ? 'u:' + req.actor.id : 'a:' + req.ip;
}
