import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DomainError } from '@ranre/domain';
import type { AppContext } from '../../../core/context.ts';
import { PublicInfoService } from '../public-info/public-info.service.ts';
import { enterprisePage, enterprisesPage, page } from './public-pages.render.ts';

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
 * `/info` and `/info/:id`, no sign-in. Registered outside `/api`; the web app keeps its own copy of the views for
 * in-app navigation, reading the same API.
 */
export async function publicPageRoutes(app: FastifyInstance, ctx: AppContext) {
  const service = new PublicInfoService(ctx);
  app.get('/info', { schema: { hide: true } }, async (req, reply) =>
    send(req, reply, 200, enterprisesPage((await service.enterprises()).items)),
  );
  app.get<{ Params: { id: string } }>('/info/:id', { schema: { hide: true } }, async (req, reply) => {
    if (!UUID.test(req.params.id)) return send(req, reply, 404, notFound());
    try {
      return send(req, reply, 200, enterprisePage(await service.info(req.params.id)));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') return send(req, reply, 404, notFound());
      throw e;
    }
  });
}
