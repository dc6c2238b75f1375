import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, premises } from '../../../db/schema.ts';
import { qualityWorld } from '../measurements/quality.fixtures.ts';
import type { Detail, OrderWorld } from '../../service/workorders/testing.ts';

// H-10.5.1 hand-counted. The heating company's archive: 阳光小区 two homes of 100 m² and 300 m² (400 m²), 翠苑小区
// one of 600 m²: 1,000 m² in all. Season 2026-2027 from 15 Nov 2026 to 15 Mar 2027 (121 days = 174,240 min).
// December 2026 (31 days = 44,640 min):
//   O1 阳光小区, company's fault, 1 Dec 08:00 → 1 Dec 18:00 (600 min × 400 m² = 240,000 m²·min)
//   O2 翠苑小区, not the company's (a power cut), 2 Dec, 5 h — left out
//   O3 阳光小区 + 翠苑小区, company's fault, 31 Dec 20:00 → 1 Jan 02:00: 4 h in December (240 × 1,000 = 240,000)
// December: (240,000 + 240,000) ÷ (44,640 × 1,000) = 10.7527 ‰ → 10.75 ‰, missed (> 2 ‰).
// Season: (240,000 + 360,000) ÷ (174,240 × 1,000) = 3.4435 ‰ → 3.44 ‰, missed.

let w: OrderWorld;
const outage = (body: Record<string, unknown>, who = 'heat_dispatcher') =>
  w.call(who, 'POST', '/heating-outages', body);

async function household(community: string, area: string, n: number) {
  const [c] = await w.t.database.db
    .insert(customers)
    .values({
      enterpriseId: w.world.heat.id,
      accountNo: `TR${n}`,
      kind: 'heating_resident',
      name: `住户${n}`,
    })
    .returning({ id: customers.id });
  await w.t.database.db.insert(premises).values({
    enterpriseId: w.world.heat.id,
    customerId: c!.id,
    district: '张店区',
    community,
    address: `${community}${n}号`,
    heatedAreaM2: area,
  });
}

const figureOf = (data: Detail, enterpriseId: string) =>
  data.indicators
    .find((i: Detail) => i.id === 'heating_accident_rate')
    .figures.find((f: Detail) => f.enterpriseId === enterpriseId);

beforeAll(async () => {
  w = await qualityWorld();
  await household('阳光小区', '100.00', 1);
  await household('阳光小区', '300.00', 2);
  await household('翠苑小区', '600.00', 3);
  w.at('2027-01-05 10:00');
  const o1 = await outage({
    communities: ['阳光小区'],
    startedAt: '2026-12-01T08:00:00+08:00',
    restoredAt: '2026-12-01T18:00:00+08:00',
    companyCaused: true,
    cause: '一级网阀门故障',
  });
  expect(o1.statusCode, o1.body).toBe(201);
  expect(o1.json()).toMatchObject({ heatedAreaM2: 400, households: 2, hours: 10 });
  const o2 = await outage({
    communities: ['翠苑小区'],
    startedAt: '2026-12-02T08:00:00+08:00',
    restoredAt: '2026-12-02T13:00:00+08:00',
    companyCaused: false,
    cause: '外部停电',
  });
  expect(o2.statusCode, o2.body).toBe(201);
  const o3 = await outage({
    communities: ['阳光小区', '翠苑小区'],
    startedAt: '2026-12-31T20:00:00+08:00',
    companyCaused: true,
    cause: '换热站循环泵损坏',
  });
  expect(o3.statusCode, o3.body).toBe(201);
  expect(o3.json()).toMatchObject({ heatedAreaM2: 1000, restoredAt: null });
  const restored = await w.call('heat_dispatcher', 'POST', `/heating-outages/${o3.json().id}/restore`, {
    restoredAt: '2027-01-01T02:00:00+08:00',
  });
  expect(restored.statusCode, restored.body).toBe(200);
  expect(restored.json()).toMatchObject({ hours: 6 });
}, 120_000);
afterAll(async () => w?.close());

