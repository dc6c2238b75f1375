import { addDays, toShanghaiDate } from '@ranre/domain';
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { customers, workOrderClocks, workOrders } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import * as seasons from '../seasons/seasons.repository.ts';
import { HeatingSeasonService } from '../seasons/seasons.service.ts';

const ITEMS = ['heating_suspension', 'heating_resumption'] as const;
type QueueItem = (typeof ITEMS)[number];

/**
 * The suspension/resumption queue (H-7.1.7, H-7.1.8): the work orders of those two catalogue items with their clocks —
 * the published completion commitment of a suspension, the 48 h valve-opening clock of a resumption — and, for a
 * suspension, the season it affects and whether the suspended-household fee applies on that season's bill.
 */
export class SuspensionQueueService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor, q: { enterpriseId?: string; open?: boolean }) {
    const db = this.ctx.database.db;
    const scope = enterpriseScope(actor, q.enterpriseId);
    const where: SQL[] = [inArray(workOrders.itemCode, ITEMS)];
    if (scope) where.push(eq(workOrders.enterpriseId, scope));
    if (q.open) where.push(inArray(workOrders.state, OPEN));
    const orders = await db
      .select({
        id: workOrders.id,
        enterpriseId: workOrders.enterpriseId,
        orderNo: workOrders.orderNo,
        itemCode: workOrders.itemCode,
        channel: workOrders.channel,
        state: workOrders.state,
        receivedAt: workOrders.receivedAt,
        breached: workOrders.breached,
        customerId: workOrders.customerId,
        customerName: customers.name,
        accountNo: customers.accountNo,
        address: workOrders.address,
      })
      .from(workOrders)
      .leftJoin(customers, eq(customers.id, workOrders.customerId))
      .where(and(...where))
      .orderBy(desc(workOrders.receivedAt))
      .limit(500);
    const clocks = orders.length
      ? await db
          .select()
          .from(workOrderClocks)
          .where(
            inArray(
              workOrderClocks.orderId,
              orders.map((o) => o.id),
            ),
          )
          .orderBy(asc(workOrderClocks.dueAt))
      : [];
    const allSeasons = await seasons.listSeasons(db, scope);
    const rulesService = new HeatingSeasonService(this.ctx);
    const rulesOf = new Map<string, Awaited<ReturnType<HeatingSeasonService['rulesFor']>>['rules']>();
    for (const e of new Set(orders.map((o) => o.enterpriseId)))
      rulesOf.set(e, (await rulesService.rulesFor(e)).rules);
    return orders.map((o) => {
      const received = toShanghaiDate(o.receivedAt);
      const season = allSeasons
        .filter((s) => s.enterpriseId === o.enterpriseId && s.endsOn >= received)
        .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
      const rules = rulesOf.get(o.enterpriseId)!;
      const lastAcceptDay = season
        ? addDays(season.startsOn, -rules.suspendedFee.acceptedBeforeDaysOfStart)
        : null;
      return {
        ...o,
        clocks: clocks
          .filter((c) => c.orderId === o.id)
          .map((c) => ({
            name: c.name,
            clause: c.clause,
            state: c.state,
            dueAt: c.dueAt,
            stoppedAt: c.stoppedAt,
            breachedAt: c.breachedAt,
          })),
        season: season
          ? { id: season.id, period: season.period, area: season.area, startsOn: season.startsOn }
          : null,
        suspendedFeeApplies:
          o.itemCode === 'heating_suspension' && lastAcceptDay !== null ? received <= lastAcceptDay : null,
        suspendedFeeBps: o.itemCode === 'heating_suspension' ? rules.suspendedFee.bpsOfAreaFee : null,
        // The query selects only these two items.
        itemCode: o.itemCode as QueueItem,
      };
    });
  }
}

const OPEN = ['received', 'returned', 'dispatched', 'accepted', 'in_progress', 'on_site'];
