import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { cachedRead } from '../../../http/cached-read.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import {
  ZContract,
  ZContractInput,
  ZCustomer360,
  ZCustomerCreate,
  ZCustomerPatch,
  ZExportQuery,
  ZIdParams,
  ZImportInput,
  ZImportResult,
  ZPremises,
  ZPremisesInput,
  ZRevealInput,
  ZRevealed,
  ZSearchQuery,
  ZSearchResult,
  ZTemplateQuery,
} from './customers.schemas.ts';
import { CustomerService } from './customers.service.ts';
import { ExportService, contentDisposition, type FileReply } from './export.service.ts';
import { ImportService } from './import.service.ts';

/** 10 MB of file as base64 in JSON; every other route keeps the app's 1 MiB. */
const IMPORT_BODY_LIMIT = 15 * 1024 * 1024;

const sendFile = (reply: FastifyReply, f: FileReply) =>
  reply
    .header('content-type', f.contentType)
    .header('content-disposition', contentDisposition(f))
    .send(f.body);

export const customerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new CustomerService(ctx);
    const importer = new ImportService(ctx);
    const exporter = new ExportService(ctx);
    const tags = ['customers'];
    // Company staff read the archive; residents do not. Personal data is masked for all of them (G-5.7.6).
    const readers = allow(
      'regulator',
      'enterprise_admin',
      'agent',
      'dispatcher',
      'technician',
      'inspector',
      'billing_clerk',
    );
    const writers = allow('enterprise_admin', 'agent', 'billing_clerk');
    // G-5.7.6, H-7.6.6.3: those whose work needs the full ID number and phones, each time audited.
    const revealers = allow('agent', 'dispatcher', 'technician', 'billing_clerk', 'enterprise_admin');

    app.get(
      '/customers',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '查找客户 / search customers by name, phone, account number or address',
          querystring: ZSearchQuery,
          response: { 200: ZSearchResult },
        },
      },
      async (req, reply) => cachedRead(ctx, req, reply, () => service.search(requireActor(req), req.query)),
    );

    app.get(
      '/customers/export',
      {
        preHandler: allow('enterprise_admin', 'regulator'),
        schema: {
          tags,
          summary: '导出客户档案（脱敏） / export customers (masked)',
          querystring: ZExportQuery,
          response: {
            200: fileResponse(
              ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
              'The masked export',
            ),
          },
        },
      },
      async (req, reply) => sendFile(reply, await exporter.export(requireActor(req), req.query)),
    );

    app.get(
      '/customers/import-template',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '客户导入模板 / import template',
          querystring: ZTemplateQuery,
          response: {
            200: fileResponse(
              ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
              'The empty template',
            ),
          },
        },
      },
      async (req, reply) => sendFile(reply, await exporter.template(requireActor(req), req.query.format)),
    );

    app.post(
      '/customers/import',
      {
        preHandler: allow('enterprise_admin'),
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary: '从 Excel / CSV 导入客户 / import customers',
          body: ZImportInput,
          response: { 200: ZImportResult },
        },
      },
      async (req) => importer.run(requireActor(req), req.body),
    );

    app.get(
      '/customers/:id',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '客户全景 / customer 360 (G-5.8.2)',
          params: ZIdParams,
          response: { 200: ZCustomer360 },
        },
      },
      async (req) => service.get360(requireActor(req), req.params.id),
    );

    app.post(
      '/customers',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '开户 / open an account',
          body: ZCustomerCreate,
          response: { 201: ZCustomer360 },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(requireActor(req), req.body)),
    );

    app.patch(
      '/customers/:id',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '修改客户档案 / update an account',
          params: ZIdParams,
          body: ZCustomerPatch,
          response: { 200: ZCustomer360 },
        },
      },
      async (req) => service.update(requireActor(req), req.params.id, req.body),
    );

    app.post(
      '/customers/:id/premises',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '增加用气/用热地址 / add premises',
          params: ZIdParams,
          body: ZPremisesInput,
          response: { 201: ZPremises },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.addPremises(requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/customers/:id/contracts',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '登记供用合同 / add a supply contract (G-5.3.3, H-7.1.5)',
          params: ZIdParams,
          body: ZContractInput,
          response: { 201: ZContract },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.addContract(requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/customers/:id/reveal',
      {
        preHandler: revealers,
        schema: {
          tags,
          summary: '查看完整身份证号和电话（留痕） / reveal ID number and phones (audited)',
          params: ZIdParams,
          body: ZRevealInput,
          response: { 200: ZRevealed },
        },
      },
      async (req) => service.reveal(requireActor(req), req.params.id, req.body.reason),
    );
  };