describe('H-10.5.1 operation accident rate from recorded outages', () => {
  it('H-10.5.1: December counts the company-caused hours × area inside the month over the season minutes × archive area (10.75 ‰, missed)', async () => {
    const res = await w.call('reg', 'GET', '/evaluation?period=2026-12');
    expect(res.statusCode, res.body).toBe(200);
    expect(figureOf(res.json(), w.world.heat.id)).toMatchObject({
      numerator: 480_000,
      denominator: 44_640_000,
      value: 10.75,
      status: 'missed',
    });
  });

  it('H-3.8: the season leaves out the power cut and counts O3 whole (3.44 ‰); its drill-down lists the two outages and the season base', async () => {
    const res = await w.call('reg', 'GET', '/evaluation?period=2026-2027');
    expect(figureOf(res.json(), w.world.heat.id)).toMatchObject({
      numerator: 600_000,
      denominator: 174_240_000,
      value: 3.44,
      status: 'missed',
    });
    const q = `indicator=heating_accident_rate&enterpriseId=${w.world.heat.id}&period=2026-2027`;
    const num = (await w.call('reg', 'GET', `/evaluation/drilldown?${q}&part=numerator`)).json();
    expect(num.total).toBe(2);
    expect(num.items.map((i: Detail) => i.amount).sort()).toEqual([240_000, 360_000]);
    const den = (await w.call('reg', 'GET', `/evaluation/drilldown?${q}&part=denominator`)).json();
    expect(den.items.find((i: Detail) => i.item === 'heating_season_base')).toMatchObject({
      denAmount: 174_240_000,
      refNo: '2026-2027',
    });
  });

  it('H-10.5.1: a closed season keeps its rate when the archive grows afterwards', async () => {
    w.at('2027-04-01 10:00');
    const closed = await w.call('reg', 'POST', '/evaluation/periods/2026-2027/close');
    expect(closed.statusCode, closed.body).toBe(200);
    await household('新建小区', '1000.00', 4);
    const res = await w.call('reg', 'GET', '/evaluation?period=2026-2027');
    expect(figureOf(res.json(), w.world.heat.id)).toMatchObject({
      numerator: 600_000,
      denominator: 174_240_000,
    });
    const live = await w.call('reg', 'GET', '/evaluation?period=2026-12');
    expect(figureOf(live.json(), w.world.heat.id).denominator).toBe(44_640 * 2000);
  });

  it('H-10.5.1: an unknown community, a restore before the start or a second restore is refused; the regulator cannot record', async () => {
    const unknown = await outage({
      communities: ['不存在小区'],
      startedAt: '2026-12-05T08:00:00+08:00',
      companyCaused: true,
      cause: '测试',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('OUTAGE_AREA_UNKNOWN');
    const backwards = await outage({
      communities: ['阳光小区'],
      startedAt: '2026-12-05T08:00:00+08:00',
      restoredAt: '2026-12-05T07:00:00+08:00',
      companyCaused: true,
      cause: '测试',
    });
    expect(backwards.statusCode).toBe(400);
    const list = (await w.call('heat_dispatcher', 'GET', '/heating-outages')).json();
    expect(list.total).toBe(3);
    const again = await w.call('heat_dispatcher', 'POST', `/heating-outages/${list.items[0].id}/restore`, {
      restoredAt: '2027-01-02T02:00:00+08:00',
    });
    expect(again.statusCode).toBe(409);
    expect(
      (
        await outage(
          {
            communities: ['阳光小区'],
            startedAt: '2026-12-05T08:00:00+08:00',
            companyCaused: true,
            cause: '测试',
          },
          'reg',
        )
      ).statusCode,
    ).toBe(403);
    const communities = (await w.call('heat_admin', 'GET', '/heating-outages/communities')).json();
    expect(communities.items.find((c: Detail) => c.community === '阳光小区')).toMatchObject({
      households: 2,
      heatedAreaM2: 400,
    });
  });
});
