import { http, ok } from '../api/client.ts';
import type { Body, Ok } from '../api/contract.ts';

// The heating money API (issue 5: H-5.2, H-5.5.2, H-7.1.7, H-7.1.8, H-7.2.1–H-7.2.5). Money in fen.
// Types come from the generated contract (npm run api:generate).

export type SetUp = Ok<'/api/heating/seasons'>;
export type Season = SetUp['seasons'][number];
export type Price = SetUp['prices'][number];
export type HeatingPrice = NonNullable<Price['heating']>;
export type RulesRow = SetUp['rules'][number];
export type Rules = RulesRow['rules'];
export type BillList = Ok<'/api/heating/seasons/{seasonId}/bills'>;
export type Bill = BillList['bills'][number];
export type Run = BillList['runs'][number];
export type MeteredSummary = Ok<'/api/heating/seasons/{seasonId}/metered-settlement', 'post'>;
export type QueueRow = Ok<'/api/heating/suspensions'>[number];
export type Dispute = Ok<'/api/heating/meter-disputes'>[number];
export type DisputeInput = Body<'/api/heating/meter-disputes'>;
export type DisputeResolve = Body<'/api/heating/meter-disputes/{id}/resolve'>;
export type Refund = Ok<'/api/heating/refunds'>[number];
export type RefundInput = Body<'/api/heating/refunds'>;
export type SeasonInput = Body<'/api/heating/seasons'>;
export type SeasonPatch = Body<'/api/heating/seasons/{id}', 'patch'>;
export type PriceInput = Body<'/api/heating/prices'>;
export type RulesInput = Body<'/api/heating/rules', 'put'>;

const byId = (id: string) => ({ params: { path: { id } } });
const bySeason = (seasonId: string) => ({ params: { path: { seasonId } } });

export const heating = {
  setUp: () => ok(http.GET('/api/heating/seasons')),
  createSeason: (body: SeasonInput) => ok(http.POST('/api/heating/seasons', { body })),
  patchSeason: (id: string, body: SeasonPatch) =>
    ok(http.PATCH('/api/heating/seasons/{id}', { ...byId(id), body })),
  addPrice: (body: PriceInput) => ok(http.POST('/api/heating/prices', { body })),
  putRules: (body: RulesInput) => ok(http.PUT('/api/heating/rules', { body })),
  bills: (seasonId: string) => ok(http.GET('/api/heating/seasons/{seasonId}/bills', bySeason(seasonId))),
  runBilling: (seasonId: string) =>
    ok(http.POST('/api/heating/seasons/{seasonId}/billing-runs', bySeason(seasonId))),
  settleMetered: (seasonId: string) =>
    ok(http.POST('/api/heating/seasons/{seasonId}/metered-settlement', bySeason(seasonId))),
  rewards: (seasonId: string) => ok(http.POST('/api/heating/seasons/{seasonId}/rewards', bySeason(seasonId))),
  remind: () => ok(http.POST('/api/heating/reminders/run', { body: {} })),
  queue: (open: boolean) =>
    ok(http.GET('/api/heating/suspensions', { params: { query: { open: open ? 'true' : undefined } } })),
  disputes: () => ok(http.GET('/api/heating/meter-disputes')),
  createDispute: (body: DisputeInput) => ok(http.POST('/api/heating/meter-disputes', { body })),
  resolveDispute: (id: string, body: DisputeResolve) =>
    ok(http.POST('/api/heating/meter-disputes/{id}/resolve', { ...byId(id), body })),
  refunds: () => ok(http.GET('/api/heating/refunds')),
  createRefund: (body: RefundInput) => ok(http.POST('/api/heating/refunds', { body })),
  settleRefund: (id: string, body: Body<'/api/heating/refunds/{id}/settle'>) =>
    ok(http.POST('/api/heating/refunds/{id}/settle', { ...byId(id), body })),
};

/** Query keys: a write invalidates the prefix it changes (`['heating']` covers every heating read). */
export const heatingKeys = {
  all: ['heating'] as const,
  setUp: ['heating', 'set-up'] as const,
  bills: (seasonId: string) => ['heating', 'bills', seasonId] as const,
  queue: (open: boolean) => ['heating', 'suspensions', open] as const,
  disputes: ['heating', 'disputes'] as const,
  refunds: ['heating', 'refunds'] as const,
};

/** 223925 → '2,239.25' */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined
    ? '—'
    : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A yuan amount typed by a person ('25.5') → fen (2550), or null. */
export function fenFromYuan(text: string): number | null {
  const m = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}
