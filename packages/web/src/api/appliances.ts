/** Appliance work: consent before priced work (G-9.2.6), the quality certificate (G-9.2.7), warranties (G-9.2.8). */
import { http, ok } from './client.ts';
import type { Body, Item, Ok } from './contract.ts';

export type ConsentView = Ok<'/api/work-orders/{id}/consent'>;
export type ConsentInput = Body<'/api/work-orders/{id}/consent'>;
export type PriceLineInput = ConsentInput['lines'][number];
export type CertificateInput = Body<'/api/work-orders/{id}/quality-certificate'>;
export type Warranty = Item<'/api/warranties'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const appliances = {
  consent: (id: string) => ok(http.GET('/api/work-orders/{id}/consent', byId(id))),
  sign: (id: string, body: ConsentInput) =>
    ok(http.POST('/api/work-orders/{id}/consent', { ...byId(id), body })),
  certificate: (id: string) => ok(http.GET('/api/work-orders/{id}/quality-certificate', byId(id))),
  issue: (id: string, body: CertificateInput) =>
    ok(http.POST('/api/work-orders/{id}/quality-certificate', { ...byId(id), body })),
  orderWarranties: (id: string) => ok(http.GET('/api/work-orders/{id}/warranties', byId(id))),
  warranties: (query: { q?: string; all?: 'true' | 'false' }) =>
    ok(http.GET('/api/warranties', { params: { query } })),
  /** A signature drawn on the phone, stored on the order first; its id goes into the consent or certificate. */
  signature: async (id: string, dataUrl: string) =>
    String(
      (
        await ok(
          http.POST('/api/work-orders/{id}/attachments', {
            ...byId(id),
            body: { kind: 'signature', dataUrl },
          }),
        )
      ).id,
    ),
  /** G-9.2.2: who may sign the certificate, with why not. */
  signers: (id: string) => ok(http.GET('/api/work-orders/{id}/certificate-signers', byId(id))),
};

export const certificatePdfUrl = (id: string) => `/api/work-orders/${id}/quality-certificate.pdf`;
export const receiptPdfUrl = (id: string) => `/api/work-orders/${id}/receipt.pdf`;
export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
