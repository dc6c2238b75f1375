import {
  BOOKING_MAX_AHEAD_DAYS,
  BOOKING_MIN_LEAD_MINUTES,
  WORK_ORDER_STATE_LABELS,
  bookableKinds,
  bookingStatus,
  formatShanghai,
  priceListInForce,
  proposedTimeProblem,
  quoteBottledOrder,
  toShanghaiDate,
  type BottledQuote,
  type WorkOrderState,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { priceListsOf } from '../../gas/cylinder-prices/cylinder-prices.service.ts';
import { insertOrder, ordersOfBookings } from '../../gas/cylinder-prices/cylinder-prices.repository.ts';
import { IntakeService } from '../../service/workorders/intake.service.ts';
import { customerAddress } from '../../service/workorders/related.repository.ts';
import { boundAccounts, boundActor } from '../bindings/bindings.repository.ts';
import * as repo from './bookings.repository.ts';
import type { TBooking, TBookingInput, TBookingKind } from './bookings.schemas.ts';

// A visit booked from the phone (G-5.9.2, H-7.6.5.1): a room-temperature test (H-7.3.2) or a bottled-gas delivery
// becomes a work order through the hotline's own intake, so it runs on the same clocks and the staff agree the time
// with the order's appointment_agreed step; a gas inspection is the household's planned visit (G-5.11.1), whose
// time the staff agree on the visit (G-5.11.2, POST /inspections/visits/:id/appointment). The resident's proposal
// is kept as a row of its own (append-only).

const ITEM: Record<Exclude<TBookingKind, 'inspection'>, string> = {
  temperature_test: 'room_temperature_test',
  bottled_gas_delivery: 'bottled_gas_delivery',
};
const LABEL: Record<TBookingKind, string> = {
  temperature_test: '预约入户测温',
  inspection: '预约安检时间',
  bottled_gas_delivery: '预约送气',
};

export class ResidentBookingService {
  private readonly intake: IntakeService;

  constructor(private readonly ctx: AppContext) {
    this.intake = new IntakeService(ctx);
  }

  private get db() {
    return this.ctx.database.db;
  }

  /** What each bound account may book now (a gas household only once its plan has a visit for it). */
  async options(resident: Actor) {
    const items = [];
    for (const a of await boundAccounts(this.db, resident)) {
      const kinds = bookableKinds(a.kind);
      const visit = kinds.includes('inspection') ? await repo.openVisitOf(this.db, a.id) : null;
      const list = kinds.includes('bottled_gas_delivery') ? await this.priceListOf(a.enterpriseId) : null;
      items.push({
        customerId: a.id,
        accountNo: a.accountNo,
        enterpriseName: a.enterpriseName,
        kinds: kinds.filter((k) => k !== 'inspection' || visit),
        visit: visit ? { id: visit.id, windowFrom: visit.windowFrom, windowTo: visit.windowTo } : null,
        priceList: list
          ? {
              id: list.id,
              effectiveFrom: list.effectiveFrom,
              items: list.items,
              deliveryFeeFen: list.deliveryFeeFen,
              demo: list.demo,
            }
          : null,
      });
    }
    return { items };
  }

  /** The bottled-gas company's list in force today, or null. */
  private async priceListOf(enterpriseId: string) {
    const lists = await priceListsOf(this.db, enterpriseId, toShanghaiDate(this.ctx.now()));
    return priceListInForce(lists, toShanghaiDate(this.ctx.now()));
  }

  async book(resident: Actor, input: TBookingInput): Promise<{ id: string }> {
    const { account, actor } = await boundActor(this.db, resident, input.customerId);
    const now = this.ctx.now();
    const proposedAt = new Date(input.proposedAt);
    const problem = proposedTimeProblem(proposedAt, now);
    if (problem) {
      throw appError(
        'BOOKING_TIME_INVALID',
        problem === 'too_soon'
          ? {
              zh: `希望上门时间须至少在 ${BOOKING_MIN_LEAD_MINUTES} 分钟之后`,
              en: `Propose a time at least ${BOOKING_MIN_LEAD_MINUTES} minutes ahead`,
            }
          : {
              zh: `只能预约 ${BOOKING_MAX_AHEAD_DAYS} 天以内的时间`,
              en: `Book within the next ${BOOKING_MAX_AHEAD_DAYS} days`,
            },
        { field: 'proposedAt' },
      );
    }
    if (!bookableKinds(account.kind).includes(input.kind)) {
      throw appError(
        'BOOKING_KIND_NOT_OFFERED',
        {
          zh: '该户号不办理此项预约（入户测温限供热户，安检限管道燃气户，送气限瓶装燃气户）',
          en: 'This account does not offer that booking (temperature tests: heating; inspections: pipeline gas; deliveries: bottled gas)',
        },
        { field: 'kind' },
      );
    }
    const when = formatShanghai(proposedAt);
    if (input.kind === 'inspection') {
      const visit = await repo.openVisitOf(this.db, account.id);
      if (!visit) {
        throw appError('NO_PLANNED_INSPECTION', {
          zh: '您的户号当前没有待安排的安检计划，如需安检请致电客服',
          en: 'Your account has no planned inspection to arrange now; call the hotline',
        });
      }
      return this.record(actor, { ...input, proposedAt }, { visitId: visit.id });
    }
    let quote: BottledQuote | null = null;
    if (input.kind === 'bottled_gas_delivery') {
      // The resident chooses from the published list in force today; the order is priced on it.
      if (!input.cylinder) {
        throw appError(
          'VALIDATION_FAILED',
          { zh: '请选择钢瓶规格和数量', en: 'Choose the cylinder model and how many' },
          { field: 'cylinder' },
        );
      }
      const q = quoteBottledOrder(
        await this.priceListOf(account.enterpriseId),
        input.cylinder.model,
        input.cylinder.quantity,
      );
      if (!q.ok) throw appError(q.code, q.message, { field: 'cylinder' });
      quote = q.quote;
    }
    const line = quote
      ? `${quote.model} × ${quote.quantity}，合计 ${yuan(quote.totalFen)} 元（含送气费 ${yuan(quote.deliveryFeeFen)} 元），`
      : '';
    const workOrderId = await this.intake.create(actor, {
      itemCode: ITEM[input.kind],
      channel: input.channel,
      customerId: account.id,
      callerName: account.name,
      callerPhone: undefined,
      externalRef: undefined,
      address: (await customerAddress(this.db, account.id)) ?? undefined,
      description: `${LABEL[input.kind]}，${line}希望上门时间 ${when}${input.note ? `：${input.note}` : ''}`,
    });
    return this.record(actor, { ...input, proposedAt }, { workOrderId }, quote);
  }

  private async record(
    actor: Actor,
    input: Omit<TBookingInput, 'proposedAt'> & { proposedAt: Date },
    target: { visitId: string } | { workOrderId: string },
    quote: BottledQuote | null = null,
  ) {
    const now = this.ctx.now();
    return this.db.transaction(async (tx) => {
      const row = await repo.insertBooking(tx, {
        enterpriseId: actor.enterpriseId,
        userId: actor.id,
        customerId: input.customerId,
        kind: input.kind,
        proposedAt: input.proposedAt,
        note: input.note,
        ...target,
        createdAt: now,
      });
      if (quote && 'workOrderId' in target) {
        await insertOrder(tx, {
          enterpriseId: actor.enterpriseId,
          bookingId: row.id,
          workOrderId: target.workOrderId,
          customerId: input.customerId,
          ...quote,
          createdAt: now,
        });
      }
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'resident_booking.create',
        entity: 'resident_booking',
        entityId: row.id,
        after: { kind: input.kind, proposedAt: input.proposedAt.toISOString(), ...target, ...(quote ?? {}) },
      });
      return { id: row.id };
    });
  }

  /** His bookings with where each stands: the agreed time, the order's deadline, what happened. */
  async list(resident: Actor): Promise<{ items: TBooking[] }> {
    const rows = await repo.bookingsOf(this.db, resident.id);
    const orderIds = rows.map((r) => r.booking.workOrderId).filter((id): id is string => Boolean(id));
    const appointments = await repo.appointmentsOf(this.db, orderIds);
    const bottled = new Map(
      (
        await ordersOfBookings(
          this.db,
          rows.map((r) => r.booking.id),
        )
      ).map((o) => [o.o.bookingId, o]),
    );
    const items = rows.map((r): TBooking => {
      const b = r.booking;
      const agreedEvents = appointments.filter((a) => a.orderId === b.workOrderId);
      const agreed = b.visitId
        ? r.visitAgreedAt
        : agreedEvents.at(-1)?.agreedAt
          ? new Date(agreedEvents.at(-1)!.agreedAt!)
          : null;
      const history = [{ type: 'proposed', at: b.createdAt.toISOString() }];
      for (const a of agreedEvents) history.push({ type: 'agreed', at: a.at.toISOString() });
      if (b.visitId && r.visitAgreedAt) history.push({ type: 'agreed', at: r.visitAgreedAt.toISOString() });
      if (r.visitInspectedAt) history.push({ type: 'inspected', at: r.visitInspectedAt.toISOString() });
      return {
        id: b.id,
        kind: b.kind as TBookingKind,
        customerId: b.customerId,
        accountNo: r.accountNo,
        enterpriseName: r.enterpriseName,
        proposedAt: b.proposedAt.toISOString(),
        note: b.note,
        createdAt: b.createdAt.toISOString(),
        agreedAt: agreed?.toISOString() ?? null,
        status: bookingStatus({
          orderState: r.orderState,
          inspectedAt: r.visitInspectedAt,
          agreedAt: agreed ?? null,
        }),
        order:
          b.workOrderId && r.orderNo && r.orderState
            ? {
                id: b.workOrderId,
                orderNo: r.orderNo,
                state: r.orderState,
                stateLabel: WORK_ORDER_STATE_LABELS[r.orderState as WorkOrderState],
                nextDueAt: r.orderNextDueAt?.toISOString() ?? null,
              }
            : null,
        visit:
          b.visitId && r.visitWindowFrom && r.visitWindowTo && r.visitState
            ? {
                id: b.visitId,
                windowFrom: r.visitWindowFrom,
                windowTo: r.visitWindowTo,
                state: r.visitState,
                inspectedAt: r.visitInspectedAt?.toISOString() ?? null,
              }
            : null,
        history,
        bottled: bottledOf(bottled.get(b.id)),
      };
    });
    return { items };
  }
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

function bottledOf(r: Awaited<ReturnType<typeof ordersOfBookings>>[number] | undefined): TBooking['bottled'] {
  if (!r) return null;
  const { o } = r;
  return {
    model: o.model,
    fillG: o.fillG,
    quantity: o.quantity,
    unitPriceFen: o.unitPriceFen,
    deliveryFeeFen: o.deliveryFeeFen,
    totalFen: o.totalFen,
    receipt:
      r.receiptNo && r.deliveredAt
        ? {
            receiptNo: r.receiptNo,
            amountFen: r.amountFen ?? 0,
            deliveredAt: r.deliveredAt.toISOString(),
            onTime: r.onTime ?? false,
            installed: r.installed ?? false,
            signed: r.signed !== null,
          }
        : null,
  };
}
