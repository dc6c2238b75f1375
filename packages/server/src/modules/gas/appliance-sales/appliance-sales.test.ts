import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pressureStations } from '../../../db/schema.ts';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { orderWorld, type OrderWorld } from '../../service/workorders/testing.ts';

// G-9.1.1–G-9.1.3, G-9.2.9: the appliance catalogue and the sale at the counter; G-9.2.5 c): the walk-in repair.

let w: OrderWorld;
const HANDOVER = ['receipt', 'warrantyCard', 'certificate', 'manual', 'gasTypeLabel'];

beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-11-26 09:00');
  const appl = await createEnterprise(w.t.database, 'appliance', '测试燃气具公司');
  for (const [u, role] of [
    ['appl_admin', 'enterprise_admin'],
    ['appl_agent', 'agent'],
    ['appl_tech', 'technician'],
  ] as const) {
    w.ids[u] = (await createUser(w.t.database, appl.id, u, role)).id;
  }
  // The pipeline company declares its networks: 华光小区 on natural gas, 石化新村 on piped LPG.
  for (const [name, gasType, community] of [
    ['华光路调压站', 'natural_gas', '华光小区'],
    ['石化调压站', 'lpg', '石化新村'],
  ]) {
    await w.t.database.db.insert(pressureStations).values({
      enterpriseId: w.world.gas.id,
      name: name!,
      gasType: gasType!,
      nearCommunities: [community!],
      farCommunities: [],
      createdBy: w.ids.gas_admin!,
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
  }
});
afterAll(() => w.close());

const model = (over: Record<string, unknown> = {}) => ({
  category: '燃气热水器',
  brand: '示范牌',
  model: 'JSQ25-13',
  gasType: 'natural_gas',
  certificateNo: 'CCC-2025-0113',
  warrantyMonths: 36,
  warrantyTerms: '整机三年，主要部件五年',
  priceFen: 329900,
  ...over,
});

let ng = '';
let lpg = '';

describe('catalogue (G-9.1.1–G-9.1.3)', () => {
  it('G-9.1.3 a catalogue line names brand, model, gas type, certificate, warranty terms and a marked price', async () => {
    const made = await w.call('appl_admin', 'POST', '/appliance-models', model());
    expect(made.statusCode, made.body).toBe(201);
    ng = made.json().id;
    lpg = (
      await w.call('appl_admin', 'POST', '/appliance-models', model({ gasType: 'lpg', model: 'JSQ25-13Y' }))
    ).json().id;
    expect((await w.call('appl_admin', 'POST', '/appliance-models', model())).json().code).toBe(
      'MODEL_EXISTS',
    );
    expect(
      (await w.call('appl_admin', 'POST', '/appliance-models', model({ gasType: 'coal_gas' }))).statusCode,
    ).toBe(400);
    expect((await w.call('appl_agent', 'POST', '/appliance-models', model({ model: 'X' }))).statusCode).toBe(
      403,
    );
    const list = (await w.call('appl_agent', 'GET', '/appliance-models')).json().items;
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: ng,
          gasType: 'natural_gas',
          certificateNo: 'CCC-2025-0113',
          priceFen: 329900,
        }),
      ]),
    );
    // Other enterprises do not see it.
    expect((await w.call('gas_agent', 'GET', '/appliance-models')).json().items).toEqual([]);
  });

  it('G-9.1.3 a price change is audited; a withdrawn appliance is not sold', async () => {
    const res = await w.call('appl_admin', 'PATCH', `/appliance-models/${lpg}`, { priceFen: 319900 });
    expect(res.json().priceFen).toBe(319900);
    expect(
      await w.count(`select count(*)::int as n from audit_events where action = 'appliance_model.update'`),
    ).toBe(1);
  });
});

const sale = (over: Record<string, unknown> = {}) => ({
  modelId: ng,
  customerName: '周桂兰',
  customerPhone: '13905330088',
  address: '张店区华光路 88 号 3 单元 502',
  supply: 'pipeline',
  community: '华光小区',
  handedOver: HANDOVER,
  ...over,
});

