import { randomUUID } from 'node:crypto';
import { HOUR_MS, addDays, shanghaiMidnightUtc, toShanghaiDate, type WorkCalendar } from '@ranre/domain';
import { and, asc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor.ts';
import type { AppContext } from '../core/context.ts';
import type { Db } from '../db/client.ts';
import { attachments, enterprises, hazards, supplyCoverage, users, workOrders } from '../db/schema.ts';
import { orderHazardRepair } from '../modules/gas/hazards/hazard-repair.ts';
import { stepHazard } from '../modules/gas/hazards/hazards.service.ts';
import { appendPatrol } from '../modules/gas/patrols/patrols.service.ts';
import { RepairConsentService } from '../modules/gas/repair-consents/repair-consents.service.ts';
import { packagedCalendar } from '../modules/platform/calendar/base-data.ts';
import { WorkOrderEventService } from '../modules/service/workorders/events.service.ts';
import { SIGNATURE } from './seed-quality.ts';

// Issue 15, the rest (migration 0041): every demo pipeline company's coverage by community with its capacity
// (G-6.1.1; the villages its bottled-gas neighbours serve stated as not covered, G-7.1.1), two patrols of the
// network — one with findings in the hazard ledger, one closed after its fix (G-5.11.10) — and one household hazard
// the customer asked the company to repair: the work order, the signed price list, the work, the hazard closed
// (G-5.11.7). Written through the functions the API uses, every time relative to `now`.

type Person = typeof users.$inferSelect;
const actorOf = (u: Person, e: typeof enterprises.$inferSelect): Actor => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role as Actor['role'],
  enterpriseId: e.id,
  enterpriseName: e.name,
  enterpriseKind: e.kind,
});

export async function seedPatrols(tx: Db, now: Date) {
  const calendar = packagedCalendar();
  const companies = await tx
    .select()
    .from(enterprises)
    .where(eq(enterprises.kind, 'pipeline_gas'))
    .orderBy(asc(enterprises.createdAt), asc(enterprises.name));
  let coverage = 0;
  for (const [i, e] of companies.entries()) coverage += await seedCoverage(tx, e, i === 0, now);
  for (const e of companies) {
    const people = await tx
      .select()
      .from(users)
      .where(eq(users.enterpriseId, e.id))
      .orderBy(asc(users.username));
    const inspector = people.find((u) => u.role === 'inspector' && u.active);
    if (!inspector) continue;
    const patrols = await seedPatrolRecords(tx, actorOf(inspector, e), now, calendar);
    const repaired = await seedRepair(tx, e, people, now, calendar);
    return { coverage, patrols, repaired };
  }
  return { coverage, patrols: 0, repaired: 0 };
}

/** G-6.1.1: the communities the company serves, covered with room to grow; villages of bottled gas not covered. */
async function seedCoverage(tx: Db, e: typeof enterprises.$inferSelect, first: boolean, now: Date) {
  // Stated by the company's first login; a company with none (the second demo company) by the first login of all.
  const [by] = [
    ...(await tx
      .select()
      .from(users)
      .where(eq(users.enterpriseId, e.id))
      .orderBy(asc(users.username))
      .limit(1)),
    ...(await tx.select().from(users).orderBy(asc(users.createdAt), asc(users.username)).limit(1)),
  ];
  if (!by) return 0;
  const at = new Date(now.getTime() - 30 * 24 * HOUR_MS);
  const served = (await tx.execute(sql`
    select p.district, p.community, count(distinct p.customer_id)::int as n from premises p
    where p.enterprise_id = ${e.id} and p.community <> ''
      and not exists (select 1 from premises q join customers c on c.id = q.customer_id
        where q.community = p.community and c.kind = 'bottled_gas')
    group by 1, 2 order by 2`)) as unknown as { rows: { district: string; community: string; n: number }[] };
  const rows = served.rows.map((r) => ({
    enterpriseId: e.id,
    district: r.district,
    community: r.community,
    covered: true,
    // Room for some new connections: the design load of the community's pipes, rounded up to 50 households.
    capacityHouseholds: Math.ceil((Number(r.n) + 30) / 50) * 50,
    note: '中压管网已敷设至小区调压箱',
    createdBy: by.id,
    createdAt: at,
  }));
  if (first) {
    const villages = (await tx.execute(sql`
      select distinct p.district, p.community from premises p join customers c on c.id = p.customer_id
      where c.kind = 'bottled_gas' and p.community <> '' order by 2 limit 5`)) as unknown as {
      rows: { district: string; community: string }[];
    };
    for (const v of villages.rows)
      rows.push({
        enterpriseId: e.id,
        district: v.district,
        community: v.community,
        covered: false,
        capacityHouseholds: null as unknown as number,
        note: '管网未覆盖，由瓶装燃气供应（G-7.1.1）',
        createdBy: by.id,
        createdAt: at,
      });
  }
  if (rows.length) await tx.insert(supplyCoverage).values(rows);
  return rows.length;
}

