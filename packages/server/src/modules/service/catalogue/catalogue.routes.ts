import {
  CATALOGUE,
  SERVICE_ENTERPRISE_KINDS,
  catalogueFor,
  describeLimit,
  toLimit,
  type CatalogueItem,
  type ServiceEnterpriseKind,
} from '@ranre/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';

// The service catalogue, published to everyone without signing in (G-4.2.3, H-4.2.4, H-7.1.1, H-7.5.5): each
// item's procedure, conditions, documents, fee and free items, and the time limits with the clause behind each.
// The same data drives the clocks, so what is published is what is measured.

const ZMessages = z.object({ zh: z.string(), en: z.string() });
const events = z.union([z.string(), z.array(z.string())]);

export const ZCatalogueItem = z.object({
  code: z.string(),
  sector: z.enum(['gas', 'heating', 'both']),
  enterpriseKinds: z.array(z.string()),
  name: ZMessages,
  category: z.string(),
  procedure: z.array(ZMessages),
  conditions: z.array(ZMessages),
  documents: z.array(ZMessages),
  fee: z.object({
    kind: z.enum(['free', 'amount', 'price_list']),
    fen: z.number().optional(),
    note: ZMessages.optional(),
  }),
  freeItems: z.array(ZMessages),
  basis: z.array(z.string()),
  refusalInWriting: z.boolean().optional(),
  keywords: z.array(z.string()).optional(),
  complaintCategory: z.string().optional(),
  measurementRequired: z.string().optional(),
  /** G-7.1.10: what the customer must be told while the call is taken. */
  intakeAdvice: ZMessages.optional(),
  clocks: z.array(
    z.object({
      name: z.string(),
      clause: z.string(),
      limit: z.string(),
      /** '5个工作日' / '5 working days'. */
      limitText: ZMessages,
      basis: z.enum(['statute', 'regulation', 'commitment']),
      description: ZMessages,
      startOn: events,
      stopOn: z.array(z.string()),
      pauseOn: z.array(z.string()).optional(),
      resumeOn: z.array(z.string()).optional(),
      agreedOn: z.array(z.string()).optional(),
      extendOn: z.array(z.string()).optional(),
    }),
  ),
});

const ZCatalogueQuery = z.strictObject({
  sector: z.enum(['gas', 'heating']).optional(),
  enterpriseKind: z
    .enum(SERVICE_ENTERPRISE_KINDS as unknown as [ServiceEnterpriseKind, ...ServiceEnterpriseKind[]])
    .optional(),
});

const list = <T>(a: readonly T[] | undefined): T[] | undefined => (a ? [...a] : undefined);

export function published(item: CatalogueItem) {
  return {
    code: item.code,
    sector: item.sector,
    enterpriseKinds: [...item.enterpriseKinds],
    name: item.name,
    category: item.category,
    procedure: [...item.procedure],
    conditions: [...item.conditions],
    documents: [...item.documents],
    fee: item.fee,
    freeItems: [...item.freeItems],
    basis: [...item.basis],
    refusalInWriting: item.refusalInWriting,
    ...(item.keywords ? { keywords: [...item.keywords] } : {}),
    ...(item.complaintCategory ? { complaintCategory: item.complaintCategory } : {}),
    ...(item.measurementRequired ? { measurementRequired: item.measurementRequired } : {}),
    ...(item.intakeAdvice ? { intakeAdvice: { ...item.intakeAdvice } } : {}),
    clocks: item.clocks.map((c) => ({
      name: c.name,
      clause: c.clause,
      limit: c.limit,
      limitText: describeLimit(toLimit(c.limit)),
      basis: c.basis,
      description: c.description,
      startOn: typeof c.startOn === 'string' ? c.startOn : [...(c.startOn as readonly string[])],
      stopOn: [...c.stopOn],
      pauseOn: list(c.pauseOn),
      resumeOn: list(c.resumeOn),
      agreedOn: list(c.agreedOn),
      extendOn: list(c.extendOn),
    })),
  };
}

export const catalogueRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/catalogue',
      {
        schema: {
          tags: ['catalogue'],
          summary: '服务目录（公开）/ service catalogue (public)',
          security: [],
          querystring: ZCatalogueQuery,
          response: { 200: z.object({ items: z.array(ZCatalogueItem) }) },
        },
      },
      async (req) => {
        const { sector, enterpriseKind } = req.query;
        const items = (enterpriseKind ? catalogueFor(enterpriseKind) : [...CATALOGUE]).filter(
          (item) => !sector || item.sector === sector || item.sector === 'both',
        );
        return { items: items.map(published) };
      },
    );
  };
