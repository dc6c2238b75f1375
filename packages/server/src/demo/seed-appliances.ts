import {
  addDays,
  applyWorkOrderEvent,
  lineFen,
  shanghaiMidnightUtc,
  toShanghaiDate,
  warrantyEnds,
  warrantyMonths,
  type AppliancePriceLine,
  type WorkOrder,
  type WorkOrderEvent,
} from '@ranre/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  attachments,
  enterprises,
  qualityCertificates,
  repairConsents,
  users,
  warranties,
} from '../db/schema.ts';
import { packagedCalendar } from '../modules/platform/calendar/base-data.ts';
import { addressKey } from '../modules/gas/warranties/warranties.service.ts';
import { storeOrderClocks } from '../modules/service/workorders/order-clocks.ts';
import { projectionOf } from '../modules/service/workorders/order-log.ts';
import { eventRow } from '../modules/service/workorders/order-write.ts';
import * as repo from '../modules/service/workorders/workorders.repository.ts';
import { seedApplianceShop, seedRepairSlip, seedReturnVisit } from './seed-appliance-shop.ts';

// Issue 19: the demo appliance company's work, relative to the day the seed runs — an installation with its signed
// price list, quality certificate and 12-month warranty; a free redo under that warranty (restarting it); a paid
// repair out of warranty; a repair refused (past its scrap age, G-9.2.3); and open orders waiting for the consent.

const SIGNATURE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

type Person = { id: string; displayName: string; role: string };
type Step = { type: string; at: number; [k: string]: unknown };

const INSTALL: AppliancePriceLine[] = [
  { kind: 'part', name: '灶具安装配件包', quantity: 1, unitFen: 3500 },
  { kind: 'material', name: '不锈钢波纹连接管', quantity: 1.5, unitFen: 2000 },
  { kind: 'labour', name: '嵌入式灶具安装人工', quantity: 1, unitFen: 8000 },
];
const REPAIR: AppliancePriceLine[] = [
  { kind: 'part', name: '热电偶', quantity: 1, unitFen: 4500 },
  { kind: 'labour', name: '维修人工', quantity: 1, unitFen: 5000 },
];

