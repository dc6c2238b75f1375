import {
  consentProblem,
  assigneeRolesFor,
  catalogueItem,
  dutyProblem,
  isRushRepairItem,
  evaluateOrderClocks,
  isCatalogueCode,
  qualificationProblem,
  toShanghaiDate,
  workOrderEventOptions,
  receptionScript,
  replayWorkOrder,
  TERMINAL_STATES,
  type Messages,
  type ReceptionChannel,
  type WorkOrder,
  type WorkOrderChannel,
  type WorkOrderEvent,
  type WorkOrderState,
} from '@ranre/domain';
import { and, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { users, workOrders } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { identityVisibleSql, seesIdentity, visibleOrders } from './access.ts';
import { complaintView } from './complaints.ts';
import { consentMissingFrom } from '../../gas/repair-consents/consent-gate.ts';
import { measurementMissing, measurementOf, type MeasurementStatus } from './measurement-gate.ts';
import { clockBriefView, liveClockView, sortClocks } from './order-clocks.ts';
import { toLogEntry } from './order-log.ts';
import * as related from './related.repository.ts';
import { jobRequirementsOf } from '../../platform/qualifications/qualifications.repository.ts';
import * as repo from './workorders.repository.ts';
import type { TClock, TWorkOrderDetail, TWorkOrderQuery, TWorkOrderSummary } from './workorders.schemas.ts';
import { eventViews, toBoardItem, toSummary } from './workorders.views.ts';

// Reading work orders: the scoped list, the dispatcher's board, one order with its timeline, clocks,
// complaint, attachments, the events the caller may record next, and the reception script (G-5.5.4).

/** Who may be dispatched to, and who may take an order over (G-5.5.1). */
export const ASSIGNEE_ROLES = ['technician', 'inspector'] as const;
export const HANDOVER_ROLES = ['agent', 'dispatcher', 'enterprise_admin', 'technician', 'inspector'] as const;
const SCRIPT_ROLES = new Set(['agent', 'dispatcher', 'enterprise_admin', 'technician']);
const BOARD_LIMIT = 200;
/** More changes than this since the last poll: the whole board is sent again instead. */
const BOARD_CHANGES_LIMIT = 500;

const RECEPTION: Record<WorkOrderChannel, ReceptionChannel> = {
  phone: 'phone',
  hotline_12345: 'phone',
  counter: 'counter',
  on_site: 'on_site',
  patrol: 'on_site',
  web: 'online',
  wechat: 'online',
  app: 'online',
  sms: 'online',
  self_service_terminal: 'online',
  letter: 'online',
};

export class WorkOrderReader {
  constructor(private readonly ctx: AppContext) {}

  private get db(): Db {
    return this.ctx.database.db;
  }

  async list(actor: Actor, q: TWorkOrderQuery) {
    const where: (SQL | undefined)[] = [
      visibleOrders(actor, enterpriseScope(actor, q.enterpriseId) ?? undefined),
    ];
    if (q.state === 'open') where.push(repo.isOpen());
    else if (q.state) where.push(eq(workOrders.state, q.state));
    if (q.assignee) where.push(eq(workOrders.assigneeId, q.assignee === 'me' ? actor.id : q.assignee));
    if (q.customerId) where.push(eq(workOrders.customerId, q.customerId));
    if (q.complaint) where.push(eq(workOrders.isComplaint, q.complaint === 'true'));
    if (q.breached) where.push(eq(workOrders.breached, q.breached === 'true'));
    if (q.responsibility) where.push(repo.complaintResponsibility(q.responsibility));
    if (q.q) where.push(search(actor, q.q));
    const rows = await repo.listOrderViews(this.db, where, q.sort, q.limit + 1, decodeCursor(q.cursor));
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > q.limit && last
        ? encodeCursor({
            v: (q.sort === 'due' ? last.nextDueAt : last.receivedAt)?.toISOString() ?? null,
            id: last.id,
          })
        : null;
    return { items: await this.summaries(actor, page), nextCursor };
  }

  /**
   * The dispatcher's board (issue 21): open orders, soonest due first, orders without a running clock last, each
   * with only what the screen shows. Without `since` the whole board; with the cursor of a previous poll only the
   * orders changed since (open ones to add or replace, closed ones to remove), so a poll with nothing new is tiny.
   */
  async board(actor: Actor, since?: string) {
    if (since !== undefined) checkBoardCursor(since);
    const cursor = await repo.boardCursor(this.db);
    if (since !== undefined) {
      const changed = await repo.boardRows(this.db, [visibleOrders(actor)], BOARD_CHANGES_LIMIT + 1, since);
      if (changed.length <= BOARD_CHANGES_LIMIT) {
        const open = changed.filter((r) => !TERMINAL_STATES.includes(r.state as WorkOrderState));
        return {
          full: false,
          items: open.map((r) => toBoardItem(actor, r)),
          removed: changed.filter((r) => !open.includes(r)).map((r) => r.id),
          cursor,
        };
      }
    }
    const rows = await repo.boardRows(this.db, [visibleOrders(actor), repo.isOpen()], BOARD_LIMIT);
    return { full: true, items: rows.map((r) => toBoardItem(actor, r)), removed: [], cursor };
  }

  /** List rows carry their clocks' state and due; the explanations are on the order's detail only. */
  private async summaries(actor: Actor, rows: repo.OrderView[]): Promise<TWorkOrderSummary[]> {
    const clocks = await repo.clockBriefsOf(
      this.db,
      rows.map((r) => r.id),
    );
    const byOrder = new Map<string, repo.ClockBriefRow[]>();
    for (const c of clocks) {
      const list = byOrder.get(c.orderId);
      if (list) list.push(c);
      else byOrder.set(c.orderId, [c]);
    }
    return rows.map((r) => {
      const own = (byOrder.get(r.id) ?? []).map((c) => clockBriefView(r.itemCode, c));
      return toSummary(actor, r, sortClocks(r.itemCode, own));
    });
  }

  async detail(actor: Actor, id: string): Promise<TWorkOrderDetail> {
    const rows = await repo.findOrderDetail(this.db, id, visibleOrders(actor), actor.id);
    if (!rows) throw notFound('work order');
    return this.detailOf(actor, rows);
  }

  /**
   * The detail of an order just taken, from the rows its intake wrote (issue 21: the answer to an intake reads
   * nothing back). Nothing else is known of a new order yet: no attachments or resident entries, no facility owner
   * stated, no hazard it repairs, no consent signed, no measurement; everything else is built as for any order.
   */
  freshDetail(actor: Actor, written: repo.IntakeRows): Promise<TWorkOrderDetail> {
    return this.detailOf(actor, {
      ...written,
      attachments: [],
      residentEntries: [],
      facilityOwner: null,
      repairsHazard: false,
      consentSigned: false,
      measured: false,
      names: null,
    });
  }

  private async detailOf(actor: Actor, rows: repo.OrderDetailRows): Promise<TWorkOrderDetail> {
    const { order: o, events, clocks: stored, complaint, attachments, residentEntries } = rows;
    const [measurement, calendar] = await Promise.all([
      measurementOf(o.itemCode, () => rows.measured),
      this.ctx.calendar.current(),
    ]);
    const entries = events.map(toLogEntry);
    const order = replayWorkOrder(entries);
    const live = evaluateOrderClocks(
      o.itemCode,
      entries.map((e) => e.event),
      this.ctx.now(),
      calendar,
    );
    const clocks: TClock[] = live.map((r) =>
      liveClockView(
        o.itemCode,
        r,
        stored.find((s) => s.name === r.name),
      ),
    );
    const [names, script] = await Promise.all([
      rows.names ? new Map(Object.entries(rows.names)) : this.namesIn(events),
      SCRIPT_ROLES.has(actor.role) && actor.enterpriseId === o.enterpriseId
        ? this.script(actor, o.enterpriseName, o.channel as WorkOrderChannel, async () => rows.staffBadge)
        : null,
    ]);
    return {
      ...toSummary(actor, o, clocks),
      clocks,
      events: eventViews(actor, o, events, names),
      complaint: complaint ? complaintView(complaint) : null,
      // A complainant's signature is part of his identity (G-5.7.6): listed only for those handling it.
      attachments: attachments
        .filter((a) => a.kind !== 'signature' || seesIdentity(actor, o))
        .map((a) => ({
          id: a.id,
          kind: a.kind as 'signature' | 'photo',
          mime: a.mime,
          createdAt: a.createdAt.toISOString(),
        })),
      measurement,
      ...eventOptions(
        actor,
        o,
        order,
        entries.map((e) => e.event),
        measurement,
        consentMissingFrom(o.itemCode, {
          stated: rows.facilityOwner,
          repairsHazard: rows.repairsHazard,
          signed: rows.consentSigned,
        }),
      ),
      script,
      residentEntries,
    };
  }

  /** G-5.5.4: greeting, company name and badge number (the login's staff record, else the login name), farewell. */
  async script(
    actor: Actor,
    companyName: string,
    channel: WorkOrderChannel,
    staffBadge = () => related.findStaffBadge(this.db, actor.id),
  ) {
    const badge = (await staffBadge()) ?? actor.username;
    const lines = receptionScript({
      companyName,
      badgeNumber: badge,
      agentName: actor.displayName,
      channel: RECEPTION[channel],
    });
    return { zh: lines.map((l) => l.zh), en: lines.map((l) => l.en) };
  }

  async scriptForIntake(actor: Actor, channel: WorkOrderChannel) {
    const enterprise = await related.findEnterprise(this.db, actor.enterpriseId);
    if (!enterprise) throw notFound('enterprise');
    return this.script(actor, enterprise.name, channel);
  }

  /**
   * Who may be dispatched (for an item: only the roles it takes — a repair never an inspector) or handed over to.
   * A person whose qualification certificate has expired is listed with the reason and cannot be picked (G-5.6.1).
   */
  async assignees(actor: Actor, purpose: 'dispatch' | 'handover', itemCode?: string) {
    const roles =
      purpose === 'handover'
        ? HANDOVER_ROLES
        : itemCode && isCatalogueCode(itemCode)
          ? assigneeRolesFor(catalogueItem(itemCode).category)
          : ASSIGNEE_ROLES;
    const people = await related.listUsersWithRoles(this.db, actor.enterpriseId, roles);
    if (purpose === 'handover') {
      return { items: people.map((p) => ({ ...p, unavailable: null, onDuty: null })) };
    }
    const now = this.ctx.now();
    const certs = await related.certificatesOfUsers(this.db, actor.enterpriseId, people);
    const today = toShanghaiDate(now);
    // G-5.6.1, G-9.2.2: the certificates the enterprise requires for this job, and whether the login has a record.
    const jobs = await jobRequirementsOf(this.db, actor.enterpriseId, itemCode, people);
    // G-5.12.3, H-6.4.3, H-7.3.1: for an urgent order the list marks who is on a rush-repair shift now.
    const urgent = !!itemCode && isCatalogueCode(itemCode) && isRushRepairItem(catalogueItem(itemCode));
    const duty = await related.onRushRepairDuty(
      this.db,
      actor.enterpriseId,
      people.map((p) => p.id),
      now,
    );
    return {
      items: people.map((p) => ({
        ...p,
        unavailable:
          qualificationProblem(certs.get(p.id) ?? [], today, jobs.get(p.id)) ??
          (urgent ? dutyProblem(duty.has(p.id)) : null),
        onDuty: duty.has(p.id),
      })),
    };
  }

  /** Display names of the people events point at (assignee, hand-over target). */
  private async namesIn(events: { payload: Record<string, unknown> }[]): Promise<Map<string, string>> {
    const ids = new Set<string>();
    for (const e of events) {
      for (const key of ['assignee', 'to']) {
        const v = e.payload[key];
        if (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v)) ids.add(v);
      }
    }
    if (ids.size === 0) return new Map();
    const rows = await this.db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, [...ids]));
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