/** G-5.11.10: a patrol three days ago with two findings (one fixed since), and yesterday's with none. */
async function seedPatrolRecords(tx: Db, actor: Actor, now: Date, calendar: WorkCalendar) {
  const today = toShanghaiDate(now);
  const at = (daysAgo: number, hh: number) =>
    new Date(shanghaiMidnightUtc(addDays(today, -daysAgo)).getTime() + hh * HOUR_MS);
  const [area] = (
    (await tx.execute(sql`select community from supply_coverage where enterprise_id = ${actor.enterpriseId}
      and covered order by community limit 1`)) as unknown as { rows: { community: string }[] }
  ).rows;
  const patroller = { id: actor.id, name: actor.displayName };
  const first = await appendPatrol(
    tx,
    actor,
    {
      id: randomUUID(),
      route: '华光路中压干线（华光路—共青团路）',
      area: area?.community ?? '华光路沿线',
      startedAt: at(3, 9).toISOString(),
      endedAt: at(3, 11.5).toISOString(),
      note: '沿线巡查，检测阀门井 6 座',
      findings: [
        {
          item: 'third_party_works',
          grade: 'serious',
          responsible: 'company',
          location: '华光路与共青团路路口东 30 米',
          description: '市政雨污分流施工挖掘机在管道上方 2 米内作业，已现场制止并设置警示',
          photos: [SIGNATURE],
        },
        {
          item: 'valve_pit',
          grade: 'general',
          responsible: 'company',
          location: '华光路 3 号阀门井',
          description: '阀门井积水约 30 厘米，井盖边缘破损',
          photos: [SIGNATURE],
        },
      ],
    },
    patroller,
    at(3, 11.5),
    calendar,
  );
  await appendPatrol(
    tx,
    actor,
    {
      id: randomUUID(),
      route: '共青团路低压管网',
      area: area?.community ?? '共青团路沿线',
      startedAt: at(1, 14).toISOString(),
      endedAt: at(1, 16).toISOString(),
      note: '沿线无异常，标志桩齐全',
      findings: [],
    },
    patroller,
    at(1, 16),
    calendar,
  );
  if (first) {
    const [pit] = await tx
      .select({ id: hazards.id })
      .from(hazards)
      .where(and(eq(hazards.patrolId, first.id), eq(hazards.item, 'valve_pit')));
    if (pit)
      await stepHazard(
        tx,
        actor,
        pit.id,
        { type: 'closed', reason: '阀门井已抽水清淤，井盖已更换，复查合格', photos: [SIGNATURE] },
        at(2, 10),
      );
  }
  return 2;
}

/**
 * G-5.11.7: a general household hazard found at least six hours ago, which the customer asks the company to repair:
 * the order, dispatch, the price list signed on site, the work, and the hazard closed by re-inspection.
 */
async function seedRepair(
  tx: Db,
  e: typeof enterprises.$inferSelect,
  people: Person[],
  now: Date,
  calendar: WorkCalendar,
) {
  const desk =
    people.find((u) => u.role === 'dispatcher' && u.active) ??
    people.find((u) => u.role === 'enterprise_admin');
  const tech = people.find((u) => u.role === 'technician' && u.active);
  const inspector = people.find((u) => u.role === 'inspector' && u.active);
  if (!desk || !tech || !inspector) return 0;
  const [h] = await tx
    .select()
    .from(hazards)
    .where(
      and(
        eq(hazards.enterpriseId, e.id),
        eq(hazards.status, 'open'),
        eq(hazards.grade, 'general'),
        isNotNull(hazards.customerId),
        isNull(hazards.repairOrderId),
        lt(hazards.foundAt, new Date(now.getTime() - 6 * HOUR_MS)),
      ),
    )
    .orderBy(asc(hazards.foundAt))
    .limit(1);
  if (!h) return 0;
  // The services' own context on this transaction, its clock stepped through the repair.
  let clock = new Date(Math.min(h.foundAt.getTime() + HOUR_MS, now.getTime() - 5 * HOUR_MS));
  const ctx = {
    database: { db: tx },
    now: () => clock,
    calendar: { current: async () => calendar },
  } as unknown as AppContext;
  const step = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
  await orderHazardRepair(ctx, actorOf(desk, e), h.id, { note: '用户要求由燃气公司上门更换' });
  const [linked] = await tx.select({ id: hazards.repairOrderId }).from(hazards).where(eq(hazards.id, h.id));
  const orderId = linked!.id!;
  const events = new WorkOrderEventService(ctx);
  const act = async (who: Person, event: Record<string, unknown>) => {
    const [o] = await tx
      .select({ version: workOrders.version })
      .from(workOrders)
      .where(eq(workOrders.id, orderId));
    await events.record(actorOf(who, e), orderId, { version: o!.version, event } as never);
  };
  step(10);
  await act(desk, { type: 'dispatched', assignee: tech.id });
  step(10);
  await act(tech, { type: 'accepted' });
  step(60);
  await act(tech, { type: 'arrived_on_site' });
  step(10);
  const signature = async () => {
    const [a] = await tx
      .insert(attachments)
      .values({
        enterpriseId: e.id,
        orderId,
        kind: 'signature',
        mime: 'image/png',
        dataBase64: SIGNATURE.replace(/^data:image\/png;base64,/, ''),
        createdBy: tech.id,
        createdAt: clock,
      })
      .returning();
    return a!.id;
  };
  await new RepairConsentService(ctx).sign(actorOf(tech, e), orderId, {
    lines: [
      { kind: 'material', name: '燃气专用不锈钢波纹管 1.5 米', quantity: 1, unitFen: 4500 },
      { kind: 'part', name: '卡套接头', quantity: 2, unitFen: 800 },
      { kind: 'labour', name: '更换连接管人工', quantity: 1, unitFen: 3000 },
    ],
    signerName: '户主',
    signatureAttachmentId: await signature(),
  });
  step(5);
  await act(tech, { type: 'started' });
  step(40);
  await act(tech, {
    type: 'completed',
    record: {
      result: '已更换燃气专用不锈钢波纹管及接头，检漏合格',
      onSite: true,
      signature: true,
      signatureAttachmentId: await signature(),
    },
  });
  step(30);
  await stepHazard(
    tx,
    actorOf(inspector, e),
    h.id,
    { type: 'closed', reason: '公司维修完毕（工单已完成），复查合格', photos: [] },
    clock,
  );
  return 1;
}
