import { addDays, cylinderPriceListProblem, priceListStatus, toShanghaiDate } from '@ranre/domain';
import type { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, pgCode } from '../../../core/errors.ts';
import type { Db } from '../../../db/client.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { assertBottledGas } from '../cylinders/cylinders.service.ts';
import * as repo from './cylinder-prices.repository.ts';
import type {
  TCylinderPriceList,
  TCylinderPriceListCreate,
  ZBottledOrder,
  ZBottledOrderQuery,
} from './cylinder-prices.schemas.ts';

// The bottled-gas company's published price list (cylinder models with fill and price in fen, the delivery fee) with
// the day it takes effect: never edited, superseded by a later one, the whole history published (the public page
// shows it beside G-7.1.13's rules). Residents order on the phone at the list in force; their orders are on the
// company's delivery board with the receipt once delivered (G-7.2.1).

/** Every list of an enterprise with its status on `today`, oldest first. */
export async function priceListsOf(
  db: Db,
  enterpriseId: string,
  today: string,
): Promise<TCylinderPriceList[]> {
  const rows = await repo.listsOf(db, enterpriseId);
  const days = rows.map((r) => ({ effectiveFrom: String(r.effectiveFrom) }));
  return rows.map((r, i) => {
    const next = rows[i + 1];
    return {
      id: r.id,
      enterpriseId: r.enterpriseId,
      effectiveFrom: String(r.effectiveFrom),
      effectiveTo: next ? addDays(String(next.effectiveFrom), -1) : null,
      status: priceListStatus(days, days[i]!, today),
      items: r.items,
      deliveryFeeFen: r.deliveryFeeFen,
      basis: r.basis,
      demo: r.demo,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export class CylinderPriceService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor) {
    assertBottledGas(actor);
    return { items: await priceListsOf(this.db, actor.enterpriseId, toShanghaiDate(this.ctx.now())) };
  }

  async publish(actor: Actor, input: TCylinderPriceListCreate): Promise<TCylinderPriceList> {
    assertBottledGas(actor);
    const now = this.ctx.now();
    const today = toShanghaiDate(now);
    const problem = cylinderPriceListProblem({ ...input, today });
    if (problem) {
      throw appError(
        'CYLINDER_PRICE_LIST_INVALID',
        { zh: problem.zh, en: problem.en },
        { field: problem.field },
      );
    }
    try {
      await this.db.transaction(async (tx) => {
        const row = await repo.insertList(tx, {
          enterpriseId: actor.enterpriseId,
          effectiveFrom: input.effectiveFrom,
          items: input.items,
          deliveryFeeFen: input.deliveryFeeFen,
          basis: input.basis,
          createdBy: actor.id,
          createdAt: now,
        });
        await appendAudit(tx, {
          actor,
          enterpriseId: actor.enterpriseId,
          action: 'cylinder_price_list.publish',
          entity: 'cylinder_price_list',
          entityId: row.id,
          after: {
            effectiveFrom: input.effectiveFrom,
            items: input.items,
            deliveryFeeFen: input.deliveryFeeFen,
          },
        });
      });
    } catch (err) {
      if (pgCode(err) === '23505') {
        throw appError(
          'CYLINDER_PRICE_LIST_EXISTS',
          {
            zh: '该日已有生效的价目表；请选择新的生效日期发布新表',
            en: 'A list already takes effect on that day: publish a new one from another day',
          },
          { field: 'effectiveFrom' },
        );
      }
      throw err;
    }
    const lists = await priceListsOf(this.db, actor.enterpriseId, today);
    return lists.find((l) => l.effectiveFrom === input.effectiveFrom)!;
  }

  /** The delivery board's self-service orders. */
  async orders(
    actor: Actor,
    q: z.infer<typeof ZBottledOrderQuery>,
  ): Promise<{ items: z.infer<typeof ZBottledOrder>[] }> {
    assertBottledGas(actor);
    const rows = await repo.ordersOf(this.db, {
      enterpriseId: actor.enterpriseId,
      workOrderId: q.orderId,
      limit: q.limit,
    });
    return {
      items: rows.map((r) => ({
        id: r.o.id,
        orderId: r.o.workOrderId,
        orderNo: r.orderNo,
        state: r.state,
        customerName: r.customerName,
        accountNo: r.accountNo,
        address: r.address,
        model: r.o.model,
        fillG: r.o.fillG,
        quantity: r.o.quantity,
        unitPriceFen: r.o.unitPriceFen,
        deliveryFeeFen: r.o.deliveryFeeFen,
        totalFen: r.o.totalFen,
        proposedAt: r.proposedAt.toISOString(),
        agreedAt: r.agreedAt?.toISOString() ?? null,
        note: r.note,
        createdAt: r.o.createdAt.toISOString(),
        receipt:
          r.receiptNo && r.deliveredAt
            ? {
                receiptNo: r.receiptNo,
                amountFen: r.amountFen ?? 0,
                deliveredAt: r.deliveredAt.toISOString(),
              }
            : null,
      })),
    };
  }
}