/**
 * The events the caller may record next as the domain accepts them now (state, role, guards such as 归档 only
 * after a satisfied return visit, steps already recorded left out), and those refused now with the reason; a
 * technician only on his own orders.
 */
function eventOptions(
  actor: Actor,
  o: repo.OrderView,
  order: WorkOrder,
  events: WorkOrderEvent[],
  measurement: MeasurementStatus | null,
  consentMissing = false,
) {
  if (
    (actor.role === 'technician' && o.assigneeId !== actor.id) ||
    (actor.role !== 'regulator' && actor.enterpriseId !== o.enterpriseId)
  ) {
    return { allowedEvents: [] as string[], blockedEvents: [] };
  }
  const options = workOrderEventOptions(order, events, actor.role);
  const blockedEvents: { type: string; reason: Messages }[] = [...options.blocked];
  let allowedEvents: string[] = options.allowed;
  // H-5.4.5: completion waits for the measurement the item requires; the screen says so instead of offering it.
  if (measurement && !measurement.recorded && allowedEvents.includes('completed')) {
    allowedEvents = allowedEvents.filter((e) => e !== 'completed');
    blockedEvents.push({ type: 'completed', reason: measurementMissing(measurement.protocol) });
  }
  // G-9.2.6, H-7.3.8: appliance work and paid repairs wait for the customer's signed consent to the price list.
  if (consentMissing) {
    for (const type of allowedEvents.filter((e) => e === 'started' || e === 'completed')) {
      blockedEvents.push({ type, reason: consentProblem(o.itemCode, type, false, 'customer')! });
    }
    allowedEvents = allowedEvents.filter((e) => e !== 'started' && e !== 'completed');
  }
  return { allowedEvents, blockedEvents };
}

