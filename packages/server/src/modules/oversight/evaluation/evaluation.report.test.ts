import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHouseholds, measurement, qualityWorld } from '../../heating/measurements/quality.fixtures.ts';
import type { Detail, OrderWorld } from '../../service/workorders/testing.ts';

// The cockpit's district filter and the PDF evaluation report (issue 14). November 2026, hand-counted: the heating
// company (张店区) measured two households, one passing and one failing: room temperature 50 % (missed ≥ 99 %).
// The gas company is put in 淄川区.

let w: OrderWorld;
const get = async (who: string, url: string) => {
  const res = await w.call(who, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

function pdfText(body: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ev-report-')), 'report.pdf');
  fs.writeFileSync(file, body);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

beforeAll(async () => {
  w = await qualityWorld();
  const setDistrict = async (id: string, district: string) => {
    const res = await w.t.app.inject({
      method: 'PATCH',
      url: `/api/enterprises/${id}`,
      headers: { cookie: await w.t.login('reg') },
      payload: { district },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  await setDistrict(w.world.heat.id, '张店区');
  await setDistrict(w.world.gas.id, '淄川区');
  const [p1, p2] = await addHouseholds(w, [{}, {}]);
  for (const [at, p, tenths] of [
    ['2026-11-20 10:00', p1!, 190],
    ['2026-11-20 11:00', p2!, 160],
  ] as const) {
    w.at(at);
    const res = await w.call('heat_tech', 'POST', '/measurements', measurement(p, [tenths]));
    expect(res.statusCode, res.body).toBe(201);
  }
  w.at('2026-12-02 10:00');
  const remark = await w.call('reg', 'POST', '/evaluation/statements', {
    period: '2026-11',
    kind: 'remark',
    enterpriseId: w.world.heat.id,
    body: '室温合格率未达标，限期整改并报送整改计划。',
  });
  expect(remark.statusCode, remark.body).toBe(201);
}, 120_000);
afterAll(async () => w?.close());

describe('the cockpit filtered by district, and the PDF evaluation report', () => {
  it('the district filter keeps the enterprises of that district only and lists the districts to choose', async () => {
    const all = await get('reg', '/evaluation?period=2026-11');
    expect(all.districts).toEqual(expect.arrayContaining(['张店区', '淄川区']));
    const zc = await get('reg', `/evaluation?period=2026-11&district=${encodeURIComponent('淄川区')}`);
    expect(zc.enterprises.map((e: Detail) => e.id)).toEqual([w.world.gas.id]);
    expect(zc.indicators.some((i: Detail) => i.id === 'room_temperature_pass')).toBe(false);
    const zd = await get(
      'reg',
      `/evaluation?period=2026-11&district=${encodeURIComponent('张店区')}&kind=heating`,
    );
    expect(zd.enterprises.map((e: Detail) => e.id)).toEqual([w.world.heat.id]);
  });

  it('H-10.5.3: the report PDF states the figure, Table 1 target, the verdict, the trend and the regulator’s remark', async () => {
    const res = await w.call(
      'reg',
      'GET',
      `/evaluation/report.pdf?period=2026-11&enterpriseId=${w.world.heat.id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload).replace(/[ \t]+/g, ' ');
    expect(text).toContain('服务质量评价报告（2026-11）');
    expect(text).toMatch(/热用户室温合格率（H-10.5.3、H-3.10）\s*50%\s*1\s*\/\s*2\s*≥ 99%\s*未达标/);
    expect(text).toContain('张店区');
    expect(text).toContain('2026-06');
    expect(text).toContain('室温合格率未达标，限期整改并报送整改计划。');
    expect(text).toContain('监管部门意见');
  });

  it('an enterprise gets its own report only', async () => {
    const own = await w.call('heat_admin', 'GET', '/evaluation/report.pdf?period=2026-11');
    expect(own.statusCode, own.body).toBe(200);
    expect(pdfText(own.rawPayload)).toContain('50%');
    const other = await w.call(
      'heat_admin',
      'GET',
      `/evaluation/report.pdf?period=2026-11&enterpriseId=${w.world.gas.id}`,
    );
    expect(other.statusCode).toBe(403);
  });
});
