import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import { ZCertificateInput, ZCertificateView, ZSigners } from './quality-certificates.schemas.ts';
import { QualityCertificateService } from './quality-certificates.service.ts';

export const qualityCertificateRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new QualityCertificateService(ctx);
    const tags = ['quality-certificates'];
    const readers = allow('agent', 'dispatcher', 'technician', 'enterprise_admin', 'regulator');
    app.get(
      '/work-orders/:id/quality-certificate',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '质量合格证 / the quality certificate of an appliance order (G-9.2.7)',
          params: ZIdParams,
          response: { 200: ZCertificateView },
        },
      },
      async (req) => service.of(requireActor(req), req.params.id),
    );
    app.post(
      '/work-orders/:id/quality-certificate',
      {
        preHandler: allow('technician', 'dispatcher', 'enterprise_admin'),
        schema: {
          tags,
          summary: '出具质量合格证 / issue the quality certificate after the test (G-9.2.7)',
          params: ZIdParams,
          body: ZCertificateInput,
          response: { 201: ZCertificateView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.issue(requireActor(req), req.params.id, req.body)),
    );
    app.get(
      '/work-orders/:id/quality-certificate.pdf',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '质量合格证 PDF / the quality certificate as PDF (G-9.2.7)',
          params: ZIdParams,
          response: { 200: fileResponse(['application/pdf'], 'The certificate as PDF') },
        },
      },
      async (req, reply) => {
        const file = await service.pdf(requireActor(req), req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
    app.get(
      '/work-orders/:id/certificate-signers',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '可签署合格证的人员 / who may sign the certificate, with why not (G-9.2.2)',
          params: ZIdParams,
          response: { 200: ZSigners },
        },
      },
      async (req) => service.signers(requireActor(req), req.params.id),
    );
    app.get(
      '/work-orders/:id/refusal.pdf',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '不予安装维修告知书 PDF / the written refusal with its reason (G-9.2.3)',
          params: ZIdParams,
          response: { 200: fileResponse(['application/pdf'], 'The written refusal as PDF') },
        },
      },
      async (req, reply) => {
        const file = await service.refusalPdf(requireActor(req), req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
  };
