import {
  addDays,
  applyWorkOrderEvent,
  BOTTLED_DELIVERY_ITEM,
  deliveredOnTime,
  residueCompensation,
  toShanghaiDate,
  type WorkCalendar,
  type WorkOrder,
  type WorkOrderChannel,
  type WorkOrderEvent,
} from '@ranre/domain';
import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  attachments,
  customers,
  cylinderDeliveries,
  cylinderEvents,
  cylinderPriceLists,
  cylinderResidues,
  cylinders,
  ledgerEntries,
  safetyEducationRecords,
  users,
} from '../db/schema.ts';
import { packagedCalendar } from '../modules/platform/calendar/base-data.ts';
import { storeOrderClocks } from '../modules/service/workorders/order-clocks.ts';
import { projectionOf } from '../modules/service/workorders/order-log.ts';
import { eventRow } from '../modules/service/workorders/order-write.ts';
import * as repo from '../modules/service/workorders/workorders.repository.ts';
import { mulberry32 } from './seed-orders-people.ts';

// Issue 18 demo: the LPG company's bottled-gas customers and a season of orders (phone, counter, WeChat, the
// self-service terminal) delivered by the courier — each one a work order of the delivery item replayed through the
// domain, with the cylinder handed over and the one taken back taken from the cylinders' own delivery and return
// events (seed-cylinders), installed and signed for or declined with the advice, the handbook, the receipt — and the
// residue weighed in the returned cylinders, the ones above 3 % credited on the ledger. Two orders wait for today's
// courier. Relative to `now`; a fixed seed.

const DAYS = 60;
const PRICE_FEN = 11_000; // ¥110 a 14.5 kg cylinder (demo price)
const SIGNATURE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const GIVEN = [
  '桂兰',
  '秀英',
  '建国',
  '立新',
  '玉梅',
  '德福',
  '淑珍',
  '海燕',
  '志刚',
  '春花',
  '长江',
  '凤英',
];
const VILLAGES = [
  '寨里镇西村',
  '罗村镇南韩村',
  '岭子镇北岭村',
  '太河镇东股村',
  '西河镇西河村',
  '双杨镇赵瓦村',
];
const CHANNELS: WorkOrderChannel[] = ['phone', 'phone', 'counter', 'wechat', 'self_service_terminal'];
const ADVICE = '用户自行安装，已告知连接后用肥皂水检漏、严禁明火试漏、软管不超过2米';

type Login = { id: string; role: string; displayName: string };