export async function seedAppliances(tx: Db, now: Date): Promise<number> {
  const [ent] = await tx.select().from(enterprises).where(eq(enterprises.kind, 'appliance')).limit(1);
  if (!ent) return 0;
  const people = await tx.select().from(users).where(eq(users.enterpriseId, ent.id));
  const admin = people.find((u) => u.role === 'enterprise_admin');
  const [tech, tester] = people.filter((u) => u.role === 'technician');
  if (!admin || !tech || !tester) return 0;
  const calendar = packagedCalendar();
  const dayAt = (daysAgo: number, hh: number) =>
    new Date(shanghaiMidnightUtc(addDays(toShanghaiDate(now), -daysAgo)).getTime() + hh * 3_600_000);
  let seq = 0;

  const order = async (o: {
    item: string;
    caller: string;
    phone: string;
    address: string;
    description: string;
    receivedAt: Date;
    steps: Step[];
  }) => {
    const who = (type: string): Person =>
      ['dispatched', 'refused'].includes(type) ? admin : type === 'received' ? admin : tech;
    const log: { event: WorkOrderEvent; actor: Person }[] = [
      {
        event: {
          type: 'received',
          at: o.receivedAt,
          by: admin.id,
          itemCode: o.item,
          channel: 'phone',
          summary: o.description,
        } as WorkOrderEvent,
        actor: admin,
      },
      ...o.steps.map(({ at, ...rest }) => ({
        event: {
          ...rest,
          at: new Date(o.receivedAt.getTime() + at * 60_000),
          by: who(rest.type).id,
        } as WorkOrderEvent,
        actor: who(rest.type),
      })),
    ].filter((e) => e.event.at.getTime() <= now.getTime());
    let state: WorkOrder | undefined;
    for (const e of log) state = applyWorkOrderEvent(state, e.event, e.actor.role as never);
    const row = await repo.insertOrder(tx, {
      enterpriseId: ent.id,
      orderNo: await repo.nextOrderNo(tx, ent.id, 'A', toShanghaiDate(o.receivedAt)),
      itemCode: o.item,
      channel: 'phone',
      callerName: o.caller,
      callerPhone: o.phone,
      address: o.address,
      description: o.description,
      ...projectionOf(state!),
      receivedAt: o.receivedAt,
      createdBy: admin.id,
      version: log.length,
      createdAt: o.receivedAt,
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
      now,
      calendar,
    );
    await repo.updateOrderClockFields(tx, row.id, { nextDueAt: clocks.nextDueAt, breached: clocks.breached });
    return { row, at: (min: number) => new Date(o.receivedAt.getTime() + min * 60_000) };
  };

  const signature = async (orderId: string, at: Date, by: string) => {
    const [a] = await tx
      .insert(attachments)
      .values({
        enterpriseId: ent.id,
        orderId,
        kind: 'signature',
        mime: 'image/png',
        dataBase64: SIGNATURE_PNG,
        createdBy: by,
        createdAt: at,
      })
      .returning();
    return a!.id;
  };
  const consent = async (
    orderId: string,
    lines: AppliancePriceLine[],
    signer: string,
    at: Date,
    warrantyId?: string,
  ) => {
    const total = lines.reduce((s, l) => s + lineFen(l), 0);
    await tx.insert(repairConsents).values({
      enterpriseId: ent.id,
      workOrderId: orderId,
      lines,
      totalFen: total,
      chargedFen: warrantyId ? 0 : total,
      warrantyId: warrantyId ?? null,
      signerName: signer,
      signatureAttachmentId: await signature(orderId, at, tech.id),
      signedAt: at,
      createdBy: tech.id,
      createdAt: at,
    });
  };
  const warranty = async (
    row: { id: string; address: string },
    kind: 'installation' | 'repair',
    completedAt: Date,
    restarts?: { id: string; months: number },
  ) => {
    const startsOn = toShanghaiDate(completedAt);
    const months = restarts?.months ?? warrantyMonths(kind);
    const [w] = await tx
      .insert(warranties)
      .values({
        enterpriseId: ent.id,
        workOrderId: row.id,
        address: row.address,
        addressKey: addressKey(row.address),
        kind,
        months,
        startsOn,
        endsOn: warrantyEnds(startsOn, months),
        restartsWarrantyId: restarts?.id ?? null,
        createdAt: completedAt,
      })
      .returning();
    return w!;
  };
  const worked = (result: string): Step[] => [
    { type: 'dispatched', at: 20, assignee: tech.id },
    { type: 'accepted', at: 30 },
    { type: 'arrived_on_site', at: 24 * 60 },
    { type: 'started', at: 24 * 60 + 15 },
    { type: 'completed', at: 24 * 60 + 90, record: { result, onSite: true, signature: true } },
  ];

  // 1. An installation some 7 months ago: consent, certificate, 12-month warranty.
  const homeA = '张店区华光路 128 号 2 号楼 1 单元 301';
  const inst = await order({
    item: 'appliance_installation',
    caller: '周桂兰',
    phone: '13853300121',
    address: homeA,
    description: '新购嵌入式燃气灶上门安装',
    receivedAt: dayAt(210, 9),
    steps: worked('嵌入式燃气灶安装完毕，气密性检测合格，试火正常'),
  });
  await consent(inst.row.id, INSTALL, '周桂兰', inst.at(24 * 60 + 10));
  const done = inst.at(24 * 60 + 90);
  await signature(inst.row.id, done, tech.id);
  const day = toShanghaiDate(done);
  await tx.insert(qualityCertificates).values({
    enterpriseId: ent.id,
    workOrderId: inst.row.id,
    certificateNo: `ZL${day.replaceAll('-', '')}-0001`,
    fields: {
      company: ent.name,
      customerName: '周桂兰',
      address: homeA,
      brand: '示范牌',
      model: 'JZT-2-DEMO',
      work: '燃气燃烧器具安装',
      leakTestPassed: true,
      flueCoPpm: 150,
      coLimitPpm: 500,
      coLimitBasis: '器具产品标准（演示值）',
      installerName: tech.displayName,
      testerName: tester.displayName,
      installerCertificate: '燃气燃烧器具安装维修人员培训合格证',
      testerCertificate: '燃气燃烧器具安装维修人员培训合格证',
      installerSignature: true,
      testerSignature: true,
      warranty: '安装保修 12 个月，自完工之日起（G-9.2.8）',
      servicePhone: ent.hotline,
      supervisionPhone: ent.supervisionPhone,
    },
    installerSignatureId: await signature(inst.row.id, done, tech.id),
    testerSignatureId: await signature(inst.row.id, done, tester.id),
    issuedOn: day,
    createdBy: tech.id,
    createdAt: done,
  });
  const first = await warranty(inst.row, 'installation', done);
  seq++;

  // 2. A free redo under that warranty 20 days ago: nothing charged, the warranty restarts from its completion.
  const redo = await order({
    item: 'appliance_repair',
    caller: '周桂兰',
    phone: '13853300121',
    address: homeA,
    description: '去年安装的燃气灶左眼点火后熄火',
    receivedAt: dayAt(20, 10),
    steps: worked('更换热电偶，保修期内免费返修，试火正常'),
  });
  await consent(redo.row.id, REPAIR, '周桂兰', redo.at(24 * 60 + 10), first.id);
  await warranty(redo.row, 'installation', redo.at(24 * 60 + 90), { id: first.id, months: first.months });
  seq++;

  // 3. A paid repair out of warranty 40 days ago: 3-month repair warranty.
  const homeB = '张店区共青团西路 66 号 5 号楼 2 单元 602';
  const paid = await order({
    item: 'appliance_repair',
    caller: '吴建国',
    phone: '13953300233',
    address: homeB,
    description: '热水器打火不着，已用 6 年',
    receivedAt: dayAt(40, 14),
    steps: worked('更换热电偶并清理燃烧器，运行正常'),
  });
  await consent(paid.row.id, REPAIR, '吴建国', paid.at(24 * 60 + 10));
  await warranty(paid.row, 'repair', paid.at(24 * 60 + 90));
  seq++;

  // 4. Refused: the water heater is past its scrap age (G-9.2.3), the reason and advice given.
  await order({
    item: 'appliance_repair',
    caller: '郑淑珍',
    phone: '13853300345',
    address: '张店区柳泉路 210 号 3 号楼 4 单元 101',
    description: '燃气热水器漏水，使用约 10 年',
    receivedAt: dayAt(8, 9),
    steps: [
      {
        type: 'refused',
        at: 40,
        reason:
          '热水器已使用约 10 年，超过报废年限（G-9.2.3），不予维修；建议更换合格的新热水器，可免费上门测量安装条件',
        writtenNoticeRef: 'RJ-JJ-DEMO-001',
      },
    ],
  });
  seq++;

  // 5. Open: an installation and a repair with the technician, waiting for the customer's consent.
  for (const [item, caller, phone, address, description, hh] of [
    [
      'appliance_installation',
      '孙丽萍',
      '13853300456',
      '张店区华光路 88 号 3 单元 502',
      '新购燃气灶上门安装',
      9,
    ],
    ['appliance_repair', '吴建国', '13953300233', homeB, '燃气灶右眼火小发黄', 15],
  ] as const) {
    await order({
      item,
      caller,
      phone,
      address,
      description,
      receivedAt: dayAt(0, hh) > now ? dayAt(1, hh) : dayAt(0, hh),
      steps: [
        { type: 'dispatched', at: 15, assignee: tech.id },
        { type: 'accepted', at: 25 },
      ],
    });
    seq++;
  }

  // 6. Issue 19 (migration 0045): catalogue, counter sales, the job's required certificate, a walk-in repair's slip.
  await seedApplianceShop(tx, ent, admin, people.find((u) => u.role === 'agent') ?? admin, now);
  const walkIn = await order({
    item: 'appliance_walk_in_repair',
    caller: '韩玉梅',
    phone: '13853300567',
    address: '',
    description: '示范牌燃气灶送店维修：左眼打不着火',
    receivedAt: dayAt(1, 10),
    steps: [],
  });
  await seedRepairSlip(tx, ent, walkIn.row, admin);
  await seedReturnVisit(tx, ent, inst.row.id, done, admin);
  return seq + 1;
}
