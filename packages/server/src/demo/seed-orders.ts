import {
  addDays,
  applyWorkOrderEvent,
  catalogueItem,
  shanghaiMidnightUtc,
  toShanghaiDate,
  type ComplaintCategory,
  type WorkCalendar,
  type WorkOrder,
  type WorkOrderChannel,
  type WorkOrderEvent,
} from '@ranre/domain';
import { appendAudit } from '../modules/platform/audit/audit.repository.ts';
import { packagedCalendar } from '../modules/platform/calendar/base-data.ts';
import {
  buildRepeatNotice,
  complaintCategoryFor,
  complaintProjection,
  type PriorComplaint,
} from '../modules/service/workorders/complaints.ts';
import { answerUnreasonable } from '../modules/service/workorders/complaint-judgement.ts';
import { storeOrderClocks } from '../modules/service/workorders/order-clocks.ts';
import { projectionOf } from '../modules/service/workorders/order-log.ts';
import { eventRow } from '../modules/service/workorders/order-write.ts';
import * as repo from '../modules/service/workorders/workorders.repository.ts';
import type { Db } from '../db/client.ts';
import { attachments, complaints } from '../db/schema.ts';
import {
  callersOf,
  linkResident,
  mulberry32,
  peopleOf,
  readUsers,
  type Caller,
  type CustomersByEnterprise,
  type People,
  type SeedEnterprise,
  type SeedUser,
} from './seed-orders-people.ts';
import type { OrderSpec } from './seed-orders-plan.ts';
import { DESCRIPTIONS, everydaySpecs, scenariosFor } from './seed-orders-specs.ts';
import { plannedEvents } from './seed-orders-steps.ts';

export type { SeedCustomer, SeedEnterprise, SeedUser } from './seed-orders-people.ts';

// A realistic month of work orders for the first pipeline-gas and the first heating demo company, built by
// replaying real domain events (applyWorkOrderEvent) — so every projection, complaint row and stored clock is
// what the running system would have written. Deterministic: a seeded generator, times relative to `now`.

export interface SeedOrdersData {
  enterprises: readonly SeedEnterprise[];
  /** By enterprise id; read from the database when left out (after seedCustomers). */
  customersByEnterprise?: CustomersByEnterprise;
  /** The logins to act as; read from the database when left out. */
  users?: readonly SeedUser[];
}
export interface SeedOrdersSummary {
  orders: number;
  events: number;
  complaints: number;
  byEnterprise: Record<string, number>;
}

/** 1x1 PNG standing in for a signature drawn on the technician's phone (G-5.9.7). */
const SIGNATURE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export async function seedOrders(
  tx: Db,
  data: SeedOrdersData,
  now: Date,
  calendar: WorkCalendar = packagedCalendar(),
): Promise<SeedOrdersSummary> {
  const summary: SeedOrdersSummary = { orders: 0, events: 0, complaints: 0, byEnterprise: {} };
  const targets = [
    data.enterprises.find((e) => e.kind === 'pipeline_gas'),
    data.enterprises.find((e) => e.kind === 'heating'),
  ].filter((e): e is SeedEnterprise => e !== undefined);
  const logins = data.users ?? (await readUsers(tx, targets));
  for (const [k, enterprise] of targets.entries()) {
    const people = peopleOf(logins, enterprise.id);
    if (!people.agent || !people.dispatcher || !people.tech) continue;
    const rnd = mulberry32(20261126 + k * 7919);
    // Made-up callers draw from their own generator, so the orders are the same with or without customers.
    const callers = await callersOf(tx, data.customersByEnterprise, enterprise.id, mulberry32(5330 + k));
    const residentCaller = await linkResident(tx, people.resident, enterprise.id, callers, now);
    const specs = [...scenariosFor(enterprise.kind), ...everydaySpecs(enterprise.kind, rnd)];
    const seeder = new OrderSeeder(tx, enterprise, people, callers, residentCaller, now, calendar, rnd);
    const count = await seeder.run(specs);
    summary.orders += count.orders;
    summary.events += count.events;
    summary.complaints += count.complaints;
    summary.byEnterprise[enterprise.name] = count.orders;
  }
  await appendAudit(tx, {
    actor: null,
    enterpriseId: null,
    action: 'seed.orders',
    entity: 'seed',
    entityId: 'orders',
    after: summary,
  });
  return summary;
}

class OrderSeeder {
  private readonly priors = new Map<string, PriorComplaint[]>();
  private readonly count = { orders: 0, events: 0, complaints: 0 };
  private readonly prefix: string;

  constructor(
    private readonly tx: Db,
    private readonly enterprise: SeedEnterprise,
    private readonly people: People,
    private readonly callers: Caller[],
    private readonly residentCaller: Caller | null,
    private readonly now: Date,
    private readonly calendar: WorkCalendar,
    private readonly rnd: () => number,
  ) {
    this.prefix = enterprise.kind === 'heating' ? 'H' : 'G';
  }

  async run(specs: OrderSpec[]) {
    const timed = specs
      .map((spec) => {
        const receivedAt = this.receivedAt(spec);
        const intakeAt = spec.transfer ? new Date(receivedAt.getTime() + 25 * 60_000) : receivedAt;
        const caller =
          spec.byResident && this.residentCaller
            ? this.residentCaller
            : this.callers[
                (spec.caller ?? Math.floor(this.rnd() * this.callers.length)) % this.callers.length
              ]!;
        return { spec, receivedAt, intakeAt, caller };
      })
      .filter((o) => o.intakeAt.getTime() <= this.now.getTime())
      .sort((a, b) => a.intakeAt.getTime() - b.intakeAt.getTime());
    for (const o of timed) await this.seedOne(o.spec, o.receivedAt, o.intakeAt, o.caller);
    return this.count;
  }

