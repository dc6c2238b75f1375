import {
  SAFETY_ADVICE,
  addDays,
  returnVisitSchedule,
  shanghaiMidnightUtc,
  toShanghaiDate,
} from '@ranre/domain';
import type { Db } from '../db/client.ts';
import { nextDocumentNo } from '../db/document-numbers.ts';
import {
  applianceModels,
  applianceReturnVisits,
  applianceSales,
  qualificationRequirements,
  repairSlips,
} from '../db/schema.ts';
import { gasAreas } from '../modules/gas/appliance-sales/appliance-sales.repository.ts';

// Issue 19 (migration 0045): the demo appliance company's catalogue (natural gas and LPG lines, one withdrawn), a few
// counter sales to the pipeline company's declared communities and a bottled-gas household, the certificate its
// installation and repair jobs require (held by its demo technicians), and a walk-in repair's slip.

const CERTIFICATE = '燃气燃烧器具安装维修人员培训合格证';
const HANDOVER = ['receipt', 'warrantyCard', 'certificate', 'manual', 'gasTypeLabel'];

const MODELS = [
  [
    '燃气灶',
    '示范牌',
    'JZT-2-DEMO',
    'natural_gas',
    'CCC-2025-JZT2T',
    24,
    '整机两年保修，上门服务',
    189900,
    true,
  ],
  ['燃气灶', '示范牌', 'JZY-2-DEMO', 'lpg', 'CCC-2025-JZY2Y', 24, '整机两年保修，上门服务', 179900, true],
  [
    '燃气热水器',
    '示范牌',
    'JSQ25-13DEMO',
    'natural_gas',
    'CCC-2025-JSQ13T',
    36,
    '整机三年，热交换器五年',
    329900,
    true,
  ],
  [
    '壁挂炉',
    '鲁中牌',
    'L1PB20-DEMO',
    'natural_gas',
    'CCC-2024-L1PB20',
    24,
    '整机两年，主要部件三年',
    569900,
    true,
  ],
  ['燃气热水器', '鲁中牌', 'JSQ16-8-OLD', 'natural_gas', 'CCC-2021-JSQ8', 12, '整机一年', 159900, false],
] as const;

export async function seedApplianceShop(
  tx: Db,
  ent: { id: string },
  admin: { id: string },
  agent: { id: string },
  now: Date,
): Promise<void> {
  const created = shanghaiMidnightUtc(addDays(toShanghaiDate(now), -90));
  const models = await tx
    .insert(applianceModels)
    .values(
      MODELS.map(
        ([
          category,
          brand,
          model,
          gasType,
          certificateNo,
          warrantyMonths,
          warrantyTerms,
          priceFen,
          active,
        ]) => ({
          enterpriseId: ent.id,
          category,
          brand,
          model,
          gasType,
          certificateNo,
          warrantyMonths,
          warrantyTerms,
          priceFen,
          active,
          createdBy: admin.id,
          createdAt: created,
          updatedAt: created,
        }),
      ),
    )
    .returning();
  // G-5.6.1, G-9.2.2: installation and repair require the appliance practitioner's certificate.
  await tx.insert(qualificationRequirements).values(
    ['appliance_installation', 'appliance_repair', 'appliance_walk_in_repair'].map((itemCode) => ({
      enterpriseId: ent.id,
      itemCode,
      certificateName: CERTIFICATE,
      createdBy: admin.id,
      createdAt: created,
    })),
  );
  const areas = (await gasAreas(tx)).filter((a) => a.gasType === 'natural_gas');
  const byModel = (m: string) => models.find((x) => x.model === m)!;
  const sales = [
    { days: 30, model: 'JSQ25-13DEMO', name: '周桂兰', phone: '13853300121', area: areas[0] },
    { days: 12, model: 'JZT-2-DEMO', name: '吴建国', phone: '13953300233', area: areas[1] ?? areas[0] },
    { days: 3, model: 'JZY-2-DEMO', name: '韩玉梅', phone: '13853300567', area: undefined },
  ];
  for (const s of sales) {
    const m = byModel(s.model);
    // A pipeline sale needs a declared natural-gas community; without one the demo sells only to bottled gas.
    if (m.gasType === 'natural_gas' && !s.area) continue;
    const soldAt = new Date(
      shanghaiMidnightUtc(addDays(toShanghaiDate(now), -s.days)).getTime() + 10 * 3_600_000,
    );
    await tx.insert(applianceSales).values({
      enterpriseId: ent.id,
      saleNo: await nextDocumentNo(tx, ent.id, `XS${toShanghaiDate(soldAt).replaceAll('-', '')}-`),
      modelId: m.id,
      brand: m.brand,
      model: m.model,
      gasType: m.gasType,
      certificateNo: m.certificateNo,
      warrantyMonths: m.warrantyMonths,
      unitFen: m.priceFen,
      quantity: 1,
      totalFen: m.priceFen,
      customerName: s.name,
      customerPhone: s.phone,
      address: s.area ? `张店区${s.area.community} 3 号楼 2 单元 401` : '淄川区般阳路 18 号平房',
      supply: s.area ? 'pipeline' : 'bottled',
      community: s.area?.community ?? '',
      addressGasType: s.area ? 'natural_gas' : 'lpg',
      gasTypeSource: s.area ? 'pipeline_network' : 'bottled',
      handedOver: HANDOVER,
      soldBy: agent.id,
      soldAt,
    });
  }
}

/** G-9.2.5 c): the walk-in repair not done the same day — its slip with the agreed pick-up date. */
export async function seedRepairSlip(
  tx: Db,
  ent: { id: string },
  order: { id: string; receivedAt: Date },
  by: { id: string },
): Promise<void> {
  const day = toShanghaiDate(order.receivedAt);
  await tx.insert(repairSlips).values({
    enterpriseId: ent.id,
    workOrderId: order.id,
    slipNo: await nextDocumentNo(tx, ent.id, `WX${day.replaceAll('-', '')}-`),
    appliance: '示范牌 JZT-2-DEMO 燃气灶',
    reason: '点火器损坏，需向厂家订购配件',
    pickUpOn: addDays(day, 3),
    issuedBy: by.id,
    issuedAt: new Date(order.receivedAt.getTime() + 30 * 60_000),
  });
}

/** G-9.3.1: the first return visit after the demo installation made, the next ones left due or upcoming. */
export async function seedReturnVisit(
  tx: Db,
  ent: { id: string },
  orderId: string,
  completedAt: Date,
  by: { id: string },
): Promise<void> {
  const [first] = returnVisitSchedule(toShanghaiDate(completedAt), [], toShanghaiDate(completedAt));
  await tx.insert(applianceReturnVisits).values({
    enterpriseId: ent.id,
    workOrderId: orderId,
    dueOn: first!.dueOn,
    channel: 'phone',
    advice: SAFETY_ADVICE.map((a) => a.key),
    answers:
      '用户反映灶具使用正常；已讲解点火和关火顺序、用后关闭灶前阀，闻到燃气味时关阀开窗、不开关电器，到室外拨打报修电话',
    visitedAt: new Date(shanghaiMidnightUtc(first!.dueOn).getTime() + 15 * 3_600_000),
    createdBy: by.id,
  });
}
