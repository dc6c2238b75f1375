import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CATALOGUE, DomainError } from '@ranre/domain';
import type { AppContext } from '../../../core/context.ts';
import { CylinderService } from '../../gas/cylinders/cylinders.service.ts';
import { published } from '../../service/catalogue/catalogue.routes.ts';
import { StatementService } from '../../oversight/statements/statements.service.ts';
import { NoticeService } from '../../service/notices/notices.service.ts';
import { PublicInfoService } from '../public-info/public-info.service.ts';
import { cataloguePage, cylinderLookupPage, noticeBoardPage, type Sector } from './more-pages.render.ts';
import { enterprisePage, enterprisesPage, esc, page } from './public-pages.render.ts';

const CYLINDER_CODE = /^[A-Za-z0-9-]{4,40}$/;
/** A query value as one short string ('' when absent, repeated or not a string). */
const param = (query: unknown, name: string, max = 80): string => {
  const v = (query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
};
const sectorOf = (v: string): Sector | null => (v === 'gas' || v === 'heating' ? v : null);

/** The public pages a search engine may index (robots.txt); everything else is the API or the signed-in app. */
const PUBLIC_PATHS = ['/info', '/catalogue', '/notice-board', '/cylinder-lookup'];
/** This server's origin as the request reached it (behind the proxy when trustProxy is set); a malformed host is dropped. */
const origin = (req: FastifyRequest) => {
  const host = /^[A-Za-z0-9.-]+(:\d+)?$/.test(req.host) ? req.host : 'localhost';
  return `${req.protocol}://${host}`;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sends the page compressed as the browser accepts it: on 400 kbit/s every kilobyte is 20 ms. */
function send(req: FastifyRequest, reply: FastifyReply, status: number, html: string) {
  const accepts = String(req.headers['accept-encoding'] ?? '');
  reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('vary', 'accept-encoding')
    // Public data changes rarely; a minute of caching spares the phone a round trip on back and forth.
    .header('cache-control', 'public, max-age=60');
  if (/\bbr\b/.test(accepts)) {
    return reply
      .header('content-encoding', 'br')
      .send(brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }));
  }
  if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(gzipSync(html));
  return reply.send(html);
}

const notFound = () =>
  page('未找到', '<section><h1>未找到该企业</h1><p><a href="/info">返回企业列表</a></p></section>');

/**
 * The public enterprise pages served as HTML from the server (issue 16: fast on a slow phone network, indexable):
 * `/info` and `/info/:id`, and the service guide, the notice board and the cylinder lookup, no sign-in. Registered
 * outside `/api`, so a first visit gets HTML of a few kilobytes instead of the web app's bundle; the web app keeps its
 * own versions for in-app navigation (the guide inside the app is `/guide`), reading the same API.
 */
export async function publicPageRoutes(app: FastifyInstance, ctx: AppContext) {
  const service = new PublicInfoService(ctx);
  const statements = new StatementService(ctx);
  app.get('/info', { schema: { hide: true } }, async (req, reply) =>
    send(req, reply, 200, enterprisesPage((await service.enterprises()).items)),
  );
  app.get<{ Params: { id: string } }>('/info/:id', { schema: { hide: true } }, async (req, reply) => {
    if (!UUID.test(req.params.id)) return send(req, reply, 404, notFound());
    try {
      const info = await service.info(req.params.id);
      const { items: results } = await statements.published(req.params.id);
      return send(req, reply, 200, enterprisePage(info, results));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') return send(req, reply, 404, notFound());
      throw e;
    }
  });
  // Indexable (issue 16): the public pages are open to search engines, the API and the signed-in app are not.
  app.get('/robots.txt', { schema: { hide: true } }, async (req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(
        [
          'User-agent: *',
          ...PUBLIC_PATHS.map((p) => `Allow: ${p}`),
          'Disallow: /',
          `Sitemap: ${origin(req)}/sitemap.xml`,
          '',
        ].join('\n'),
      ),
  );
  app.get('/sitemap.xml', { schema: { hide: true } }, async (req, reply) => {
    const base = origin(req);
    const { items } = await service.enterprises();
    const paths = [
      '/info',
      ...items.map((e) => `/info/${e.id}`),
      '/catalogue?sector=gas',
      '/catalogue?sector=heating',
      '/notice-board',
      '/cylinder-lookup',
    ];
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths
          .map((p) => `<url><loc>${esc(base + p)}</loc></url>`)
          .join('')}</urlset>\n`,
      );
  });
  // G-4.2.3, H-7.1.1, H-7.5.5: the service guide, the same published items as GET /api/catalogue.
  app.get('/catalogue', { schema: { hide: true } }, async (req, reply) => {
    const sector = sectorOf(param(req.query, 'sector')) ?? 'gas';
    const items = CATALOGUE.filter((i) => i.sector === sector || i.sector === 'both').map(published);
    return send(req, reply, 200, cataloguePage(items, sector, param(req.query, 'q')));
  });
  // H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12: the notice board, the same notices as GET /api/public/notices.
  const notices = new NoticeService(ctx);
  app.get('/notice-board', { schema: { hide: true } }, async (req, reply) => {
    const sector = sectorOf(param(req.query, 'sector'));
    const { items } = await notices.publicBoard(sector ?? undefined);
    return send(req, reply, 200, noticeBoardPage(items, sector));
  });
  // G-7.1.13: the cylinder lookup a code's QR leads to, the same answer as GET /api/public/cylinders/:code.
  const cylinders = new CylinderService(ctx);
  app.get('/cylinder-lookup', { schema: { hide: true } }, async (req, reply) => {
    const code = param(req.query, 'code');
    if (!code) return send(req, reply, 200, cylinderLookupPage('', null, false));
    if (!CYLINDER_CODE.test(code)) return send(req, reply, 400, cylinderLookupPage(code, null, true));
    return send(req, reply, 200, cylinderLookupPage(code, await cylinders.publicLookup(code), false));
  });
}