/** Order number, text and 12345 reference always; caller fields only where the caller may see who it is. */
function search(actor: Actor, text: string): SQL {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(
    ilike(workOrders.orderNo, like),
    ilike(workOrders.description, like),
    ilike(workOrders.externalRef, like),
    and(
      identityVisibleSql(actor),
      or(
        ilike(workOrders.callerName, like),
        ilike(workOrders.callerPhone, like),
        ilike(workOrders.address, like),
      ),
    ),
  )!;
}

/** A board cursor is a snapshot the database gave: xmin ≤ each in-progress id < xmax, in order; else 400. */
function checkBoardCursor(text: string) {
  const [xmin, xmax, list] = text.split(':') as [string, string, string];
  const ids = list ? list.split(',').map(BigInt) : [];
  const bounds = [BigInt(xmin), ...ids, BigInt(xmax)];
  const ordered = bounds.every((v, i) => i === 0 || v >= bounds[i - 1]!);
  if (!ordered || (ids.length > 0 && ids.at(-1)! >= BigInt(xmax))) {
    throw appError(
      'VALIDATION_FAILED',
      {
        zh: '看板游标无效，请重新加载看板',
        en: 'The board cursor is not valid; load the board again',
      },
      [{ path: 'querystring.since', message: 'invalid cursor' }],
    );
  }
}

function encodeCursor(c: repo.Cursor): string {
  return Buffer.from(JSON.stringify([c.v, c.id])).toString('base64url');
}

function decodeCursor(text: string | undefined): repo.Cursor | undefined {
  if (!text) return undefined;
  try {
    const [v, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    const validV = v === null || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));
    if (validV && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { v: v as string | null, id };
  } catch {
    // fall through
  }
  throw appError(
    'VALIDATION_FAILED',
    {
      zh: '分页游标无效，请从第一页重新查询',
      en: 'The page cursor is not valid; start again from the first page',
    },
    [{ path: 'querystring.cursor', message: 'invalid cursor' }],
  );
}