  private receivedAt(spec: OrderSpec): Date {
    if (typeof spec.ago === 'number') return new Date(this.now.getTime() - spec.ago * 60_000);
    const day = shanghaiMidnightUtc(addDays(toShanghaiDate(this.now), -spec.ago.days));
    return new Date(day.getTime() + (spec.ago.hh * 60 + spec.ago.mm) * 60_000);
  }

  private async seedOne(spec: OrderSpec, receivedAt: Date, intakeAt: Date, caller: Caller) {
    const item = catalogueItem(spec.item);
    const intake = spec.byResident && this.people.resident ? this.people.resident : this.people.agent!;
    const key = caller.customerId ?? caller.phone;
    const notice =
      item.category === 'complaint'
        ? buildRepeatNotice(this.priors.get(key) ?? [], receivedAt, {
            defaultContact: `${this.people.agent!.displayName}，${this.enterprise.hotline ?? '0533-12345'}`,
          })
        : undefined;
    const category = notice ? complaintCategoryFor(spec.category ?? 'attitude', notice) : undefined;
    const texts = DESCRIPTIONS[spec.item] ?? ['用户来电反映问题'];
    const description = texts[Math.floor(this.rnd() * texts.length)]!;
    const channel: WorkOrderChannel = spec.channel ?? 'phone';
    const received = {
      type: 'received',
      at: receivedAt,
      by: intake.id,
      itemCode: item.code,
      channel,
      summary: description,
      ...(caller.customerId ? { customerId: caller.customerId } : {}),
      ...(category ? { complaintCategory: category as ComplaintCategory } : {}),
      ...(item.category === 'emergency' ? { safetyAdviceGiven: true } : {}),
    } as WorkOrderEvent;
    const planned = plannedEvents({
      spec,
      receivedAt: intakeAt,
      caller: caller.name,
      techName: this.people.tech!.displayName,
      ids: { tech: this.people.tech!.id },
      rnd: this.rnd,
    }).filter((p) => this.people[p.who] && p.at.getTime() <= this.now.getTime());
    const log = [
      { event: received, actor: intake },
      ...planned.map((p) => {
        const actor = this.people[p.who]!;
        return { event: { ...p.event, at: p.at, by: actor.id } as unknown as WorkOrderEvent, actor };
      }),
    ];
    let order: WorkOrder | undefined;
    for (const [i, entry] of log.entries()) {
      try {
        order = applyWorkOrderEvent(order, entry.event, entry.actor.role);
      } catch (error) {
        throw new Error(
          `demo order ${spec.item}/${spec.path}, event ${i + 1} (${entry.event.type}): ${String(error)}`,
        );
      }
    }
    const final = order!;

    const row = await repo.insertOrder(this.tx, {
      enterpriseId: this.enterprise.id,
      orderNo: await repo.nextOrderNo(this.tx, this.enterprise.id, this.prefix, toShanghaiDate(intakeAt)),
      itemCode: item.code,
      channel,
      customerId: caller.customerId,
      callerName: caller.name,
      callerPhone: caller.phone,
      address: caller.address,
      description,
      ...projectionOf(final),
      isComplaint: item.category === 'complaint',
      receivedAt,
      externalRef: spec.transfer
        ? `ZB12345-${toShanghaiDate(receivedAt).replaceAll('-', '')}-${String(100 + this.count.orders).slice(-3)}`
        : null,
      createdBy: intake.id,
      version: Math.max(1, log.length - (item.category === 'referral' ? 1 : 0)),
      createdAt: intakeAt,
      updatedAt: log.at(-1)!.event.at,
    });
    await repo.insertEvents(
      this.tx,
      log.map((e) =>
        eventRow(row, e.event, e.actor, new Date(Math.max(e.event.at.getTime(), intakeAt.getTime()))),
      ),
    );
    await this.signatures(row.id, log);
    for (const e of log) await answerUnreasonable(this.tx, row, e.event); // H-10.4.4, as the live path does
    const events = log.map((e) => e.event);
    const clocks = await storeOrderClocks(
      this.tx,
      { ...row, breached: false },
      events,
      this.now,
      this.calendar,
    );
    await repo.updateOrderClockFields(this.tx, row.id, {
      nextDueAt: clocks.nextDueAt,
      breached: clocks.breached,
    });
    if (notice && category) {
      await this.tx.insert(complaints).values({
        orderId: row.id,
        enterpriseId: this.enterprise.id,
        category,
        repeatCount: notice.unresolvedReports,
        flagged: notice.repeatedUnresolved,
        repeatNotice: notice as unknown as Record<string, unknown>,
        ...complaintProjection(final),
        updatedAt: row.updatedAt,
      });
      const closedAt = final.state === 'closed' && final.closure?.as === 'resolved' ? final.closure.at : null;
      const prior = this.priors.get(key) ?? [];
      prior.push({
        orderNo: row.orderNo,
        receivedAt,
        resolvedAt: closedAt,
        measures: final.complaint?.findings?.correctiveMeasures ?? null,
      });
      this.priors.set(key, prior);
      this.count.complaints += 1;
    }
    this.count.orders += 1;
    this.count.events += log.length;
  }

  /** The customer's signature, drawn on the phone just before each signed record (G-5.9.7). */
  private async signatures(orderId: string, log: { event: WorkOrderEvent; actor: SeedUser }[]) {
    for (const { event, actor } of log) {
      if (event.type !== 'completed' || event.record.signature !== true) continue;
      await this.tx.insert(attachments).values({
        enterpriseId: this.enterprise.id,
        orderId,
        kind: 'signature',
        mime: 'image/png',
        dataBase64: SIGNATURE_PNG,
        createdBy: actor.id,
        createdAt: new Date(event.at.getTime() - 60_000),
      });
    }
  }
}