export async function seedDeliveries(
  tx: Db,
  enterpriseId: string,
  now: Date,
  calendar: WorkCalendar = packagedCalendar(),
) {
  const rnd = mulberry32(5_163_000);
  await seedPriceLists(tx, enterpriseId, now);
  const logins = await tx
    .select({ id: users.id, role: users.role, displayName: users.displayName, username: users.username })
    .from(users)
    .where(eq(users.enterpriseId, enterpriseId));
  const agent = logins.find((u) => u.role === 'agent');
  const courier = logins.find((u) => u.role === 'technician');
  if (!agent || !courier) return { customers: 0, deliveries: 0, credited: 0 };

  const people = await tx
    .insert(customers)
    .values(
      Array.from({ length: 80 }, (_, i) => {
        const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
        const accountNo = `PZ${String(100_001 + i)}`;
        const phone = `139053${String(31_000 + i * 7).padStart(5, '0')}`;
        return {
          enterpriseId,
          accountNo,
          kind: 'bottled_gas',
          name,
          phone,
          searchText: `${name} ${accountNo} ${phone}`,
        };
      }),
    )
    .returning({ id: customers.id, name: customers.name, phone: customers.phone });

  const since = new Date(now.getTime() - DAYS * 86_400_000);
  const life = await tx
    .select({ cylinderId: cylinderEvents.cylinderId, type: cylinderEvents.type, at: cylinderEvents.at })
    .from(cylinderEvents)
    .where(
      and(
        eq(cylinderEvents.enterpriseId, enterpriseId),
        inArray(cylinderEvents.type, ['delivered', 'returned']),
        gte(cylinderEvents.at, since),
      ),
    )
    .orderBy(cylinderEvents.at);
  const returnsByDay = new Map<string, string[]>();
  for (const e of life.filter((x) => x.type === 'returned')) {
    const day = toShanghaiDate(e.at);
    returnsByDay.set(day, [...(returnsByDay.get(day) ?? []), e.cylinderId]);
  }
  const fills = new Map(
    (
      await tx
        .select({ id: cylinders.id, g: cylinders.ratedFillG })
        .from(cylinders)
        .where(eq(cylinders.enterpriseId, enterpriseId))
    ).map((c) => [c.id, c.g]),
  );
  const residueOf = new Map(
    (
      await tx
        .select({ id: cylinderEvents.cylinderId, details: cylinderEvents.details })
        .from(cylinderEvents)
        .where(
          and(
            eq(cylinderEvents.enterpriseId, enterpriseId),
            eq(cylinderEvents.type, 'returned'),
            gte(cylinderEvents.at, since),
          ),
        )
    ).map((r) => [r.id, Number(r.details.residueG ?? 0)]),
  );

  const delivered = life.filter((x) => x.type === 'delivered').filter((_, i) => i % 3 === 0);
  let count = 0;
  let credited = 0;
  for (const [i, d] of delivered.entries()) {
    const customer = people[i % people.length]!;
    const day = toShanghaiDate(d.at);
    const empty = (returnsByDay.get(day) ?? []).find((id) => id !== d.cylinderId);
    if (empty)
      returnsByDay.set(
        day,
        returnsByDay.get(day)!.filter((id) => id !== empty),
      );
    const receivedAt = new Date(d.at.getTime() - (2 + Math.floor(rnd() * 4)) * 3_600_000);
    // Most arrive inside the agreed half hour; about one in eight late.
    const agreedAt = new Date(d.at.getTime() - (rnd() < 0.12 ? 50 : -10) * 60_000);
    const installed = rnd() > 0.1;
    const address = `淄川区${VILLAGES[i % VILLAGES.length]}${1 + (i % 40)}号`;
    const order = await seedOrder(tx, {
      enterpriseId,
      agent,
      courier,
      customer,
      address,
      channel: CHANNELS[i % CHANNELS.length]!,
      receivedAt,
      agreedAt,
      arrivedAt: new Date(d.at.getTime() - 10 * 60_000),
      completedAt: d.at,
      installed,
      now,
      calendar,
    });
    const [signature] = installed
      ? await tx
          .insert(attachments)
          .values({
            enterpriseId,
            orderId: order.id,
            kind: 'signature',
            mime: 'image/png',
            dataBase64: SIGNATURE_PNG,
            createdBy: courier.id,
            createdAt: new Date(d.at.getTime() - 60_000),
          })
          .returning({ id: attachments.id })
      : [];
    const [delivery] = await tx
      .insert(cylinderDeliveries)
      .values({
        enterpriseId,
        workOrderId: order.id,
        customerId: customer.id,
        fullCylinderId: d.cylinderId,
        emptyCylinderId: empty ?? null,
        receiptNo: `SQ${order.orderNo}`,
        amountFen: PRICE_FEN,
        installed,
        leakChecked: installed,
        ignitionTested: installed,
        declinedAdvice: installed ? null : ADVICE,
        handbookGiven: i % 4 === 0,
        signatureAttachmentId: signature?.id ?? null,
        agreedAt,
        onTime: deliveredOnTime(agreedAt, d.at),
        courierId: courier.id,
        deliveredAt: d.at,
      })
      .returning();
    count++;
    if (i % 4 === 0) {
      await tx.insert(safetyEducationRecords).values({
        enterpriseId,
        customerId: customer.id,
        occasion: 'delivery',
        handbookGiven: true,
        topics: [],
        givenOn: day,
        note: `送气 ${delivery!.receiptNo}`,
        createdBy: courier.id,
        createdAt: d.at,
      });
    }
    // The residue of the empty, weighed at the station the next day (the last week's still waiting).
    const residueG = empty ? residueOf.get(empty) : undefined;
    const weighedAt = new Date(d.at.getTime() + 20 * 3_600_000);
    if (
      !empty ||
      residueG === undefined ||
      weighedAt > now ||
      d.at > new Date(now.getTime() - 7 * 86_400_000)
    )
      continue;
    const fillG = fills.get(empty)!;
    const outcome = residueCompensation({ residueG: Math.min(residueG, fillG), fillG, amountFen: PRICE_FEN });
    const id = crypto.randomUUID();
    const [entry] =
      outcome.refundFen > 0
        ? await tx
            .insert(ledgerEntries)
            .values({
              enterpriseId,
              customerId: customer.id,
              sector: 'gas',
              kind: 'adjustment',
              amountFen: -outcome.refundFen,
              refType: 'cylinder_residue',
              refId: id,
              reason: `${delivery!.receiptNo} 残液超过充装量3%的部分退还（G-7.1.13、G-7.1.14）`,
              bookedOn: toShanghaiDate(weighedAt),
              createdBy: agent.id,
              createdAt: weighedAt,
            })
            .returning({ id: ledgerEntries.id })
        : [];
    if (entry) credited++;
    await tx.insert(cylinderResidues).values({
      id,
      enterpriseId,
      deliveryId: delivery!.id,
      cylinderId: empty,
      customerId: customer.id,
      residueG: Math.min(residueG, fillG),
      fillG,
      ...outcome,
      ledgerEntryId: entry?.id ?? null,
      weighedBy: agent.id,
      weighedAt,
    });
  }
  // Today's two orders for the courier: accepted, not yet delivered.
  for (let k = 0; k < 2; k++) {
    const receivedAt = new Date(now.getTime() - (90 - k * 30) * 60_000);
    await seedOrder(tx, {
      enterpriseId,
      agent,
      courier,
      customer: people[people.length - 1 - k]!,
      address: `淄川区${VILLAGES[k]}${k + 3}号`,
      channel: k === 0 ? 'phone' : 'counter',
      receivedAt,
      agreedAt: new Date(now.getTime() + (60 + k * 60) * 60_000),
      now,
      calendar,
    });
  }
  return { customers: people.length, deliveries: count, credited };
}

