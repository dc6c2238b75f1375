import { catalogueItem } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import * as repo from './step-notices.repository.ts';
import { TOLD_STEPS } from './step-notices.ts';

/** The step notices on the resident's home page, read from the orders' own events (no second copy). */
export class StepNoticeService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor) {
    const db = this.ctx.database.db;
    const [rows, seen] = await Promise.all([
      repo.stepsOf(db, actor.id, Object.keys(TOLD_STEPS), 20),
      repo.seenAt(db, actor.id),
    ]);
    const items = rows.map((r) => ({
      orderId: r.orderId,
      orderNo: r.orderNo,
      itemName: catalogueItem(r.itemCode).name,
      type: r.type,
      text: TOLD_STEPS[r.type]!,
      at: r.at.toISOString(),
      unread: !seen || r.at > seen,
    }));
    return { unread: items.filter((i) => i.unread).length, items };
  }

  async markSeen(actor: Actor) {
    await repo.markSeen(this.ctx.database.db, actor.id, this.ctx.now());
    return this.list(actor);
  }
}
