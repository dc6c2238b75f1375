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

/** Issue 19, migration 0045: catalogue and counter sales (G-9.1.3), walk-in repair slips (G-9.2.5), paid repairs. */
export type ApplianceModel = Item<'/api/appliance-models'>;
export type ModelInput = Body<'/api/appliance-models'>;
export type Sale = Item<'/api/appliance-sales'>;
export type SaleInput = Body<'/api/appliance-sales'>;
export type RepairSlip = Item<'/api/work-orders/{id}/repair-slips'>;
export type SlipInput = Body<'/api/work-orders/{id}/repair-slips'>;
export type JobRequirement = Item<'/api/qualification-requirements'>;

export const shop = {
  models: (all: boolean) =>
    ok(http.GET('/api/appliance-models', { params: { query: { all: all ? 'true' : 'false' } } })),
  addModel: (body: ModelInput) => ok(http.POST('/api/appliance-models', { body })),
  changeModel: (id: string, body: Body<'/api/appliance-models/{id}', 'patch'>) =>
    ok(http.PATCH('/api/appliance-models/{id}', { ...byId(id), body })),
  gasAreas: () => ok(http.GET('/api/appliance-sales/gas-areas')),
  sales: () => ok(http.GET('/api/appliance-sales')),
  sell: (body: SaleInput) => ok(http.POST('/api/appliance-sales', { body })),
  slips: (id: string) => ok(http.GET('/api/work-orders/{id}/repair-slips', byId(id))),
  issueSlip: (id: string, body: SlipInput) =>
    ok(http.POST('/api/work-orders/{id}/repair-slips', { ...byId(id), body })),
  /** H-7.3.8: whose facility a gas or heating repair is; the customer's own makes it paid work. */
  facilityOwner: (id: string, owner: 'customer' | 'company') =>
    ok(http.POST('/api/work-orders/{id}/facility-owner', { ...byId(id), body: { owner } })),
  requirements: () => ok(http.GET('/api/qualification-requirements')),
  declare: (itemCode: string, certificates: string[]) =>
    ok(
      http.PUT('/api/qualification-requirements/{itemCode}', {
        params: { path: { itemCode } },
        body: { certificates },
      }),
    ),
};

export const repairSlipPdfUrl = (id: string) => `/api/work-orders/${id}/repair-slip.pdf`;
/** G-9.1.3: the receipt of a counter sale, as sold. */
export const saleReceiptPdfUrl = (id: string) => `/api/appliance-sales/${id}/receipt.pdf`;

/** G-9.3.1: return visits after installations. */
export type InstallationVisits = Item<'/api/appliance-return-visits'>;
export type VisitInput = Body<'/api/work-orders/{id}/return-visits'>;
export const returnVisits = {
  list: (due: boolean) =>
    ok(http.GET('/api/appliance-return-visits', { params: { query: { due: due ? 'true' : 'false' } } })),
  record: (id: string, body: VisitInput) =>
    ok(http.POST('/api/work-orders/{id}/return-visits', { ...byId(id), body })),
};