interface OrderPlan {
  enterpriseId: string;
  agent: Login;
  courier: Login;
  customer: { id: string; name: string; phone: string | null };
  address: string;
  channel: WorkOrderChannel;
  receivedAt: Date;
  agreedAt: Date;
  arrivedAt?: Date;
  completedAt?: Date;
  installed?: boolean;
  now: Date;
  calendar: WorkCalendar;
}

/** One delivery order replayed through the domain, as the live intake and the courier's phone would write it. */
async function seedOrder(tx: Db, p: OrderPlan) {
  const minutes = (n: number) => new Date(p.receivedAt.getTime() + n * 60_000);
  const log: { event: WorkOrderEvent; actor: Login }[] = [
    {
      event: {
        type: 'received',
        at: p.receivedAt,
        by: p.agent.id,
        itemCode: BOTTLED_DELIVERY_ITEM,
        channel: p.channel,
        summary: '订购液化气 15 kg 一瓶，送气上门',
        customerId: p.customer.id,
      } as WorkOrderEvent,
      actor: p.agent,
    },
    {
      event: {
        type: 'appointment_agreed',
        at: minutes(2),
        by: p.agent.id,
        agreedAt: p.agreedAt,
      } as WorkOrderEvent,
      actor: p.agent,
    },
    {
      event: { type: 'dispatched', at: minutes(3), by: p.agent.id, assignee: p.courier.id } as WorkOrderEvent,
      actor: p.agent,
    },
    { event: { type: 'accepted', at: minutes(8), by: p.courier.id } as WorkOrderEvent, actor: p.courier },
  ];
  if (p.arrivedAt && p.completedAt) {
    log.push(
      {
        event: { type: 'arrived_on_site', at: p.arrivedAt, by: p.courier.id } as WorkOrderEvent,
        actor: p.courier,
      },
      {
        event: {
          type: 'completed',
          at: p.completedAt,
          by: p.courier.id,
          record: p.installed
            ? { result: '送气安装完毕，检漏、点火正常', onSite: true, signature: true }
            : { result: '送气完毕', onSite: true, signatureRefusedReason: `用户拒绝安装，已告知：${ADVICE}` },
        } as unknown as WorkOrderEvent,
        actor: p.courier,
      },
    );
  }
  let order: WorkOrder | undefined;
  for (const e of log) order = applyWorkOrderEvent(order, e.event, e.actor.role as never);
  const row = await repo.insertOrder(tx, {
    enterpriseId: p.enterpriseId,
    orderNo: await repo.nextOrderNo(tx, p.enterpriseId, 'P', toShanghaiDate(p.receivedAt)),
    itemCode: BOTTLED_DELIVERY_ITEM,
    channel: p.channel,
    customerId: p.customer.id,
    callerName: p.customer.name,
    callerPhone: p.customer.phone,
    address: p.address,
    description: '订购液化气 15 kg 一瓶，送气上门',
    ...projectionOf(order!),
    receivedAt: p.receivedAt,
    createdBy: p.agent.id,
    version: log.length,
    createdAt: p.receivedAt,
    updatedAt: log.at(-1)!.event.at,
  });
  await repo.insertEvents(
    tx,
    log.map((e) => eventRow(row, e.event, e.actor, e.event.at)),
  );
  const clocks = await storeOrderClocks(
    tx,
    { ...row, breached: false },
    log.map((e) => e.event),
    p.now,
    p.calendar,
  );
  await repo.updateOrderClockFields(tx, row.id, { nextDueAt: clocks.nextDueAt, breached: clocks.breached });
  return row;
}

/**
 * The published price list (demo prices): the one in force since 90 days ago, and the next one announced to take
 * effect in 20 days (a dearer 15 kg cylinder, free delivery dropped), so the history and a scheduled list both show.
 */
async function seedPriceLists(tx: Db, enterpriseId: string, now: Date) {
  const today = toShanghaiDate(now);
  const basis = '演示价目，非淄博实价';
  await tx.insert(cylinderPriceLists).values([
    {
      enterpriseId,
      effectiveFrom: addDays(today, -90),
      items: [
        { model: 'YSP4.7', fillG: 2_000, priceFen: 2_600 },
        { model: 'YSP35.5', fillG: 14_500, priceFen: PRICE_FEN },
        { model: 'YSP118', fillG: 49_500, priceFen: 36_000 },
      ],
      deliveryFeeFen: 0,
      basis,
      demo: true,
      createdAt: new Date(now.getTime() - 95 * 86_400_000),
    },
    {
      enterpriseId,
      effectiveFrom: addDays(today, 20),
      items: [
        { model: 'YSP4.7', fillG: 2_000, priceFen: 2_800 },
        { model: 'YSP35.5', fillG: 14_500, priceFen: 11_800 },
        { model: 'YSP118', fillG: 49_500, priceFen: 38_500 },
      ],
      deliveryFeeFen: 500,
      basis,
      demo: true,
      createdAt: new Date(now.getTime() - 86_400_000),
    },
  ]);
}
