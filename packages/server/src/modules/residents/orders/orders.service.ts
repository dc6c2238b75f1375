import {
  COMPLAINT_CATEGORIES,
  LEAK_ADVICE,
  REOPEN_PERIOD_DAYS,
  isHandlingDone,
  mayReopen,
  type WorkOrderState,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { sectorOfKind } from '../../money/ledger/ledger.service.ts';
import { IntakeService } from '../../service/workorders/intake.service.ts';
import { customerAddress, findEnterprise } from '../../service/workorders/related.repository.ts';
import { WorkOrderReader } from '../../service/workorders/workorders.service.ts';
import type { TWorkOrderDetail, TWorkOrderSummary } from '../../service/workorders/workorders.schemas.ts';
import { boundActor, orderActors } from '../bindings/bindings.repository.ts';
import * as repo from './orders.repository.ts';
import type { TReportInput, TResidentOrder } from './orders.schemas.ts';

// Reports and complaints filed by the resident become work orders through the same intake as the hotline's, so
// they run on the same clocks (G-5.8.1, H-7.5.2). The resident tracks them (deadline and history), adds
// information, rates the work (G-5.9.8, H-7.6.5.2) and reopens it within the period (H-7.3.4).

type ReportKind = TReportInput['kind'];
const ITEMS: Record<'gas' | 'heating', Partial<Record<ReportKind, string>>> = {
  gas: { leak: 'gas_indoor_leak', repair: 'gas_repair', complaint: 'gas_complaint' },
  heating: {
    leak: 'heating_leak',
    repair: 'heating_repair',
    complaint: 'heating_service_complaint',
    // H-7.1.7, H-7.1.8: suspension and resumption run on their committed times; H-7.2.3: a temperature test.
    suspension: 'heating_suspension',
    resumption: 'heating_resumption',
    temperature_test: 'room_temperature_test',
  },
};

const summary = (o: TWorkOrderSummary) => ({
  id: o.id,
  enterpriseName: o.enterpriseName,
  orderNo: o.orderNo,
  itemName: o.itemName,
  state: o.state,
  stateLabel: o.stateLabel,
  isComplaint: o.isComplaint,
  customerId: o.customerId,
  description: o.description,
  receivedAt: o.receivedAt,
  nextDueAt: o.nextDueAt,
  breached: o.breached,
});

export class ResidentOrderService {
  private readonly reader: WorkOrderReader;
  private readonly intake: IntakeService;

  constructor(private readonly ctx: AppContext) {
    this.reader = new WorkOrderReader(ctx);
    this.intake = new IntakeService(ctx);
  }

  private get db() {
    return this.ctx.database.db;
  }

  async options(actor: Actor) {
    const enterprise = await findEnterprise(this.db, actor.enterpriseId);
    if (!enterprise) throw notFound('enterprise');
    return {
      hotline: enterprise.hotline,
      leakAdvice: [...LEAK_ADVICE],
      complaintCategories: Object.entries(COMPLAINT_CATEGORIES).map(([code, label]) => ({ code, label })),
      reopenPeriodDays: REOPEN_PERIOD_DAYS,
    };
  }

  /** Files the report for a bound account; a leak only after the advice was shown (G-6.2.13). */
  async report(resident: Actor, input: TReportInput): Promise<{ id: string }> {
    const { account, actor } = await boundActor(this.db, resident, input.customerId);
    if (input.kind === 'leak' && input.adviceSeen !== true) {
      throw appError('LEAK_ADVICE_NOT_SHOWN', {
        zh: '请先阅读燃气/供热泄漏的紧急处置提示（G-6.2.13）',
        en: 'Read the emergency advice for a leak first (G-6.2.13)',
      });
    }
    const itemCode = ITEMS[sectorOfKind(account.kind)][input.kind];
    if (!itemCode) {
      throw appError(
        'REPORT_KIND_NOT_OFFERED',
        {
          zh: '该账户不办理此项业务（暂停、恢复供热和入户测温仅适用于供热账户）',
          en: 'This account does not offer that service (suspension, resumption and temperature tests are heating services)',
        },
        { field: 'kind' },
      );
    }
    const id = await this.intake.create(actor, {
      itemCode,
      channel: input.channel,
      customerId: account.id,
      callerName: account.name,
      callerPhone: undefined,
      externalRef: undefined,
      address: (await customerAddress(this.db, account.id)) ?? undefined,
      description: input.description,
      ...(input.kind === 'leak' ? { safetyAdviceGiven: true } : {}),
      ...(input.kind === 'complaint' ? { complaintCategory: input.complaintCategory } : {}),
    });
    return { id };
  }

  /** His orders on every bound account, of every enterprise that holds one, newest first. */
  async list(resident: Actor) {
    const all: TWorkOrderSummary[] = [];
    for (const actor of await orderActors(this.db, resident)) {
      const { items } = await this.reader.list(actor, { sort: 'received', limit: 100, q: undefined });
      all.push(...items);
    }
    all.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
    return { items: all.slice(0, 100).map(summary) };
  }

  /** The resident scoped to the enterprise of one of his own orders; 404 for anyone else's. */
  async orderActor(resident: Actor, id: string): Promise<Actor> {
    const [actor] = await orderActors(this.db, resident, id);
    if (!actor) throw notFound('work order');
    return actor;
  }

  async get(resident: Actor, id: string): Promise<TResidentOrder> {
    const actor = await this.orderActor(resident, id);
    const d = await this.reader.detail(actor, id);
    const entries = d.residentEntries;
    const reopened = entries.find((e) => e.kind === 'reopen');
    const verdict = mayReopen(d.state as WorkOrderState, completedAt(d), this.ctx.now());
    return {
      ...summary(d),
      clocks: d.clocks,
      history: d.events.map((e) => ({ type: e.type, at: e.at })),
      entries,
      canRate: isHandlingDone(d.state as WorkOrderState) && !entries.some((e) => e.kind === 'rating'),
      reopen: reopened
        ? { allowed: false, until: null, reason: 'already_reopened' }
        : {
            allowed: verdict.ok,
            until: verdict.until?.toISOString() ?? null,
            reason: verdict.ok ? null : verdict.reason,
          },
    };
  }

  async addInfo(resident: Actor, id: string, text: string) {
    const actor = await this.orderActor(resident, id);
    const d = await this.reader.detail(actor, id);
    if (d.state === 'closed' || d.state === 'cancelled') {
      throw appError('ORDER_ENDED', {
        zh: '工单已归档或撤销，如不满意请在期限内重新打开',
        en: 'The order is closed or cancelled; reopen it within the period if not satisfied',
      });
    }
    await this.entry(actor, d, { kind: 'info', text });
    return this.get(actor, id);
  }

  async rate(resident: Actor, id: string, input: { rating: number; text: string }) {
    const actor = await this.orderActor(resident, id);
    const d = await this.reader.detail(actor, id);
    if (!isHandlingDone(d.state as WorkOrderState)) {
      throw appError('ORDER_NOT_DONE', { zh: '工单处理完毕后才能评价', en: 'Rate the work once it is done' });
    }
    if (!(await this.entry(actor, d, { kind: 'rating', text: input.text, rating: input.rating }))) {
      throw appError('DUPLICATE', { zh: '该工单已评价', en: 'This order is already rated' });
    }
    return this.get(actor, id);
  }

  /** Not satisfied (H-7.3.4): a new order of the same item for the same account, on fresh clocks. */
  async reopen(resident: Actor, id: string, reason: string) {
    const actor = await this.orderActor(resident, id);
    const d = await this.reader.detail(actor, id);
    const verdict = mayReopen(d.state as WorkOrderState, completedAt(d), this.ctx.now());
    if (!verdict.ok) {
      throw appError(
        verdict.reason === 'not_done' ? 'ORDER_NOT_DONE' : 'REOPEN_PERIOD_OVER',
        verdict.reason === 'not_done'
          ? { zh: '工单尚在处理中，无需重新打开', en: 'The order is still being handled' }
          : {
              zh: `已超过重新打开期限（处理完毕后 ${REOPEN_PERIOD_DAYS} 天）`,
              en: `The reopen period (${REOPEN_PERIOD_DAYS} days after completion) is over`,
            },
        { until: verdict.until?.toISOString() },
      );
    }
    // The entry is claimed first (one reopening per order, by a unique index), then the order is made.
    const claim = await this.entry(actor, d, { kind: 'reopen', text: reason }, false);
    if (!claim)
      throw appError('DUPLICATE', { zh: '该工单已重新打开过', en: 'This order was already reopened' });
    try {
      const newId = await this.intake.create(actor, {
        itemCode: d.itemCode,
        channel: 'web',
        ...(d.customerId ? { customerId: d.customerId } : {}),
        callerName: d.callerName,
        callerPhone: undefined,
        externalRef: undefined,
        address: d.address || undefined,
        description: `重新打开 ${d.orderNo}：${reason}`,
        ...(d.complaint
          ? { complaintCategory: d.complaint.category as TReportInput['complaintCategory'] }
          : {}),
        ...(d.itemCode.endsWith('_leak') ? { safetyAdviceGiven: true } : {}),
      });
      await this.db.transaction(async (tx) => {
        await repo.setReopened(tx, claim.id, newId);
        await appendAudit(tx, {
          actor,
          enterpriseId: d.enterpriseId,
          action: 'resident_order.reopen',
          entity: 'work_order',
          entityId: d.id,
          after: { reason, reopenedOrderId: newId },
        });
      });
      return { id: newId };
    } catch (err) {
      await repo.dropEntry(this.db, claim.id);
      throw err;
    }
  }

  private async entry(
    actor: Actor,
    d: TWorkOrderDetail,
    e: { kind: string; text: string; rating?: number },
    audit = true,
  ) {
    return this.db.transaction(async (tx) => {
      const row = await repo.insertEntry(tx, {
        orderId: d.id,
        enterpriseId: d.enterpriseId,
        userId: actor.id,
        kind: e.kind,
        text: e.text,
        rating: e.rating ?? null,
        createdAt: this.ctx.now(),
      });
      if (row && audit) {
        await appendAudit(tx, {
          actor,
          enterpriseId: d.enterpriseId,
          action: `resident_order.${e.kind}`,
          entity: 'work_order',
          entityId: d.id,
          after: { text: e.text, rating: e.rating ?? null },
        });
      }
      return row;
    });
  }
}

/** When the handling was finished: the last `completed` event. */
function completedAt(d: TWorkOrderDetail): Date | null {
  const done = d.events.filter((e) => e.type === 'completed').at(-1);
  return done ? new Date(done.at) : null;
}
