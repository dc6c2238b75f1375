import {
  normaliseForSearch,
  toShanghaiDate,
  warrantyEnds,
  warrantyKindFor,
  warrantyMonths,
  type WarrantyKind,
  type WorkOrderEvent,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { maskAddress, visibleOrders } from '../../service/workorders/access.ts';
import * as orders from '../../service/workorders/workorders.repository.ts';
import { latestConsent } from '../repair-consents/repair-consents.repository.ts';
import * as repo from './warranties.repository.ts';

// G-9.2.8: the warranty on work done. Written when an appliance order is completed, in the same transaction as the
// completion; a completion under a warranty in force (a free redo) restarts that warranty from today. Any order at
// the same address shows the warranties in force there.

export const addressKey = (address: string) => normaliseForSearch(address).replace(/\s+/g, '');

type WarrantyRow = Awaited<ReturnType<typeof repo.listWarranties>>[number];

export function toWarranty(r: WarrantyRow) {
  return {
    id: r.w.id,
    workOrderId: r.w.workOrderId,
    orderNo: r.orderNo,
    itemCode: r.itemCode,
    address: r.w.address,
    kind: r.w.kind as WarrantyKind,
    months: r.w.months,
    startsOn: String(r.w.startsOn).slice(0, 10),
    endsOn: String(r.w.endsOn).slice(0, 10),
    restartsWarrantyId: r.w.restartsWarrantyId,
  };
}

/** Warranties in force today at an address of an enterprise. */
export async function warrantiesInForceAt(db: Db, enterpriseId: string, address: string, today: string) {
  if (address.trim() === '') return [];
  const rows = await repo.listWarranties(db, { enterpriseId, addressKey: addressKey(address), today });
  return rows.map(toWarranty);
}

/** Called by the work-order event transaction after a completion is appended. */
export async function recordWarrantyOnCompletion(
  tx: Db,
  actor: Actor,
  row: { id: string; enterpriseId: string; itemCode: string; customerId: string | null; address: string },
  event: WorkOrderEvent,
  now: Date,
): Promise<void> {
  if (event.type !== 'completed') return;
  const ownKind = warrantyKindFor(row.itemCode);
  if (!ownKind) return;
  const consent = await latestConsent(tx, row.id);
  const restarted = consent?.warrantyId ? await repo.findWarranty(tx, consent.warrantyId) : null;
  // A free redo carries the warranty it restarts (its kind and term); other work its own minimum term.
  const kind = (restarted?.kind as WarrantyKind | undefined) ?? ownKind;
  const months = restarted?.months ?? warrantyMonths(kind);
  const startsOn = toShanghaiDate(now);
  const made = await repo.insertWarranty(tx, {
    enterpriseId: row.enterpriseId,
    workOrderId: row.id,
    customerId: row.customerId,
    address: row.address,
    addressKey: addressKey(row.address),
    kind,
    months,
    startsOn,
    endsOn: warrantyEnds(startsOn, months),
    restartsWarrantyId: restarted?.id ?? null,
    createdAt: now,
  });
  if (!made) return;
  await appendAudit(tx, {
    actor,
    enterpriseId: row.enterpriseId,
    action: 'warranty.create',
    entity: 'warranty',
    entityId: made.id,
    after: {
      workOrderId: row.id,
      kind,
      months,
      startsOn,
      endsOn: made.endsOn,
      restarts: restarted?.id ?? null,
    },
  });
}

export class WarrantyService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor, query: { q?: string; all?: 'true' | 'false' }) {
    const scope = enterpriseScope(actor);
    const rows = await repo.listWarranties(this.ctx.database.db, {
      enterpriseId: scope ?? undefined,
      q: query.q,
      today: query.all === 'true' ? undefined : toShanghaiDate(this.ctx.now()),
    });
    // The regulator reads across enterprises with the address masked.
    const items = rows.map(toWarranty);
    if (actor.role !== 'regulator') return { items };
    return { items: items.map((w) => ({ ...w, address: maskAddress(w.address) ?? '' })) };
  }

  async forOrder(actor: Actor, orderId: string) {
    const db = this.ctx.database.db;
    const order = await orders.findOrderView(db, orderId, visibleOrders(actor));
    if (!order) throw notFound('work order');
    return {
      items: await warrantiesInForceAt(db, order.enterpriseId, order.address, toShanghaiDate(this.ctx.now())),
    };
  }
}