describe('sale at the counter (G-9.1.3)', () => {
  it('G-9.1.3 an appliance for the wrong gas type at the address is refused with the reason', async () => {
    const wrong = await w.call('appl_agent', 'POST', '/appliance-sales', sale({ modelId: lpg }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({
      code: 'GAS_TYPE_MISMATCH',
      details: { clause: 'G-9.1.3', applianceGasType: 'lpg', addressGasType: 'natural_gas' },
    });
    expect(wrong.json().messages.zh).toContain('气种不符');
    // A bottled-gas customer burns LPG: the natural-gas model is refused there.
    const bottled = await w.call(
      'appl_agent',
      'POST',
      '/appliance-sales',
      sale({ supply: 'bottled', community: '' }),
    );
    expect(bottled.json().details.addressGasType).toBe('lpg');
    // A community on piped LPG takes the LPG model.
    const piped = await w.call(
      'appl_agent',
      'POST',
      '/appliance-sales',
      sale({ modelId: lpg, community: '石化新村' }),
    );
    expect(piped.statusCode, piped.body).toBe(201);
    expect(piped.json()).toMatchObject({
      addressGasType: 'lpg',
      gasTypeSource: 'pipeline_network',
      totalFen: 319900,
    });
  });

  it('G-9.1.3 a community no pipeline company declares is refused: the gas at the address is not known', async () => {
    const res = await w.call('appl_agent', 'POST', '/appliance-sales', sale({ community: '不存在小区' }));
    expect(res.json().code).toBe('GAS_TYPE_UNKNOWN');
    expect(
      (await w.call('appl_agent', 'POST', '/appliance-sales', sale({ community: '' }))).json().code,
    ).toBe('COMMUNITY_REQUIRED');
  });

  it('G-9.1.3 the customer takes home the receipt, warranty card, certificate, manual and gas-type label', async () => {
    const res = await w.call(
      'appl_agent',
      'POST',
      '/appliance-sales',
      sale({ handedOver: ['receipt', 'manual'] }),
    );
    expect(res.json()).toMatchObject({
      code: 'HANDOVER_MISSING',
      details: { missing: ['warrantyCard', 'certificate', 'gasTypeLabel'] },
    });
    expect(res.json().messages.zh).toContain('保修卡');
    const ok = await w.call('appl_agent', 'POST', '/appliance-sales', sale({ quantity: 2 }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      saleNo: 'XS20261126-0002',
      brand: '示范牌',
      gasType: 'natural_gas',
      addressGasType: 'natural_gas',
      certificateNo: 'CCC-2025-0113',
      warrantyMonths: 36,
      totalFen: 659800,
      handedOver: HANDOVER,
    });
    await expect(w.t.database.executeSql(`update appliance_sales set total_fen = 0`)).rejects.toThrow();
    const regulator = (await w.call('reg', 'GET', '/appliance-sales')).json().items;
    expect(regulator[0].customerName).not.toBe('周桂兰');
    expect(regulator[0].customerPhone).not.toContain('05330088');
    await w.call('appl_admin', 'PATCH', `/appliance-models/${ng}`, { active: false });
    expect((await w.call('appl_agent', 'POST', '/appliance-sales', sale())).json().code).toBe(
      'MODEL_WITHDRAWN',
    );
  });

  it('G-9.2.9 an installation is taken for an appliance bought anywhere, whatever its brand', async () => {
    const o = await w.create('appl_agent', {
      itemCode: 'appliance_installation',
      channel: 'phone',
      callerName: '吴建国',
      callerPhone: '13905330077',
      address: '张店区共青团西路 66 号',
      description: '网购的其他品牌燃气灶，请上门安装',
    });
    expect(o.state).toBe('received');
  });
});

describe('walk-in repair (G-9.2.5)', () => {
  const walkIn = () =>
    w.create('appl_agent', {
      itemCode: 'appliance_walk_in_repair',
      channel: 'counter',
      callerName: '郑淑珍',
      callerPhone: '13905330099',
      address: '张店区柳泉路 210 号',
      description: '燃气灶点不着火，送店维修',
    });

  it('G-9.2.5 a walk-in repair not done the same day gets a repair slip with the agreed pick-up date (PDF)', async () => {
    const o = await walkIn();
    const today = await w.call('appl_agent', 'POST', `/work-orders/${o.id}/repair-slips`, {
      appliance: '示范牌 JZT-2 燃气灶',
      reason: '需更换点火器，配件明日到货',
      pickUpOn: '2026-11-26',
    });
    expect(today.json().code).toBe('PICK_UP_DATE_INVALID');
    const res = await w.call('appl_agent', 'POST', `/work-orders/${o.id}/repair-slips`, {
      appliance: '示范牌 JZT-2 燃气灶',
      reason: '需更换点火器，配件明日到货',
      pickUpOn: '2026-11-28',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items[0]).toMatchObject({ slipNo: 'WX20261126-0001', pickUpOn: '2026-11-28' });
    const pdf = await w.call('appl_agent', 'GET', `/work-orders/${o.id}/repair-slip.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-slip-')), 's.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const s of [
      '燃气燃烧器具维修单',
      'WX20261126-0001',
      '2026-11-28',
      '配件明日到货',
      '郑淑珍',
      '0533-7654321',
    ])
      expect(text, s).toContain(s);
  });

  it('G-9.2.5 a repair slip belongs to a walk-in repair only', async () => {
    const home = await w.create('appl_agent', {
      itemCode: 'appliance_repair',
      channel: 'phone',
      callerName: '郑淑珍',
      callerPhone: '13905330099',
      address: '张店区柳泉路 210 号',
      description: '上门维修',
    });
    const res = await w.call('appl_agent', 'POST', `/work-orders/${home.id}/repair-slips`, {
      appliance: '燃气灶',
      reason: '无需送修',
      pickUpOn: '2026-11-28',
    });
    expect(res.json().code).toBe('NOT_WALK_IN');
    expect((await w.call('appl_agent', 'GET', `/work-orders/${home.id}/repair-slip.pdf`)).json().code).toBe(
      'NO_REPAIR_SLIP',
    );
  });
});

describe('documents of the day: the sale receipt and running numbers', () => {
  const pdfText = (raw: Buffer) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-receipt-')), 'r.pdf');
    fs.writeFileSync(file, raw);
    return execFileSync('pdftotext', ['-layout', file, '-']).toString();
  };

  it('G-9.1.3 each sale has its receipt as PDF — seller, customer, appliance, gas type, certificate, amount, warranty — the same on every print', async () => {
    await w.call('appl_admin', 'PATCH', `/appliance-models/${ng}`, { active: true });
    const made = await w.call('appl_agent', 'POST', '/appliance-sales', sale({ quantity: 2 }));
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    const res = await w.call('appl_agent', 'GET', `/appliance-sales/${id}/receipt.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    for (const s of [
      '测试燃气具公司',
      '燃气燃烧器具销售凭证',
      made.json().saleNo,
      '周桂兰',
      '13905330088',
      '张店区华光路 88 号',
      '示范牌 JSQ25-13',
      '天然气',
      'CCC-2025-0113',
      '3299.00',
      '6598.00',
      '36 个月',
      '保修卡',
      '适用气种标识',
    ])
      expect(text, s).toContain(s);
    const again = await w.call('appl_agent', 'GET', `/appliance-sales/${id}/receipt.pdf`);
    expect(pdfText(again.rawPayload)).toBe(text);
    // The regulator reads the receipt with the customer masked; another enterprise does not find it.
    const masked = pdfText((await w.call('reg', 'GET', `/appliance-sales/${id}/receipt.pdf`)).rawPayload);
    expect(masked).not.toContain('13905330088');
    expect((await w.call('gas_admin', 'GET', `/appliance-sales/${id}/receipt.pdf`)).statusCode).toBe(404);
  });

  it('G-9.1.3 sales written at the same moment get distinct, consecutive numbers', async () => {
    const before = (await w.call('appl_agent', 'GET', '/appliance-sales')).json().items.length as number;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        w.call('appl_agent', 'POST', '/appliance-sales', sale({ customerName: `并发${i}` })),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results.map((r) => r.json().saleNo as string).sort();
    expect(new Set(numbers).size).toBe(8);
    const tail = numbers.map((n) => Number(n.slice(-4)));
    expect(tail.at(-1)! - tail[0]!).toBe(7);
    expect((await w.call('appl_agent', 'GET', '/appliance-sales')).json().items.length).toBe(before + 8);
  });

  it('G-9.2.5 repair slips issued at the same moment get distinct numbers', async () => {
    const orders = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        w.create('appl_agent', {
          itemCode: 'appliance_walk_in_repair',
          channel: 'counter',
          callerName: `送修${i}`,
          callerPhone: '13905330099',
          address: '张店区柳泉路 210 号',
          description: '热水器不点火',
        }),
      ),
    );
    const results = await Promise.all(
      orders.map((o) =>
        w.call('appl_agent', 'POST', `/work-orders/${o.id}/repair-slips`, {
          appliance: '示范牌热水器',
          reason: '需更换比例阀',
          pickUpOn: '2026-11-30',
        }),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results.map((r) => r.json().items[0].slipNo as string);
    expect(new Set(numbers).size).toBe(5);
  });
});
